import TurndownService from 'turndown';
import { tables } from 'turndown-plugin-gfm';
import { escapeHtml } from '../blocks';
import { displayTime } from '../metadata/display';
import type { CleanArticle } from '../types';
import { type SavedNotes, frontMatter } from './front-matter';
import { type PictureFiles, type PictureLocator, dataAddress, unescapeAttribute } from './pictures';
import { exportable, isWebAddress } from './safe';

import type { ExportFormat } from './format-info';

export { type ExportFormat, FORMAT_INFO } from './format-info';

/** Text that a Markdown renderer must not take for HTML: angle brackets escaped. */
function mdText(s: string): string {
  return s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The labels exports add, in the article's own script: a 繁體 article reads 來源, not 来源. */
const LABELS = {
  simplified: { lang: 'zh-Hans', source: '来源', author: '作者', editor: '编辑', figure: '图', image: '图片', original: '原文' },
  traditional: { lang: 'zh-Hant', source: '來源', author: '作者', editor: '編輯', figure: '圖', image: '圖片', original: '原文' },
};

function labelsFor(a: CleanArticle) {
  return a.script === 'traditional' ? LABELS.traditional : LABELS.simplified;
}

/** The date, source, author, editor and credits line every export puts under the title. */
export function metaLine(a: CleanArticle): string {
  const l = labelsFor(a);
  return [displayTime(a.published), a.source && `${l.source}：${a.source}`, a.author && `${l.author}：${a.author}`, a.editor && `${l.editor}：${a.editor}`, ...(a.credits ?? [])]
    .filter(Boolean)
    .join('  ');
}

/** A Markdown link target: in <…> when it has spaces or parentheses, Chinese left as it is. */
function mdTarget(path: string): string {
  return /[\s()<>]/.test(path) ? `<${path.replace(/[<>]/g, encodeURIComponent)}>` : path;
}

/** `locate` gives kept pictures a local path (a zip's assets/ folder); the rest stay web links. */
export function toMarkdown(stored: CleanArticle, notes: SavedNotes = {}, locate: PictureLocator = () => undefined): string {
  const article = exportable(stored);
  const turndown = new TurndownService({ headingStyle: 'atx', emDelimiter: '*', bulletListMarker: '-' });
  // Data tables with a header row become pipe tables; others stay as (sanitized) HTML tables.
  turndown.use(tables);
  // Page text like "<script>" stays text in every Markdown renderer.
  const escape = turndown.escape.bind(turndown);
  // A "|" in text would end a table cell; escaped it reads as "|" everywhere else too.
  turndown.escape = (text: string) => mdText(escape(text)).replace(/\|/g, '\\|');
  turndown.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const img = node as HTMLImageElement;
      const src = img.getAttribute('src') ?? '';
      const alt = mdText((img.getAttribute('alt') ?? '').replace(/[\[\]\n]/g, ' '));
      const local = locate(src);
      if (local) return `![${alt}](${mdTarget(local)})`;
      return isWebAddress(src) ? `![${alt}](${src.replace(/[()\s]/g, encodeURIComponent)})` : '';
    },
  });
  // Captions read as captions: in italics under their picture.
  turndown.addRule('caption', { filter: 'figcaption', replacement: (text) => `\n\n*${text.trim()}*\n\n` });
  const body = turndown.turndown(article.contentHtml);
  // Headings are page text too: Markdown syntax in them ([x](javascript:…), ![](…)) stays literal.
  const heading = (s: string) => turndown.escape(s);
  const head = [`# ${heading(article.title)}`, article.subtitle ? `## ${heading(article.subtitle)}` : ''].filter(Boolean).join('\n\n');
  return `${frontMatter(article, notes)}\n${head}\n\n${body}\n`;
}

export function toPlainText(stored: CleanArticle): string {
  // Plain text needs no sanitized HTML; its fields lose their control characters all the same.
  const { title, url, subtitle, byline, author, source, editor, paragraphs, captions } = exportable(stored);
  const article = { ...stored, title, url, subtitle, byline, author, source, editor, paragraphs, captions };
  const figure = labelsFor(article).figure;
  const parts = [article.title, article.subtitle, metaLine(article), ...article.captions.map((c) => `[${figure}] ${c}`), ...article.paragraphs];
  return `${parts.filter(Boolean).join('\n\n')}\n${article.url ? `\n${article.url}\n` : ''}`;
}

const READER_CSS = `body{max-width:42em;margin:2em auto;padding:0 1em;font:18px/1.9 "PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222;background:#fdfdfb}
h1{font-size:1.6em;line-height:1.4}h2{font-size:1.2em}.meta{color:#666;font-size:.85em}figure{margin:1em 0}figcaption{color:#555;font-size:.9em}img{max-width:100%}
table{border-collapse:collapse;font-size:.85em}th,td{border:1px solid #ccc;padding:.2em .7em;text-align:left}blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #ccc;color:#555}
@media (prefers-color-scheme:dark){body{background:#1b1b1d;color:#ddd}.meta,figcaption{color:#999}a{color:#8ab4f8}}`;

/**
 * The article's HTML with pictures as links ([图片：alt]), so an exported file loads nothing
 * remotely; a picture `locate` has a local copy of stays a picture, pointing there.
 */
export function imagesAsLinks(article: CleanArticle, locate: PictureLocator = () => undefined): string {
  const l = labelsFor(article);
  // contentHtml is already sanitized, with attributes quoted and escaped by the serializer.
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  return article.contentHtml.replace(/<img\b[^>]*>/g, (tag) => {
    const alt = attr(tag, 'alt');
    const src = attr(tag, 'src');
    const local = locate(unescapeAttribute(src));
    if (local) return `<img src="${escapeHtml(local)}" alt="${alt}"/>`;
    const label = `[${l.image}${alt ? `：${alt}` : ''}]`;
    return isWebAddress(src) ? `<a href="${src}">${label}</a>` : label;
  });
}

/** A standalone page: inline CSS, the sanitized body, kept pictures inlined and the rest as links, so nothing loads remotely. */
export function toStandaloneHtml(stored: CleanArticle, pictures: PictureFiles = new Map()): string {
  const article = exportable(stored);
  const l = labelsFor(article);
  const body = imagesAsLinks(article, (src) => {
    const file = pictures.get(src);
    return file && dataAddress(file);
  });
  const source = article.url ? `<p class="meta">${l.original}：<a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a></p>` : '';
  return `<!doctype html>
<html lang="${l.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(article.title)}</title>
<style>${READER_CSS}</style>
</head>
<body>
<article>
<h1>${escapeHtml(article.title)}</h1>
${article.subtitle ? `<h2>${escapeHtml(article.subtitle)}</h2>` : ''}
<p class="meta">${escapeHtml(metaLine(article))}</p>
${body}
${source}
</article>
</body>
</html>
`;
}

export function toJson(article: CleanArticle): string {
  return `${JSON.stringify(exportable(article), null, 2)}\n`;
}

/**
 * The article in one format; Markdown front matter also carries the reader's notes when given.
 * Kept pictures go inside a standalone HTML file; one Markdown file links them (a zip carries them, see bundle.ts).
 */
export function exportArticle(article: CleanArticle, format: ExportFormat, notes: SavedNotes = {}, pictures: PictureFiles = new Map()): string {
  switch (format) {
    case 'md':
      return toMarkdown(article, notes);
    case 'txt':
      return toPlainText(article);
    case 'html':
      return toStandaloneHtml(article, pictures);
    case 'json':
      return toJson(article);
  }
}
