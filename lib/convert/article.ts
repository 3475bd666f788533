import type { CleanArticle } from '../types';
import { detectScript } from './script';
import type { Convert } from './load';

/** Converts the text of sanitized HTML, never its tags or attributes. */
export function convertHtmlText(html: string, convert: Convert): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : convert(part)))
    .join('');
}

/** A converted copy of an article; the original is left as it was, so switching back loses nothing. */
export function convertArticle(article: CleanArticle, convert: Convert): CleanArticle {
  const c = (s: string | null) => (s === null ? null : convert(s));
  const paragraphs = article.paragraphs.map(convert);
  const title = convert(article.title);
  return {
    ...article,
    title,
    subtitle: c(article.subtitle),
    byline: c(article.byline),
    author: c(article.author),
    source: c(article.source),
    editor: c(article.editor),
    siteName: c(article.siteName),
    poster: c(article.poster),
    category: c(article.category),
    edition: c(article.edition),
    credits: article.credits?.map(convert),
    contentHtml: convertHtmlText(article.contentHtml, convert),
    paragraphs,
    headings: article.headings.map(convert),
    captions: article.captions.map(convert),
    images: article.images.map((i) => ({ ...i, alt: convert(i.alt) })),
    script: detectScript([title, ...paragraphs].join('')),
  };
}
