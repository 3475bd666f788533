import { oneLine } from '../blocks';
import { createSanitizer } from '../sanitize';
import type { CleanArticle } from '../types';

type Sanitizer = (html: string) => string;

let sanitizer: Sanitizer | null = null;

/** Node (CLI, tests) hands in DOMPurify on jsdom; extension pages use their own window. */
export function useExportSanitizer(s: Sanitizer): void {
  sanitizer = s;
}

function currentSanitizer(): Sanitizer {
  if (!sanitizer && typeof window !== 'undefined' && window.document) sanitizer = createSanitizer(window);
  if (!sanitizer) throw new Error('Exports need a sanitizer: call useExportSanitizer() with DOMPurify on a real DOM (jsdom in Node).');
  return sanitizer;
}


/**
 * Control characters (U+0000–U+001F but tab and line breaks, U+007F) and lone surrogates:
 * no reader shows them, YAML and XML refuse them, and terminals act on them.
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}
const plain = (s: string | null) => (s === null ? s : withoutControls(s));

/**
 * The article as every export writes it. Stored HTML is not trusted (an imported backup
 * may carry anything): it is sanitized again here, titles are single lines, and no text
 * carries control characters.
 */
export function exportable(article: CleanArticle): CleanArticle {
  return {
    ...article,
    title: withoutControls(oneLine(article.title ?? '')),
    subtitle: article.subtitle ? withoutControls(oneLine(article.subtitle)) : article.subtitle,
    byline: plain(article.byline),
    author: plain(article.author),
    source: plain(article.source),
    editor: plain(article.editor),
    siteName: plain(article.siteName),
    paragraphs: article.paragraphs.map(withoutControls),
    headings: (article.headings ?? []).map(withoutControls),
    captions: (article.captions ?? []).map(withoutControls),
    images: (article.images ?? []).map((i) => ({ ...i, alt: withoutControls(i.alt) })),
    contentHtml: withoutControls(currentSanitizer()(article.contentHtml ?? '')),
    // A record from a backup may name any address: only a web address is written out.
    url: article.url && isWebAddress(article.url) ? article.url : null,
  };
}

/** Only web addresses become links or pictures in an export: no javascript:, data: or file:. */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}
