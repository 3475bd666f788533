import { type Block, escapeHtml } from '../blocks';
import { detectScript } from '../convert/script';
import { withOffset } from '../metadata/dates';
import type { MetaFields } from '../metadata/fields';
import { restoreFullWidth } from '../rules/punctuation';
import type { CleanArticle, TemplateMatch } from '../types';
import type { BodyResult } from './body';
import type { RemovalReport } from './report';

export type Sanitizer = (html: string) => string;

export interface ArticleParts {
  title: string | null;
  subtitle: string | null;
  poster: string | null;
  siteName: string | null;
  url: string | null;
  meta: MetaFields;
  headerCaptions: string[];
  body: BodyResult;
  template: TemplateMatch;
  report: RemovalReport;
  fullWidth: boolean;
}

/** Renders cleaned blocks as simple semantic HTML; untouched blocks keep their inline markup. */
export function renderBlocks(blocks: Block[]): string {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const inline = b.html && b.text === b.original ? b.html : escapeHtml(b.text);
    if (b.kind === 'image') {
      const next = blocks[i + 1];
      const caption = next?.kind === 'caption' ? `<figcaption>${escapeHtml(next.text)}</figcaption>` : '';
      out.push(`<figure><img src="${escapeHtml(b.src ?? '')}" alt="${escapeHtml(b.text)}">${caption}</figure>`);
    } else if (b.kind === 'caption') {
      if (blocks[i - 1]?.kind !== 'image') out.push(`<figure><figcaption>${inline}</figcaption></figure>`);
    } else if (b.kind === 'heading') out.push(`<h2>${inline}</h2>`);
    else out.push(`<p>${inline}</p>`);
  });
  return out.join('\n');
}

export function buildArticle(parts: ArticleParts, sanitize: Sanitizer): CleanArticle {
  const { meta, body } = parts;
  const fix = (s: string | null) => (s && parts.fullWidth ? restoreFullWidth(s) : s);
  const title = parts.title ?? body.headings[0] ?? body.paragraphs[0]?.slice(0, 40) ?? '';
  const captions = [...parts.headerCaptions.map((c) => fix(c)!), ...body.captions];
  const headerCaptionHtml = parts.headerCaptions.map((c) => `<figure><figcaption>${escapeHtml(fix(c)!)}</figcaption></figure>`);
  return {
    title: fix(title)!,
    subtitle: fix(parts.subtitle),
    byline: meta.byline ?? meta.author ?? null,
    author: meta.author ?? null,
    source: meta.source ?? null,
    editor: meta.editor ?? null,
    published: withOffset(meta.published ?? null, meta.timezoneHint ?? null),
    timezoneHint: meta.timezoneHint ?? null,
    siteName: parts.siteName,
    url: parts.url,
    poster: parts.poster,
    category: meta.category ?? null,
    edition: meta.edition ?? null,
    stats: { ...(meta.views !== undefined && { views: meta.views }), ...(meta.replies !== undefined && { replies: meta.replies }) },
    template: parts.template,
    contentHtml: sanitize([...headerCaptionHtml, renderBlocks(body.blocks)].join('\n')),
    paragraphs: body.paragraphs,
    headings: body.headings,
    captions,
    images: body.blocks.filter((b) => b.kind === 'image').map((b) => ({ src: b.src ?? '', alt: b.text })),
    removed: parts.report.list(),
    script: detectScript([title, ...body.paragraphs].join('')),
  };
}
