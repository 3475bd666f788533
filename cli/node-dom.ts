import { createRequire } from 'node:module';
import { flattenDeepNesting, maxDepth } from '../lib/dom/flatten';
import { createSanitizer } from '../lib/sanitize';
import { parseFast } from './fast-dom';

/** jsdom takes about a second to load: it is loaded the first time it is needed, not on import. */
const require = createRequire(import.meta.url);
const jsdom = () => require('jsdom') as typeof import('jsdom');

/** jsdom, not linkedom: DOMPurify only sanitizes with a real DOM. */
let shared: ((html: string) => string) | null = null;

export function nodeSanitizer(): (html: string) => string {
  shared ??= createSanitizer(new (jsdom().JSDOM)('').window as unknown as Window);
  return shared;
}

/** The same sanitizer, made only when the first piece of HTML is to be sanitized. */
export const lazyNodeSanitizer = (html: string) => nodeSanitizer()(html);

/** Deeper than this, a recursive cloneNode (jsdom's, linkedom's) runs out of stack. */
const DEEPEST_CLONEABLE = 1000;
const VALID_DOCTYPE_NAME = /^[A-Za-z_][\w.-]*$/;

/** Which DOM the CLI parses pages into: parse5 + linkedom (fast), or jsdom. */
export type NodeDom = 'fast' | 'jsdom';

/**
 * A saved page as a Document for the pipeline: parse5 into linkedom (cli/fast-dom.ts), or
 * jsdom (JINGDU_DOM=jsdom; several times slower, and the tests check both give the same
 * articles). Extreme nesting is collapsed first. Close it with closeDocument when done.
 */
export function parseHtml(html: string, url: string, dom: NodeDom = process.env.JINGDU_DOM === 'jsdom' ? 'jsdom' : 'fast'): Document {
  const doc = dom === 'jsdom' ? parseJsdom(html, url) : parseFast(html, url);
  if (doc.body && maxDepth(doc.body) > DEEPEST_CLONEABLE) flattenDeepNesting(doc.body);
  return doc;
}

/** jsdom, made safe to copy: a malformed doctype ("<!DOCTYPE>", which jsdom cannot clone) goes. */
function parseJsdom(html: string, url: string): Document {
  // No scripts run and no resources load: jsdom's defaults, stated for the reader.
  // A page's unparsable CSS is the page's business: jsdom's complaints are not printed.
  const { JSDOM, VirtualConsole } = jsdom();
  const doc = new JSDOM(html, { url, runScripts: undefined, resources: undefined, virtualConsole: new VirtualConsole() }).window.document;
  if (doc.doctype && !VALID_DOCTYPE_NAME.test(doc.doctype.name)) doc.doctype.remove();
  return doc;
}

/** Frees a parsed page: a jsdom window is closed (its memory goes back once the event loop turns, see batch.ts). */
export function closeDocument(doc: Document): void {
  const view = doc.defaultView as { close?: () => void } | null;
  if (typeof view?.close === 'function') view.close();
}
