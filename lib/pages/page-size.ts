import type { PageSize } from '../messages';

/**
 * Past these, reading the page (Readability's pass, the sanitizer) holds the tab's thread for
 * seconds however the work is cut into stages: the reader is asked first. The largest real
 * article pages (a long forum thread, a 400 KB encyclopedia page) stay far below.
 */
export const LARGE_PAGE: PageSize = { elements: 100_000, characters: 1_000_000 };

export function isLargePage(size: PageSize): boolean {
  return size.elements > LARGE_PAGE.elements || size.characters > LARGE_PAGE.characters;
}

/** Counted by the browser itself, without a walk of ours. */
export function pageSize(doc: Document): PageSize {
  return { elements: doc.getElementsByTagName('*').length, characters: doc.body?.textContent?.length ?? 0 };
}
