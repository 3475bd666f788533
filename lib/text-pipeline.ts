import { type Block, textBlock } from './blocks';
import { cleanBody } from './article/body';
import { type Sanitizer, buildArticle } from './article/build';
import { readHeader } from './article/header';
import { GENERIC_BODY_END, hasArticleText, isProse } from './article/lines';
import { RemovalReport, runRules } from './article/report';
import { mergeMeta, readMetaLine, type MetaFields } from './metadata/fields';
import { INLINE_RULES } from './rules';
import { detectTemplateText } from './templates';
import type { Template } from './templates/types';
import type { CleanArticle, CleanOptions } from './types';

export class NoArticleError extends Error {
  constructor(message = 'No article found: the page has no run of article text.') {
    super(message);
    this.name = 'NoArticleError';
  }
}

interface Segments {
  markerIndex: number;
  start: number;
  end: number;
}

/** Finds where the body of a scraped page starts and ends. */
export function segment(blocks: Block[], template: Template): Segments {
  const texts = blocks.map((b) => b.text.trim());
  let markerIndex = -1;
  if (template.bodyStart) texts.forEach((t, i) => { if (template.bodyStart!.test(t)) markerIndex = i; });
  const from = markerIndex + 1;
  const prose = texts.map((t, i) => i >= from && isProse(t));
  let start = prose.indexOf(true);
  if (start < 0) start = from;
  const endMarkers = [...(template.bodyEnd ?? []), ...GENERIC_BODY_END];
  let end = texts.findIndex((t, i) => i > start && endMarkers.some((re) => re.test(t)));
  if (end < 0) end = prose.lastIndexOf(true) + 1 || texts.length;
  return { markerIndex, start, end: Math.max(end, start) };
}

/** The text path: a scraped page as plain text in, a CleanArticle out. */
export function cleanText(text: string, opts: CleanOptions & { sanitize?: Sanitizer; url?: string } = {}): CleanArticle {
  const disabled = opts.disabledRules ?? [];
  const fullWidth = opts.fullWidthPunctuation ?? true;
  const report = new RemovalReport();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = lines.map((l) => textBlock(l));

  // Detect on the page as scraped (pinyin and jammers are evidence), then take the
  // inline artifacts out so the segmenter sees the real text.
  const { template, match } = detectTemplateText(text);
  runRules(INLINE_RULES, blocks, { title: null, boilerplate: [] }, report, disabled);
  const kept = blocks.filter((b) => !b.dropped);
  const seg = segment(kept, template);

  const header = readHeader(kept.slice(0, seg.start), { template, report, disabled, markerIndex: seg.markerIndex, positional: true });
  const footerMeta: MetaFields = {};
  for (const b of kept.slice(seg.end)) {
    const m = readMetaLine(b.text);
    if (m) mergeMeta(footerMeta, m);
  }
  const footer = kept.slice(seg.end).filter((b) => b.text.trim());
  if (footer.length) report.add('page-chrome', { removed: footer.length, samples: footer.slice(0, 5).map((b) => b.text.trim().slice(0, 80)) });

  const ctx = { title: header.title, boilerplate: template.boilerplate ?? [] };
  const body = cleanBody(kept.slice(seg.start, seg.end), { ctx, report, disabled, fullWidth });
  if (!hasArticleText(body.paragraphs)) throw new NoArticleError();

  const meta: MetaFields = {};
  mergeMeta(meta, header.meta);
  mergeMeta(meta, body.meta);
  if (!meta.published) delete footerMeta.published;
  mergeMeta(meta, footerMeta);

  return buildArticle(
    {
      title: header.title,
      subtitle: header.subtitle,
      poster: header.poster,
      siteName: null,
      url: opts.url ?? null,
      meta,
      headerCaptions: header.captions,
      body,
      template: match,
      report,
      fullWidth,
    },
    opts.sanitize ?? ((html) => html), // rendered from escaped text only: no page HTML on this path
  );
}
