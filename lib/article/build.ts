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

function inlineHtml(b: Block): string {
  return b.html && b.text === b.original ? b.html : escapeHtml(b.text);
}

/** One line as HTML: a paragraph, heading, figure or list item. */
function renderLine(blocks: Block[], i: number): string {
  const b = blocks[i]!;
  const inline = inlineHtml(b);
  if (b.kind === 'image') {
    const next = blocks[i + 1];
    const caption = next?.kind === 'caption' ? `<figcaption>${escapeHtml(next.text)}</figcaption>` : '';
    return `<figure><img src="${escapeHtml(b.src ?? '')}" alt="${escapeHtml(b.text)}">${caption}</figure>`;
  }
  if (b.kind === 'caption') return blocks[i - 1]?.kind === 'image' ? '' : `<figure><figcaption>${inline}</figcaption></figure>`;
  // A heading is its words: no bold inside it, no full-width indent before it.
  if (b.kind === 'heading') return `<h2>${escapeHtml(b.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))}</h2>`;
  return b.container?.type === 'list' ? `<li>${inline}</li>` : `<p>${inline}</p>`;
}

/** A data table from its cells' lines; a cell a rule emptied stays as an empty cell. */
function renderTable(cells: Block[]): string {
  const rows = new Map<number, { header: boolean; cells: string[][] }>();
  for (const b of cells) {
    const c = b.container;
    if (c?.type !== 'table') continue;
    const row = rows.get(c.row) ?? { header: true, cells: [] };
    row.header &&= c.header;
    (row.cells[c.col] ??= []).push(inlineHtml(b));
    rows.set(c.row, row);
  }
  const width = Math.max(...[...rows.values()].map((r) => r.cells.length));
  const tr = (r: { header: boolean; cells: string[][] }) => {
    const tag = r.header ? 'th' : 'td';
    return `<tr>${Array.from({ length: width }, (_, i) => `<${tag}>${(r.cells[i] ?? []).join('<br>')}</${tag}>`).join('')}</tr>`;
  };
  const all = [...rows.values()];
  const head = all.length > 1 && all[0]!.header ? all.shift()! : null;
  return `<table>${head ? `<thead>${tr(head)}</thead>` : ''}<tbody>${all.map(tr).join('')}</tbody></table>`;
}

function renderLines(blocks: Block[]): string[] {
  return blocks.map((_, i) => renderLine(blocks, i)).filter(Boolean);
}

/** Renders cleaned blocks as simple semantic HTML; untouched blocks keep their inline markup. */
export function renderBlocks(blocks: Block[]): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; ) {
    const c = blocks[i]!.container;
    let end = i + 1;
    while (c && end < blocks.length && blocks[end]!.container?.id === c.id) end++;
    const group = blocks.slice(i, end);
    if (!c) out.push(...renderLines(group));
    else if (c.type === 'list') out.push(`<${c.ordered ? 'ol' : 'ul'}>${renderLines(group).join('')}</${c.ordered ? 'ol' : 'ul'}>`);
    else if (c.type === 'quote') out.push(`<blockquote>${renderLines(group).join('')}</blockquote>`);
    else out.push(renderTable(group));
    i = end;
  }
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
    credits: meta.credits ?? [],
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
