// Exports sanitize what they write; in Node that takes DOMPurify on jsdom, as the CLI uses.
// Conversions read opencc-js's modules, as the CLI does.
import { nodeDictionaries } from '../cli/node-dictionaries';
import { lazyNodeSanitizer } from '../cli/node-dom';
import { useDictionaries } from '../lib/convert/load';
import { useExportSanitizer } from '../lib/export/safe';

useExportSanitizer(lazyNodeSanitizer);
useDictionaries(nodeDictionaries);
