import { type Block, live, trimSpace } from '../blocks';
import { type MetaFields, continueCredit, isRoleCredit, mergeMeta, readMetaLine } from '../metadata/fields';
import { BODY_RULES, LINE_RULES, NORMALIZE_RULES } from '../rules';
import type { RuleContext } from '../rules/types';
import { RemovalReport, runRules } from './report';
import { joinHardWrappedLines } from './hard-wrap';
import { endsWithCredit, isCreditOnly, isHeadingLike, isProse } from './lines';

export interface BodyResult {
  blocks: Block[];
  paragraphs: string[];
  headings: string[];
  captions: string[];
  meta: MetaFields;
}

export interface BodyOptions {
  ctx: RuleContext;
  report: RemovalReport;
  disabled: string[];
  fullWidth: boolean;
}

/** The step that moves metadata lines out of the body; the reader can switch it off like a rule. */
export const METADATA_LINES = 'metadata-lines';

/**
 * Short key:value lines inside the body (来源: …, 责编: …) become metadata and leave the
 * body, reported so the reader can keep them; switched off, they are read and left in place.
 */
function takeMetaLines(blocks: Block[], meta: MetaFields, report: RemovalReport, disabled: string[]): void {
  const keep = disabled.includes(METADATA_LINES);
  let creditAbove = false;
  for (const b of live(blocks)) {
    const m = b.kind === 'image' || b.container || b.text.length > 80 ? null : readMetaLine(b.text);
    if (creditAbove && isRoleCredit(m) && isRoleCredit(meta)) continueCredit(meta, m!, false);
    else if (m) mergeMeta(meta, m);
    creditAbove = isRoleCredit(m);
    if (!m) continue;
    if (keep) continue;
    b.dropped = true;
    report.addSample(METADATA_LINES, b.text);
  }
}

/** Centered, and not a section title in bold or numbered (一、 / 1.) as WeChat articles set them under a banner. */
function isCenteredCaption(b: Block): boolean {
  return !!b.centered && !/^<strong>[\s\S]*<\/strong>$/.test(b.html ?? '') && !/^[一二三四五六七八九十\d]+[、.．]/.test(b.text);
}

/** Captions: figcaptions, short lines under a picture, lines ending in a photo credit, a lone credit line with the line above it. */
function markCaptions(blocks: Block[]): void {
  const lines = live(blocks);
  lines.forEach((b, i) => {
    if (b.kind === 'image' || b.kind === 'caption' || b.container) return;
    const prev = lines[i - 1];
    // News sites put the caption in the paragraph right under the picture.
    // A short centered line under a picture is its caption even when it reads like a heading.
    if (prev?.kind === 'image' && !prev.icon && !prev.inline && b.kind === 'text' && b.text.length <= 60 && (!isHeadingLike(b.text) || isCenteredCaption(b))) {
      b.kind = 'caption';
    } else if (isCreditOnly(b.text) && prev && (prev.kind === 'text' || prev.kind === 'caption') && prev.text.length <= 150) {
      b.text = trimSpace(prev.text) + trimSpace(b.text);
      b.kind = 'caption';
      prev.dropped = true;
    } else if (endsWithCredit(b.text)) {
      b.kind = 'caption';
    }
  });
}

/**
 * Photo news ("农民工维权绿色通道（图）") tells its story in the caption under the picture;
 * with no prose besides, that caption is the article's text.
 */
function keepPhotoStoryText(blocks: Block[]): void {
  if (blocks.some((b) => b.kind === 'text' && isProse(b.text))) return;
  for (const b of blocks) if (b.kind === 'caption' && isProse(b.text)) b.kind = 'text';
}

/** One paragraph per line, except that a table row reads as one line of tab-separated cells. */
function paragraphsOf(blocks: Block[]): string[] {
  const out: string[] = [];
  let row = '';
  blocks.forEach((b, i) => {
    if (b.kind !== 'text' && b.kind !== 'heading') return;
    const c = b.container;
    if (c?.type !== 'table') return void out.push(b.text);
    const prev = blocks[i - 1]?.container;
    const sameRow = prev?.type === 'table' && prev.id === c.id && prev.row === c.row;
    const sameCell = sameRow && prev.col === c.col;
    row = sameRow ? `${row}${sameCell ? ' ' : '\t'}${b.text}` : b.text;
    const next = blocks[i + 1]?.container;
    if (!(next?.type === 'table' && next.id === c.id && next.row === c.row)) out.push(row);
  });
  return out;
}

/**
 * Cleans the article body and sorts its lines into paragraphs, headings and captions.
 * The same steps run for scraped text and for extracted DOM content.
 */
export function cleanBody(blocks: Block[], opts: BodyOptions): BodyResult {
  const meta: MetaFields = {};
  runRules(LINE_RULES, blocks, opts.ctx, opts.report, opts.disabled);
  runRules(BODY_RULES, blocks, opts.ctx, opts.report, opts.disabled);
  takeMetaLines(blocks, meta, opts.report, opts.disabled);
  markCaptions(blocks);
  joinHardWrappedLines(blocks);
  if (opts.fullWidth) runRules(NORMALIZE_RULES, blocks, opts.ctx, opts.report, opts.disabled);

  const kept = live(blocks);
  keepPhotoStoryText(kept);
  for (const b of kept) {
    b.text = trimSpace(b.text);
    // List items and table cells are short by nature; they are not headings.
    if (b.kind === 'text' && !b.container && isHeadingLike(b.text)) b.kind = 'heading';
  }
  const texts = (kind: Block['kind']) => kept.filter((b) => b.kind === kind).map((b) => b.text);
  return {
    blocks: kept,
    paragraphs: paragraphsOf(kept),
    headings: texts('heading'),
    captions: texts('caption'),
    meta,
  };
}
