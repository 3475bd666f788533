import { JSDOM, VirtualConsole } from 'jsdom';
import { flattenDeepNesting, maxDepth } from '../lib/dom/flatten';
import { createSanitizer } from '../lib/sanitize';

/** jsdom, not linkedom: DOMPurify only sanitizes with a real DOM. */
let shared: ((html: string) => string) | null = null;

export function nodeSanitizer(): (html: string) => string {
  shared ??= createSanitizer(new JSDOM('').window as unknown as Window);
  return shared;
}

/** Deeper than this, jsdom's recursive cloneNode runs out of stack. */
const DEEPEST_CLONEABLE = 1000;
const VALID_DOCTYPE_NAME = /^[A-Za-z_][\w.-]*$/;

/**
 * A saved page as a Document made safe for jsdom to copy: a malformed doctype
 * ("<!DOCTYPE>", which jsdom cannot clone) goes, and extreme nesting is collapsed first.
 * Close it with closeDocument when done: jsdom keeps a window alive until then.
 */
export function parseHtml(html: string, url: string): Document {
  // No scripts run and no resources load: jsdom's defaults, stated for the reader.
  // A page's unparsable CSS is the page's business: jsdom's complaints are not printed.
  const doc = new JSDOM(html, { url, runScripts: undefined, resources: undefined, virtualConsole: new VirtualConsole() }).window.document;
  if (doc.doctype && !VALID_DOCTYPE_NAME.test(doc.doctype.name)) doc.doctype.remove();
  if (doc.body && maxDepth(doc.body) > DEEPEST_CLONEABLE) flattenDeepNesting(doc.body);
  return doc;
}

/** Frees a parsed page; the memory goes back once the event loop turns (see batch.ts). */
export function closeDocument(doc: Document): void {
  doc.defaultView?.close();
}
