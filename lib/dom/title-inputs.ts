/**
 * Readability compares the page's title with its headings word by word, and JSON-LD's name
 * with its headline, with a list search per word: quadratic in the number of words. A
 * <title>, meta tag or JSON-LD block of megabytes (a hostile or broken page) would hold the
 * tab or the CLI for minutes. No title is that long, so what Readability reads as titles is
 * cut to a title's length first, in the copy it reads; the page is unchanged.
 */
export const MOST_TITLE_CHARS = 1000;
/** JSON-LD larger than this is no article's metadata; Readability does not read it. */
export const MOST_JSON_LD_CHARS = 100_000;

export function boundTitleInputs(copy: Document): void {
  const title = copy.querySelector('title');
  if (title && (title.textContent ?? '').length > MOST_TITLE_CHARS) title.textContent = (title.textContent ?? '').slice(0, MOST_TITLE_CHARS);
  for (const meta of copy.querySelectorAll('meta[content]')) {
    const content = meta.getAttribute('content') ?? '';
    if (content.length > MOST_TITLE_CHARS) meta.setAttribute('content', content.slice(0, MOST_TITLE_CHARS));
  }
  for (const script of copy.querySelectorAll('script[type="application/ld+json"]')) {
    if ((script.textContent ?? '').length > MOST_JSON_LD_CHARS) script.remove();
  }
}
