import { declaredCharset, decoderLabel } from '../encoding/charset';
import type { CleanArticle } from '../types';
import { mergePages } from './merge';
import { laterPages } from './pagination';

/** Forum pagers lead to other people's replies, not to more of the article. */
const FORUM_FAMILIES = new Set(['discuz', 'phpwind']);
const MAX_LATER_PAGES = 20;

export function canMergePages(article: CleanArticle): boolean {
  return !FORUM_FAMILIES.has(article.template.id);
}

/** Bytes of a fetched page as text: the server's charset, else the page's own <meta>, else the site's (the current page's). */
export function decodePage(bytes: Uint8Array, contentType: string | null, siteCharset: string): string {
  const header = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const label = (header && decoderLabel(header)) ?? declaredCharset(bytes) ?? decoderLabel(siteCharset) ?? 'utf-8';
  return new TextDecoder(label).decode(bytes);
}

export interface PageSource {
  /** Loads a later page as a Document (same site; the caller fetches and parses). */
  load: (url: string) => Promise<Document>;
  clean: (doc: Document, url: string) => CleanArticle;
}

/**
 * The article with its later pages appended, following each page's pager so a
 * pager that shows only a window of page numbers is walked to the end. A page
 * that fails to load or has no article ends the article there; nothing before it is lost.
 */
export async function collectPages(first: CleanArticle, firstDoc: Document, url: string, source: PageSource): Promise<CleanArticle> {
  if (!canMergePages(first)) return first;
  const queue = laterPages(firstDoc, url);
  const seen = new Set([url, ...queue]);
  const pages: Array<{ url: string; article: CleanArticle }> = [];
  while (queue.length && pages.length < MAX_LATER_PAGES) {
    const next = queue.shift()!;
    try {
      const doc = await source.load(next);
      pages.push({ url: next, article: source.clean(doc, next) });
      for (const later of laterPages(doc, next)) {
        if (!seen.has(later)) {
          seen.add(later);
          queue.push(later);
        }
      }
    } catch {
      break;
    }
  }
  return mergePages(first, pages);
}
