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
 * The article as every export writes it. Stored HTML is not trusted (an imported backup
 * may carry anything): it is sanitized again here, and titles are single lines.
 */
export function exportable(article: CleanArticle): CleanArticle {
  return {
    ...article,
    title: oneLine(article.title ?? ''),
    subtitle: article.subtitle ? oneLine(article.subtitle) : article.subtitle,
    contentHtml: currentSanitizer()(article.contentHtml ?? ''),
    // A record from a backup may name any address: only a web address is written out.
    url: article.url && isWebAddress(article.url) ? article.url : null,
  };
}

/** Only web addresses become links or pictures in an export: no javascript:, data: or file:. */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}
