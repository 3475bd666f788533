import { declaredCharset, decoderLabel } from '../encoding/charset';
import { NoArticleError } from '../text-pipeline';
import { templateById } from '../templates';
import type { CleanArticle, CleanOptions } from '../types';
import { STOPPED_BY_READER } from '../messages';
import { mergePages } from './merge';
import { laterPages } from './pagination';

const MAX_LATER_PAGES = 20;

/** The reader stopped the merge: what was merged so far is kept. */
export class MergeStoppedError extends Error {
  constructor() {
    super(STOPPED_BY_READER);
  }
}

/**
 * Whether an article's later pages belong to it. A forum thread's later pages hold
 * other people's replies, so they count only when the reader asked for every post
 * by the thread starter, and we know who that is and whose each post is.
 */
export function canMergePages(article: CleanArticle, options: CleanOptions): boolean {
  const template = templateById(article.template.id);
  if (!template?.forum) return true;
  return !!template.postAuthor && !!options.allPostsByStarter && !!article.poster;
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
  /** Cleans a page with the reader's options plus `extra` (the thread starter, on forums). */
  clean: (doc: Document, url: string, extra: CleanOptions) => CleanArticle | Promise<CleanArticle>;
  /** Told of each later page that was not merged, and why, so the reader hears what failed. */
  notMerged?: (url: string, reason: string) => void;
  /** Told before each later page is loaded: how many were loaded, of how many known so far. */
  progress?: (loaded: number, known: number) => void;
  /** Whether the reader stopped the merge: no further page is loaded. */
  stopped?: () => boolean;
}

/**
 * The article with its later pages appended, following each page's pager so a
 * pager that shows only a window of page numbers is walked to the end. A page
 * that fails to load ends the walk; a page with nothing of the article (a thread
 * page without the starter's posts) is passed over. Nothing already read is lost.
 */
export async function collectPages(first: CleanArticle, firstDoc: Document, url: string, options: CleanOptions, source: PageSource): Promise<CleanArticle> {
  if (!canMergePages(first, options)) return first;
  const extra: CleanOptions = templateById(first.template.id)?.forum ? { starter: first.poster! } : {};
  const queue = laterPages(firstDoc, url, first.nextPageSelector);
  const seen = new Set([url, ...queue]);
  const pages: Array<{ url: string; article: CleanArticle }> = [];
  for (let loaded = 0; queue.length && loaded < MAX_LATER_PAGES; loaded++) {
    if (source.stopped?.()) break;
    source.progress?.(loaded, loaded + queue.length);
    const next = queue.shift()!;
    let doc: Document;
    try {
      doc = await source.load(next);
    } catch (err) {
      if (err instanceof MergeStoppedError) queue.unshift(next);
      else source.notMerged?.(next, (err as Error).message || String(err));
      break;
    }
    try {
      pages.push({ url: next, article: await source.clean(doc, next, extra) });
    } catch (err) {
      if (!(err instanceof NoArticleError)) throw err;
      if (!extra.starter) source.notMerged?.(next, 'no article text on this page');
    }
    for (const later of laterPages(doc, next, first.nextPageSelector)) {
      if (!seen.has(later)) {
        seen.add(later);
        queue.push(later);
      }
    }
  }
  if (queue.length && source.stopped?.()) source.notMerged?.(queue[0]!, STOPPED_BY_READER);
  else if (queue.length) source.notMerged?.(queue[0]!, `more than ${MAX_LATER_PAGES} later pages: the rest were not merged`);
  return mergePages(first, pages);
}
