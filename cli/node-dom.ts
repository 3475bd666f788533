import { JSDOM } from 'jsdom';
import { createSanitizer } from '../lib/sanitize';

/** jsdom, not linkedom: DOMPurify only sanitizes with a real DOM. */
let shared: ((html: string) => string) | null = null;

export function nodeSanitizer(): (html: string) => string {
  shared ??= createSanitizer(new JSDOM('').window as unknown as Window);
  return shared;
}

export function parseHtml(html: string, url: string): Document {
  // No scripts run and no resources load: jsdom's defaults, stated for the reader.
  return new JSDOM(html, { url, runScripts: undefined, resources: undefined }).window.document;
}
