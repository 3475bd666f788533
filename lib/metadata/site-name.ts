/**
 * The site's own names, which a meta author tag or a credit line sometimes gives as the
 * writer ("CNA" on a page titled "… - CNA", "cna" in its host): a name the site calls
 * itself is not a person.
 */

/** Separators between a headline and the site's name in <title>: "标题 - 站名", "标题_频道_站名". */
const TITLE_PARTS = /\s*[-–—|_｜]\s*|\s{2,}/;

function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** og:site_name and the like, the parts of <title> that are not the headline, and the labels of the host. */
export function siteNamesOf(page: { pageTitle: string; headline: string | null; stated: string[]; url: string | null }): string[] {
  const headline = page.headline ? squash(page.headline) : '';
  const titleParts = page.pageTitle.split(TITLE_PARTS).filter((p) => p && (!headline || !squash(p).includes(headline)));
  let labels: string[] = [];
  try {
    labels = page.url ? new URL(page.url).hostname.split('.') : [];
  } catch {
    // no address: no labels
  }
  const words = titleParts.flatMap((p) => p.split(/\s+/));
  return [...new Set([...page.stated, ...titleParts, ...words, ...labels].map(squash).filter((n) => n.length >= 2))];
}

/**
 * A Latin author that is one of the site's names. A Chinese one is kept: a personal site is
 * often named after its writer ("春天的田野 - 张三").
 */
export function isSiteName(name: string, siteNames: string[]): boolean {
  const n = squash(name);
  return !!n && !/[\u3400-\u9fff]/.test(n) && siteNames.includes(n);
}
