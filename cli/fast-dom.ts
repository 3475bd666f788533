import { parseHTML } from 'linkedom';
import { type DefaultTreeAdapterMap, parse as parse5 } from 'parse5';

/**
 * The CLI's DOM for extraction: parse5 (the HTML standard's parsing, as jsdom and browsers do it:
 * implied <head>/<body>, misnested tags, tables) building a linkedom tree, which is several
 * times faster to build and walk than jsdom's. Where linkedom departs from the DOM standard in
 * ways the pipeline notices, it is put right here. Sanitizing still runs on jsdom (DOMPurify
 * does nothing under linkedom): see node-dom.ts.
 */

/** The path of child indices from the root down to a node. */
function treePath(node: Node): number[] {
  const path: number[] = [];
  for (let n: Node | null = node; n?.parentNode; n = n.parentNode) path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
  return path;
}

/** Document order as the DOM standard defines it (linkedom's answer is wrong across branches). */
function compareDocumentPosition(this: Node, other: Node): number {
  if (this === other) return 0;
  const [a, b] = [treePath(this), treePath(other)];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? 4 : 2;
  return a.length < b.length ? 4 | 16 : 2 | 8; // other is inside this, or this is inside other
}

function isConnected(this: Node): boolean {
  let root: Node = this;
  while (root.parentNode) root = root.parentNode;
  return root.nodeType === 9;
}

let patched = false;
/** Where linkedom departs from the DOM standard in ways the pipeline notices, put right once. */
/** The prototype of `start` (or `start` itself) that defines `name`: where linkedom's own version lives. */
function definerOf(start: object, name: string): object | null {
  let proto: object | null = start;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, name)) proto = Object.getPrototypeOf(proto);
  return proto;
}

/** Puts `descriptor` in place of linkedom's `name`, on the prototype of `start` that defines it. */
function replace(start: object, name: string, descriptor: (original: PropertyDescriptor) => PropertyDescriptor): void {
  const proto = definerOf(start, name);
  const original = proto && Object.getOwnPropertyDescriptor(proto, name);
  if (proto && original) Object.defineProperty(proto, name, { ...descriptor(original), configurable: true });
}

function patchLinkedom(doc: Document): void {
  if (patched) return;
  patched = true;
  const element = doc.createElement('p');
  replace(element, 'compareDocumentPosition', () => ({ value: compareDocumentPosition }));
  // A node is connected when its root is a document (in a deep copy of a document too, which linkedom denies).
  replace(element, 'isConnected', () => ({ get: isConnected }));
  // getElementsByTagName('*') is every element (linkedom finds none).
  for (const start of [element, doc]) {
    replace(start, 'getElementsByTagName', (original) => ({
      value(this: ParentNode, name: string) {
        return name === '*' ? this.querySelectorAll('*') : (original.value as (this: ParentNode, n: string) => unknown).call(this, name);
      },
    }));
  }
  // The first <title> anywhere, whitespace collapsed, as the standard says (a page wrapped in
  // another element has its <title> in the body, where linkedom does not look).
  replace(doc, 'title', () => ({
    get(this: Document) {
      return (this.querySelector('title')?.textContent ?? '').replace(/[\t\n\f\r ]+/g, ' ').trim();
    },
  }));
}

/** The page's address for its relative links: its first <base href>, resolved against its own address. */
function baseOf(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  try {
    return href ? new URL(href, url).href : url;
  } catch {
    return url;
  }
}

type P5Node = DefaultTreeAdapterMap['node'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * parse5's tree (the HTML standard's parsing: implied <head>/<body>, misnested tags, tables)
 * rebuilt as linkedom nodes, without recursion so any depth of nesting is fine.
 */
function buildFromParse5(doc: Document, root: P5Parent, into: Node): void {
  const stack: Array<[P5Parent, Node]> = [[root, into]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [from, to] = top;
    for (const child of from.childNodes as P5Node[]) {
      if (child.nodeName === '#text') to.appendChild(doc.createTextNode((child as DefaultTreeAdapterMap['textNode']).value));
      else if (child.nodeName === '#comment') to.appendChild(doc.createComment((child as DefaultTreeAdapterMap['commentNode']).data));
      else if ('tagName' in child) {
        const el = child.namespaceURI === HTML_NS ? doc.createElement(child.tagName) : doc.createElementNS(child.namespaceURI, child.tagName);
        for (const { name, value } of child.attrs) {
          try {
            el.setAttribute(name, value);
          } catch {
            // a name no DOM accepts ("<p a"b>"): the browser would have dropped it too
          }
        }
        to.appendChild(el);
        const content = child.tagName === 'template' ? (child as DefaultTreeAdapterMap['template']).content : child;
        stack.push([content, el]);
      }
    }
  }
}

/** A linkedom document knows its own address (for Readability's links), and so does a deep copy of it. */
function addressDocument(doc: Document, url: string): void {
  for (const name of ['URL', 'documentURI']) Object.defineProperty(doc, name, { value: url, configurable: true });
  Object.defineProperty(doc, 'baseURI', { value: baseOf(doc, url), configurable: true });
  const clone = doc.cloneNode.bind(doc);
  Object.defineProperty(doc, 'cloneNode', {
    value: (deep?: boolean) => {
      const copy = clone(deep) as Document;
      if (deep) addressDocument(copy, url);
      return copy;
    },
    configurable: true,
  });
}

export function parseFast(html: string, url: string): Document {
  const { document } = parseHTML('<!DOCTYPE html><html></html>');
  const doc = document as unknown as Document;
  const tree = parse5(html);
  const htmlElement = tree.childNodes.find((n) => 'tagName' in n && n.tagName === 'html') as P5Parent | undefined;
  if (htmlElement) {
    for (const { name, value } of (htmlElement as DefaultTreeAdapterMap['element']).attrs) doc.documentElement.setAttribute(name, value);
    buildFromParse5(doc, htmlElement, doc.documentElement);
  }
  // Comments outside <html> (Founder's enpproperty record often comes before the doctype) are kept,
  // just inside <html>: linkedom's tree walkers do not visit the document's own children.
  let beforeHtml = true;
  const head = doc.documentElement.firstChild;
  for (const node of tree.childNodes) {
    if (node === htmlElement) beforeHtml = false;
    else if (node.nodeName === '#comment') {
      const comment = doc.createComment((node as DefaultTreeAdapterMap['commentNode']).data);
      if (beforeHtml) doc.documentElement.insertBefore(comment, head);
      else doc.documentElement.appendChild(comment);
    }
  }
  patchLinkedom(doc);
  addressDocument(doc, url);
  return doc;
}
