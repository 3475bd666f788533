import { type Convert, fastConverter } from './load';
import { type UserPhrase, phraseKey, phrasesToward, withUserPhrases } from './user-phrases';
import type { ScriptVariant, TargetVariant } from './variants';

/** Never converted: code, scripts and styles, and anything the user is editing. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH']);
const ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A text node longer than this is converted in pieces of about this size, one piece per step. */
const PIECE = 20_000;
/** The entries kept to restore the original are pruned of nodes the page dropped once they grow past this. */
const PRUNE_FLOOR = 2_000;
/** The longest slice, kept under what the browser counts as a long task (50 ms). */
const MAX_SLICE_MS = 40;

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/** What a step yields when it was long (a piece of a huge text): the clock is read after it. */
const HEAVY = 'heavy';
type Steps = Generator<typeof HEAVY | void>;

function skippedElement(e: Element): boolean {
  if (SKIP_TAGS.has(e.tagName.toUpperCase())) return true;
  const editable = e.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

function skipped(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) if (skippedElement(e)) return true;
  return false;
}

/** The node after the walker's current one and all it contains, or null at the end of `root`. */
function nextOutside(walker: TreeWalker, root: Node): Node | null {
  for (let n: Node | null = walker.currentNode; n && n !== root; n = walker.parentNode()) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
  }
  return null;
}

/** Cuts a long text at punctuation or spaces, so no phrase is split between two pieces. */
export function* pieces(text: string, size = PIECE): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const window = text.slice(end - 200, end);
      const cut = Math.max(...[...'。！？；，、\n '].map((c) => window.lastIndexOf(c)));
      if (cut >= 0) end = end - 200 + cut + 1;
    }
    yield text.slice(start, end);
    start = end;
  }
}

export interface PageViewResult {
  variant: ScriptVariant;
  changed: number;
  ms: number;
  /** Another click came before this one finished: its work stopped where it was. */
  superseded?: boolean;
}

/** What a running conversion has done so far: elements visited (or entries restored) of the total. */
export interface PageViewProgress {
  variant: ScriptVariant;
  done: number;
  total: number;
}

/**
 * How the work is cut: steps run until `budgetMs` has passed, then the page gets its thread
 * back (`pause`) before the next slice, so no conversion is one long task.
 */
export interface Slicing {
  budgetMs: number;
  now(): number;
  pause(): Promise<void>;
}

export const pageSlicing: Slicing = {
  budgetMs: 10,
  now: () => performance.now(),
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

interface Kept {
  original: string;
  written: string;
}

/**
 * Converts a page in place between scripts and back to the exact original, in slices that
 * give the page its thread back: the part on screen first, then the rest of the page.
 * Every text node and attribute it touches is remembered with its original value; content
 * that arrives later is converted in batches (MutationObserver, one pass per frame), nodes the
 * page itself rewrites get a fresh original, and nodes the page drops are forgotten, so what is
 * kept stays the size of the page, however long a ticker runs.
 */
export class PageView {
  /** How to build each script's opencc converter, and those built: one is built on its first use (it takes the dictionary's whole weight). */
  private readonly makers = new Map<TargetVariant, () => Convert>();
  private readonly bases = new Map<TargetVariant, Convert>();
  /** The converters in use: opencc's behind the reader's phrase table, remembering repeated short strings. */
  private readonly built = new Map<TargetVariant, Convert>();
  private phrases: readonly UserPhrase[] = [];
  private phrasesKey = '';
  current: ScriptVariant = 'original';
  progress: PageViewProgress | null = null;
  private texts = new Map<Text, Kept>();
  private attrs = new Map<Element, Map<string, Kept>>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private pendingAttributes = new Set<Element>();
  private scheduled = false;
  /** Bumped by every show and restore: older runs see it and stop. */
  private generation = 0;
  private keptAfterPrune = 0;
  private sliceMs: number;

  constructor(
    private doc: Document,
    private schedule: (fn: () => void) => void = (fn) => setTimeout(fn, 16),
    private slicing: Slicing = pageSlicing,
  ) {
    this.sliceMs = slicing.budgetMs;
  }

  register(variant: TargetVariant, convert: Convert): void {
    this.registerLazy(variant, () => convert);
  }

  /** Registers a converter that is only built when the page is first shown in that script. */
  registerLazy(variant: TargetVariant, make: () => Convert): void {
    this.makers.set(variant, make);
    this.bases.delete(variant);
    this.built.delete(variant);
  }

  /** The reader's phrase table for the next conversions; opencc's converters are kept, only what wraps them is rebuilt. */
  usePhrases(phrases: readonly UserPhrase[]): void {
    const key = phraseKey(phrases);
    if (key === this.phrasesKey) return;
    this.phrases = phrases;
    this.phrasesKey = key;
    this.built.clear();
  }

  canShow(variant: string): boolean {
    return this.makers.has(variant as TargetVariant);
  }

  private converter(variant: ScriptVariant): Convert | undefined {
    if (variant === 'original') return undefined;
    let convert = this.built.get(variant);
    if (convert) return convert;
    const make = this.makers.get(variant);
    if (!make) return undefined;
    let base = this.bases.get(variant);
    if (!base) this.bases.set(variant, (base = make()));
    convert = fastConverter(withUserPhrases(base, phrasesToward(variant, this.phrases)));
    this.built.set(variant, convert);
    return convert;
  }

  /** How many nodes and attributes are kept to restore the original. */
  get remembered(): number {
    let n = this.texts.size;
    for (const map of this.attrs.values()) n += map.size;
    return n;
  }

  async show(variant: TargetVariant): Promise<PageViewResult> {
    const convert = this.converter(variant);
    if (!convert) throw new Error(`no converter for ${variant}`);
    const started = this.slicing.now();
    this.current = variant;
    this.observe();
    const counter = { changed: 0 };
    this.progress = { variant, done: 0, total: this.doc.getElementsByTagName('*').length };
    const finished = await this.run(this.showSteps(convert, counter), true);
    if (finished) this.progress = null;
    return { variant, changed: counter.changed, ms: Math.round(this.slicing.now() - started), ...(finished ? {} : { superseded: true }) };
  }

  async restore(): Promise<PageViewResult> {
    const started = this.slicing.now();
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
    this.pendingAttributes.clear();
    this.current = 'original';
    const counter = { changed: 0 };
    this.progress = { variant: 'original', done: 0, total: this.texts.size + this.attrs.size };
    const finished = await this.run(this.restoreSteps(counter), true);
    if (finished) this.progress = null;
    return { variant: 'original', changed: counter.changed, ms: Math.round(this.slicing.now() - started), ...(finished ? {} : { superseded: true }) };
  }

  /** Runs steps in slices; false when a newer show or restore took over. */
  private async run(steps: Steps, takeOver: boolean): Promise<boolean> {
    const token = takeOver ? ++this.generation : this.generation;
    for (;;) {
      const end = this.slicing.now() + this.sliceMs;
      let step = steps.next();
      // The clock is read every few steps (a step is a node, far shorter than a reading is worth),
      // and after each heavy one (a piece of a huge text).
      for (let n = 1; !step.done && ((n % 16 !== 0 && step.value !== HEAVY) || this.slicing.now() < end); n++) step = steps.next();
      // Inside one slice only this code ran: every queued record is an echo of our own writes.
      this.observer?.takeRecords();
      if (step.done) return true;
      const paused = this.slicing.now();
      await this.slicing.pause();
      this.adapt(this.slicing.now() - paused);
      if (token !== this.generation) return false;
    }
  }

  /**
   * On a page whose every frame costs the browser long (a huge layout), many short slices
   * would mean many such frames: the slice grows with the wait, never past MAX_SLICE_MS.
   */
  private adapt(waitedMs: number): void {
    const base = this.slicing.budgetMs;
    this.sliceMs = Math.min(Math.max(base, MAX_SLICE_MS), Math.max(base, waitedMs / 3));
  }

  /** The tab title, then from the top of the screen to the end, then the part above it. */
  private *showSteps(convert: Convert, counter: { changed: number }): Steps {
    const root = this.doc.documentElement;
    const title = this.doc.querySelector('title');
    if (title) yield* this.walk(title, convert, counter);
    const start = this.visibleStart();
    yield* this.walk(root, convert, counter, start);
    if (start !== root) yield* this.walk(root, convert, counter, root, start);
  }

  private *restoreSteps(counter: { changed: number }): Steps {
    for (const [node, kept] of this.texts) {
      if (node.nodeValue === kept.written) {
        node.nodeValue = kept.original;
        counter.changed++;
      }
      this.texts.delete(node);
      this.tick();
      yield;
    }
    for (const [el, map] of this.attrs) {
      for (const [name, kept] of map) if (el.getAttribute(name) === kept.written) el.setAttribute(name, kept.original);
      this.attrs.delete(el);
      this.tick();
      yield;
    }
  }

  private tick(): void {
    if (this.progress) this.progress.done++;
  }

  /** The first element at the top of the screen that is not fixed in place (a header bar). */
  private visibleStart(): Element {
    const root = this.doc.documentElement;
    const view = this.doc.defaultView;
    if (!view || typeof this.doc.elementsFromPoint !== 'function') return root;
    const stack = this.doc.elementsFromPoint(view.innerWidth / 2, 2);
    const first = stack.find((el) => !/fixed|sticky/.test(view.getComputedStyle(el).position));
    return first && first !== this.doc.body && !skipped(first) ? first : root;
  }

  /**
   * One pass in document order over `root`, from `from` (the root itself by default) up to
   * `until`: elements give their attributes, text nodes their text; skipped subtrees are never entered.
   */
  private *walk(root: Node, convert: Convert, counter: { changed: number }, from: Node = root, until?: Node): Steps {
    const walker = this.doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    walker.currentNode = from;
    let n: Node | null = from;
    while (n && n !== until) {
      if (n.nodeType === 3) yield* this.convertText(n as Text, convert, counter);
      else {
        // A field's placeholder or a code block's title is converted; what is inside them is not.
        counter.changed += this.convertAttributes(n as Element, convert);
        this.tick();
      }
      yield;
      n = n.nodeType === 1 && skippedElement(n as Element) ? nextOutside(walker, root) : walker.nextNode();
    }
  }

  private *convertText(node: Text, convert: Convert, counter: { changed: number }): Steps {
    const known = this.texts.get(node);
    const current = node.nodeValue ?? '';
    // The page rewrote a node we converted: its new text is the new original.
    const original = known && current === known.written ? known.original : current;
    if (!CJK.test(original)) return;
    let written: string;
    if (original.length <= PIECE) {
      written = convert(original);
    } else {
      const parts: string[] = [];
      for (const piece of pieces(original)) {
        parts.push(convert(piece));
        yield HEAVY;
      }
      written = parts.join('');
      // The page changed it meanwhile: the observer brings the new text back.
      if (node.nodeValue !== current) return;
    }
    if (written === original && !known) return;
    this.texts.set(node, { original, written });
    if (node.nodeValue === written) return;
    node.nodeValue = written;
    counter.changed++;
  }

  private convertAttributes(el: Element, convert: Convert): number {
    if (!el.hasAttributes()) return 0;
    let n = 0;
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === null || !CJK.test(value)) continue;
      const map = this.attrs.get(el) ?? new Map<string, Kept>();
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

  private observe(): void {
    if (this.observer || !this.doc.defaultView?.MutationObserver) return;
    this.observer = new this.doc.defaultView.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList') r.addedNodes.forEach((n) => this.pending.add(n));
        else if (r.type === 'attributes') this.pendingAttributes.add(r.target as Element);
        else this.pending.add(r.target);
      }
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => void this.flush());
      }
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  }

  /** One batch: convert everything that arrived since the last frame, in slices like the rest. */
  async flush(): Promise<void> {
    this.scheduled = false;
    const convert = this.converter(this.current);
    const nodes = [...this.pending];
    const elements = [...this.pendingAttributes];
    this.pending.clear();
    this.pendingAttributes.clear();
    if (!convert) return;
    await this.run(this.flushSteps(nodes, elements, convert), false);
  }

  private *flushSteps(nodes: Node[], elements: Element[], convert: Convert): Steps {
    const counter = { changed: 0 };
    for (const el of elements) if (el.isConnected && !skipped(el)) this.convertAttributes(el, convert);
    for (const node of nodes) {
      if (!node.isConnected) continue;
      if (node.nodeType === 3) {
        if (!skipped(node.parentElement)) yield* this.convertText(node as Text, convert, counter);
      } else if (node.nodeType === 1 && !skipped(node as Element)) {
        yield* this.walk(node, convert, counter);
      }
      yield;
    }
    yield* this.pruneSteps();
  }

  /** Forgets nodes the page has dropped, once what is kept has doubled since the last time. */
  private *pruneSteps(): Steps {
    if (this.texts.size + this.attrs.size < Math.max(PRUNE_FLOOR, 2 * this.keptAfterPrune)) return;
    for (const node of this.texts.keys()) {
      if (!node.isConnected) this.texts.delete(node);
      yield;
    }
    for (const el of this.attrs.keys()) {
      if (!el.isConnected) this.attrs.delete(el);
      yield;
    }
    this.keptAfterPrune = this.texts.size + this.attrs.size;
  }
}
