/**
 * A Block is one line of an article: a paragraph, heading, caption or image.
 * Both the text path (scraped lines) and the DOM path (elements split at block
 * boundaries and <br>) produce blocks, so every cleanup rule is written once.
 */
export type BlockKind = 'text' | 'heading' | 'caption' | 'image';

/**
 * Structure a line sits in, kept so lists, quotations and data tables come out as
 * lists, quotations and tables. `id` tells one list (or table) from the next.
 */
export type Container =
  | { type: 'list'; id: number; ordered: boolean }
  | { type: 'quote'; id: number }
  | { type: 'table'; id: number; row: number; col: number; header: boolean };

export interface Block {
  text: string;
  kind: BlockKind;
  container?: Container;
  /** Centered on the page (style or align), as captions under pictures usually are. */
  centered?: boolean;
  /** Inline HTML of the block as found; used while the text is unchanged. */
  html?: string;
  /** Text when the block was read, to know whether a rule changed it. */
  original?: string;
  src?: string;
  /** A picture too small to be one (logo, button, provider mark). */
  icon?: boolean;
  /** A picture that sat inside a sentence: it follows its line and has no caption under it. */
  inline?: boolean;
  dropped?: boolean;
}

export function textBlock(text: string, kind: BlockKind = 'text', html?: string): Block {
  return { text, kind, html, original: text };
}

export function live(blocks: Block[]): Block[] {
  return blocks.filter((b) => !b.dropped);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

/** Counted by code unit, without building an array of matches (a megabyte of text would make a million). */
export function cjkCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

/**
 * Trim ASCII, ideographic (U+3000) and no-break spaces, which scraped Chinese text indents with.
 * String#trim covers all three (and U+FEFF) without scanning the middle of long texts.
 */
export function trimSpace(s: string): string {
  return s.trim();
}

/** Text for one line: control characters and line breaks become single spaces (titles are one line). */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Whitespace-free form for comparing lines. */
export function squash(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
