import type { Convert } from './load';
import type { ScriptVariant, TargetVariant } from './variants';

/** Never converted: code, scripts and styles, and anything the user is editing. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH']);
const ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function skipped(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (SKIP_TAGS.has(e.tagName.toUpperCase())) return true;
    const editable = e.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
  }
  return false;
}

export interface PageViewResult {
  variant: ScriptVariant;
  changed: number;
  ms: number;
}

/**
 * Converts a page in place between scripts and back to the exact original.
 * Every text node and attribute it touches is remembered with its original value;
 * content that arrives later is converted in batches (MutationObserver, one pass
 * per frame), and nodes the page itself rewrites get a fresh original.
 */
export class PageView {
  readonly converters = new Map<TargetVariant, Convert>();
  current: ScriptVariant = 'original';
  private texts = new Map<Text, { original: string; written: string }>();
  private attrs = new Map<Element, Map<string, { original: string; written: string }>>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private scheduled = false;

  constructor(private doc: Document, private schedule: (fn: () => void) => void = (fn) => setTimeout(fn, 16)) {}

  register(variant: TargetVariant, convert: Convert): void {
    this.converters.set(variant, convert);
  }

  show(variant: TargetVariant): PageViewResult {
    const started = performance.now();
    const convert = this.converters.get(variant);
    if (!convert) throw new Error(`no converter for ${variant}`);
    this.current = variant;
    // documentElement includes <head><title>, so the tab title converts too.
    const changed = this.convertTree(this.doc.documentElement, convert);
    this.observe();
    return { variant, changed, ms: Math.round(performance.now() - started) };
  }

  restore(): PageViewResult {
    const started = performance.now();
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
    let changed = 0;
    for (const [node, v] of this.texts) {
      if (node.nodeValue === v.written) {
        node.nodeValue = v.original;
        changed++;
      }
    }
    for (const [el, map] of this.attrs) {
      for (const [name, v] of map) if (el.getAttribute(name) === v.written) el.setAttribute(name, v.original);
    }
    this.texts.clear();
    this.attrs.clear();
    this.current = 'original';
    return { variant: 'original', changed, ms: Math.round(performance.now() - started) };
  }

  private convertText(node: Text, convert: Convert): boolean {
    const known = this.texts.get(node);
    // The page rewrote a node we converted: its new text is the new original.
    const original = known && node.nodeValue === known.written ? known.original : (node.nodeValue ?? '');
    if (!CJK.test(original) || skipped(node.parentElement)) return false;
    const written = convert(original);
    if (written === original && !known) return false;
    this.texts.set(node, { original, written });
    if (node.nodeValue !== written) node.nodeValue = written;
    return true;
  }

  private convertAttributes(el: Element, convert: Convert): number {
    let n = 0;
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === null || !CJK.test(value)) continue;
      const map = this.attrs.get(el) ?? new Map();
      const known = map.get(name);
      const original = known && value === known.written ? known.original : value;
      const written = convert(original);
      if (written === value) continue;
      map.set(name, { original, written });
      this.attrs.set(el, map);
      el.setAttribute(name, written);
      n++;
    }
    return n;
  }

  private convertTree(root: Node, convert: Convert): number {
    let n = 0;
    if (root.nodeType === 3) return this.convertText(root as Text, convert) ? 1 : 0;
    if (root.nodeType !== 1) return 0;
    const el = root as Element;
    n += this.convertAttributes(el, convert); // placeholders of inputs too: only their typed value is left alone
    for (const attrEl of el.querySelectorAll('[title],[alt],[placeholder],[aria-label]')) n += this.convertAttributes(attrEl, convert);
    const walker = this.doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (this.convertText(t as Text, convert)) n++;
    return n;
  }

  private observe(): void {
    if (this.observer || !this.doc.defaultView?.MutationObserver) return;
    this.observer = new this.doc.defaultView.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList') r.addedNodes.forEach((n) => this.pending.add(n));
        else this.pending.add(r.target);
      }
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.flush());
      }
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  }

  /** One batch: convert everything that arrived since the last frame, then drop our own echoes. */
  flush(): void {
    this.scheduled = false;
    const convert = this.current === 'original' ? undefined : this.converters.get(this.current);
    if (!convert) return this.pending.clear();
    const nodes = [...this.pending];
    this.pending.clear();
    for (const node of nodes) if (node.isConnected) this.convertTree(node, convert);
    this.observer?.takeRecords();
  }
}
