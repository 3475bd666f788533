import { queryFirst } from '../dom/query';

/**
 * Long portal articles are split over pages (3107.html, 3107_2.html, …; or ?page=2).
 * This finds the article's own later pages in its pager. Only pager links count
 * (a page number or 下一页 as their text), so links to other articles never do.
 */

/** One way sites number an article's pages: where `base` sits, and the page number of a sibling link. */
interface PageScheme {
  name: string;
  /** Readings of the current URL: the page it is, and how to number a link as its sibling (null: not one). */
  readings: (base: URL) => Array<{ current: number; pageOf: (url: URL) => number | null }>;
}

const EXT = /(\.s?html?|\.php|\.aspx?|\.jsp)$/i;
const PAGE_PARAMS = ['page', 'p', 'pn', 'pg', 'pageno', 'pagenum', 'curpage'];
const PAGER_TEXT = /^\s*(?:\[?\d{1,3}\]?|下一?页|后页|下页|next|›|»|>)\s*$/i;
const MAX_PAGES = 20;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** name.html, name_2.html, name_3.html … (the current page may itself be name_2.html). */
const suffixScheme: PageScheme = {
  name: 'name_N.html',
  readings(base) {
    const ext = EXT.exec(base.pathname)?.[0] ?? '';
    const stem = base.pathname.slice(0, base.pathname.length - ext.length);
    const numbered = /^(.*)_(\d{1,3})$/.exec(stem);
    const starts = [{ stem, current: 1 }, ...(numbered ? [{ stem: numbered[1]!, current: Number(numbered[2]) }] : [])];
    return starts.map(({ stem: s, current }) => {
      const sibling = new RegExp(`^${escape(s)}(?:_(\\d{1,3}))?${escape(ext)}$`);
      return {
        current,
        pageOf: (url: URL) => {
          const m = url.search === base.search ? sibling.exec(url.pathname) : null;
          return m ? Number(m[1] ?? '1') : null;
        },
      };
    });
  },
};

/** article.php?id=5&page=2 */
const queryScheme: PageScheme = {
  name: '?page=N',
  readings(base) {
    const withoutPage = (u: URL, param: string) => {
      const q = new URLSearchParams(u.searchParams);
      q.delete(param);
      q.sort();
      return q.toString();
    };
    return PAGE_PARAMS.map((param) => ({
      current: Number(base.searchParams.get(param) ?? '1') || 1,
      pageOf: (url: URL) => {
        if (url.pathname !== base.pathname || !url.searchParams.has(param)) return null;
        if (withoutPage(url, param) !== withoutPage(base, param)) return null;
        const n = Number(url.searchParams.get(param));
        return Number.isInteger(n) && n > 0 ? n : null;
      },
    }));
  },
};

/** Discuz! rewritten thread URLs: thread-<tid>-<page>-<list page>.html */
const discuzRewriteScheme: PageScheme = {
  name: 'thread-T-N-L.html',
  readings(base) {
    const shape = /^(.*\/thread-\d+-)(\d+)(-\d+\.html)$/;
    const here = shape.exec(base.pathname);
    if (!here) return [];
    return [
      {
        current: Number(here[2]),
        pageOf: (url: URL) => {
          const m = shape.exec(url.pathname);
          return m && m[1] === here[1] && m[3] === here[3] ? Number(m[2]) : null;
        },
      },
    ];
  },
};

const PAGE_SCHEMES: PageScheme[] = [discuzRewriteScheme, suffixScheme, queryScheme];

function parse(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    url.hash = '';
    return /^(https?|file):$/.test(url.protocol) ? url : null; // file: for pages saved to disk
  } catch {
    return null;
  }
}

/** The page a site rule's next-page link points to (same site only), as a one-page walk step. */
function ruleNextPage(doc: Document, base: URL, selector: string): string[] {
  const href = queryFirst(doc, selector)?.getAttribute('href');
  const next = href ? parse(href, base.href) : null;
  return next && next.origin === base.origin && next.href !== base.href ? [next.href] : [];
}

/**
 * The later pages of the article at `pageUrl` that its pager links to, in page order.
 * With a site rule's next-page selector, that link alone is followed (page by page).
 */
export function laterPages(doc: Document, pageUrl: string, nextPageSelector?: string): string[] {
  const base = parse(pageUrl, pageUrl);
  if (!base) return [];
  if (nextPageSelector) return ruleNextPage(doc, base, nextPageSelector);
  const pagerLinks = [...doc.querySelectorAll('a[href]')]
    .filter((a) => PAGER_TEXT.test(a.textContent ?? ''))
    .map((a) => parse(a.getAttribute('href')!, pageUrl))
    .filter((u): u is URL => !!u && u.origin === base.origin && u.href !== base.href);
  for (const scheme of PAGE_SCHEMES) {
    for (const reading of scheme.readings(base)) {
      const found = new Map<number, string>();
      for (const url of pagerLinks) {
        const n = reading.pageOf(url);
        if (n !== null && n > reading.current && n <= reading.current + MAX_PAGES && !found.has(n)) found.set(n, url.href);
      }
      if (found.size) return [...found.entries()].sort((x, y) => x[0] - y[0]).map(([, href]) => href);
    }
  }
  return [];
}
