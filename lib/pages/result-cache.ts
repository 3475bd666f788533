/**
 * The last cleaning of this page, kept until the page changes: a second click on an
 * unchanged page answers at once. Any change to the document (nodes, text, attributes) or
 * to its address drops it, so a page that updates itself is cleaned again. The observer
 * lives in the extension's isolated world: the page cannot see it.
 */
export class PageResultCache<T> {
  private entry: { key: string; value: Promise<T> } | null = null;
  private observer: MutationObserver | null = null;

  constructor(
    private readonly doc: Document,
    private readonly Observer: typeof MutationObserver,
  ) {}

  /** The result for `key` while the page is unchanged, else `compute()`; kept only where `keep` says so. */
  get(key: string, compute: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const address = `${this.doc.location?.href ?? ''}\n${key}`;
    if (this.entry?.key === address) return this.entry.value;
    this.watch(); // before computing: a change during the cleaning drops its result too
    const value = compute();
    const entry = { key: address, value };
    this.entry = entry;
    const forget = () => void (this.entry === entry && (this.entry = null));
    value.then((v) => keep(v) || forget(), forget);
    return value;
  }

  private watch(): void {
    if (this.observer) return;
    this.observer = new this.Observer(() => {
      this.entry = null;
      this.observer?.disconnect();
      this.observer = null;
    });
    this.observer.observe(this.doc, { childList: true, subtree: true, characterData: true, attributes: true });
  }
}
