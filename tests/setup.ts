// Exports sanitize what they write; in Node that takes DOMPurify on jsdom, as the CLI uses.
import { nodeSanitizer } from '../cli/node-dom';
import { useExportSanitizer } from '../lib/export/safe';

useExportSanitizer(nodeSanitizer());
