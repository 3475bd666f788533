import { type Block, cjkCount, squash, trimSpace } from '../blocks';
import { readLoneNames } from '../metadata/byline';
import { type MetaFields, continueCredit, isRoleCredit, joinKeyCells, mergeMeta, readMetaLine } from '../metadata/fields';
import { LINE_RULES } from '../rules';
import type { Template } from '../templates/types';
import { RemovalReport, runRules } from './report';
import { SENTENCE_END, endsWithCredit, isCreditOnly, isNotice } from './lines';

export interface HeaderResult {
  title: string | null;
  subtitle: string | null;
  captions: string[];
  meta: MetaFields;
  poster: string | null;
}

export interface HeaderOptions {
  template: Template;
  report: RemovalReport;
  disabled: string[];
  /** Index of the template's body-start marker line within `blocks`, or -1. */
  markerIndex: number;
  /** Text path: lines after the title may be subtitle or caption by position alone. */
  positional: boolean;
  /** A headline already known (DOM path: from the page's own markup). */
  knownTitle?: string | null;
}

const POSTER = /^(\S{2,20}?)(离线|在线|離線|在線)$/;

/** A line that is one link and nothing else ("【贺卡】", a sidebar headline). */
function isWholeLink(b: Block): boolean {
  const html = b.html?.trim() ?? '';
  return /^<a\b/i.test(html) && /<\/a>$/i.test(html) && html.indexOf('<a', 2) < 0;
}

/**
 * Lines of a link run (a menu, a list of headlines): one link each, next to another such
 * line or in a list. Their words are navigation, never the article's byline or date.
 */
function linkRunLines(blocks: Block[]): Set<Block> {
  const out = new Set<Block>();
  blocks.forEach((b, i) => {
    if (!isWholeLink(b)) return;
    const neighbour = [blocks[i - 1], blocks[i + 1]].some((n) => n && isWholeLink(n));
    if (neighbour || b.container?.type === 'list') out.add(b);
  });
  return out;
}
const SUBTITLE_DASH = /^[—－]{1,2}\s*|^-{2}\s*/;

/**
 * Reads the lines above the article body: headline, sub-headline, byline,
 * metadata lines and captions. Whatever else stands there is page chrome.
 */
export function readHeader(blocks: Block[], opts: HeaderOptions): HeaderResult {
  const out: HeaderResult = { title: null, subtitle: null, captions: [], meta: {}, poster: null };
  const links = linkRunLines(blocks);
  const texts = blocks.map((b) => (links.has(b) ? '' : b.text));

  // Metadata first: nav lines like "当前版: 02版 上一版" carry some and are dropped below.
  // Nearest the article first: a sidebar's dates and names stand further up.
  let creditBelow = false;
  for (const t of joinKeyCells(texts).reverse()) {
    const m = readMetaLine(t);
    if (creditBelow && isRoleCredit(m) && isRoleCredit(out.meta)) {
      continueCredit(out.meta, m!, true);
      continue;
    }
    creditBelow = isRoleCredit(m);
    if (m) mergeMeta(out.meta, m);
    const poster = opts.template.forum ? POSTER.exec(trimSpace(t)) : null;
    if (poster && !out.poster) out.poster = poster[1]!;
  }

  const fromTemplate = opts.knownTitle ?? opts.template.titleFromLines?.(texts) ?? null;
  if (fromTemplate) out.title = trimSpace(fromTemplate);

  runRules(LINE_RULES, blocks, { title: out.title, boilerplate: opts.template.boilerplate ?? [] }, opts.report, opts.disabled);

  let afterTitle = false;
  let linesAfterTitle = -1;
  blocks.forEach((b, i) => {
    if (b.dropped || b.kind === 'image') return;
    if (afterTitle) linesAfterTitle++;
    const text = trimSpace(b.text);
    const take = (why?: string) => {
      b.dropped = true;
      if (why) opts.report.addSample(why, text); // moved into metadata: not reported as removed
    };
    const title = out.title ? squash(out.title) : '';
    if (title && squash(text) === title) {
      take(afterTitle ? 'repeated-title' : undefined);
      afterTitle = true;
      linesAfterTitle = -1;
      return;
    }
    // A forum's "主题 : <title>" line.
    if (title && squash(text).includes(title) && squash(text).length <= title.length + 8) return take('page-chrome');
    if (readMetaLine(text) || (opts.template.forum && POSTER.test(text))) return take();
    // A name alone right under the headline is its author.
    const lone = linesAfterTitle === 0 && !out.meta.author && !links.has(b) ? readLoneNames(text) : null;
    if (lone) {
      Object.assign(out.meta, lone);
      return take();
    }
    if (SUBTITLE_DASH.test(text) && cjkCount(text) >= 4) {
      out.subtitle ??= text.replace(SUBTITLE_DASH, '');
      return take();
    }
    if (isCreditOnly(text) || endsWithCredit(text)) {
      out.captions.push(text);
      return take();
    }
    if (!out.title && opts.markerIndex < 0 && cjkCount(text) >= 2 && !links.has(b) && !/^[》»>]/.test(text)) {
      out.title = text;
      afterTitle = true;
      return take();
    }
    if (opts.positional && afterTitle && i > opts.markerIndex) {
      if (SENTENCE_END.test(text) && cjkCount(text) <= 40) {
        out.captions.push(text);
        return take();
      }
      if (!out.subtitle && cjkCount(text) >= 6 && !/[|｜]/.test(text) && !isNotice(text)) {
        out.subtitle = text;
        return take();
      }
    }
    take('page-chrome');
  });
  return out;
}
