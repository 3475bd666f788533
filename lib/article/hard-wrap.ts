import type { Block } from '../blocks';

/**
 * Old BBS posts, mailing-list reprints and text archives break every line at a fixed
 * width ("…开一个全省教学研究" / "会议。按照惯例，…"). Such a page shows one width again
 * and again; a line of that width that ends mid-sentence continues on the next line.
 */

/** Narrower than this (in columns), equal lines are verse or lists, not a wrapped text. */
const MIN_WIDTH = 40;
/** Lines of the wrap width a text must show before it is read as wrapped. */
const MIN_WRAPPED_LINES = 5;
/** Full-width punctuation pushed to the next line makes a wrapped line a character or two shorter. */
const WIDTH_SLACK = 4;
const ENDS_SENTENCE = /[。！？!?…；;：:」』”"）)]$/;

/** Columns as a fixed-width terminal counts them: Chinese characters take two, ASCII one. */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text.trim()) w += ch.codePointAt(0)! < 0x1100 ? 1 : 2;
  return w;
}

/** The width most lines of at least MIN_WIDTH share, if enough of them do. */
function wrapWidth(lines: Block[]): number | null {
  const counts = new Map<number, number>();
  for (const b of lines) {
    const w = widthOf(b.text);
    if (w >= MIN_WIDTH) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best: [number, number] | null = null;
  for (const [w, n] of counts) if (!best || n > best[1] || (n === best[1] && w > best[0])) best = [w, n];
  if (!best) return null;
  const near = lines.filter((b) => Math.abs(widthOf(b.text) - best[0]) <= WIDTH_SLACK).length;
  return near >= MIN_WRAPPED_LINES && near * 3 >= lines.length ? best[0] : null;
}

function joinInto(into: Block, next: Block): void {
  into.text = into.text.trimEnd() + next.text.trimStart();
  into.html = into.html !== undefined && next.html !== undefined ? into.html.trimEnd() + next.html.trimStart() : undefined;
  into.original = into.text;
  next.dropped = true;
}

/** Joins hard-wrapped lines back into paragraphs. Text is only moved, never lost or reported. */
export function joinHardWrappedLines(blocks: Block[]): void {
  const lines = blocks.filter((b) => !b.dropped && b.kind === 'text' && !b.container);
  const width = wrapWidth(lines);
  if (width === null) return;
  let paragraph: Block | null = null; // the paragraph whose last line was wrapped
  for (const b of blocks) {
    if (b.dropped) continue;
    const isLine = b.kind === 'text' && !b.container;
    if (!isLine) {
      paragraph = null;
      continue;
    }
    if (paragraph) joinInto(paragraph, b);
    else paragraph = b;
    const w = widthOf(b.text);
    if (w > width || width - w > WIDTH_SLACK || ENDS_SENTENCE.test(b.text.trim())) paragraph = null;
  }
}
