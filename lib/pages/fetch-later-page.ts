import { decodePage } from './collect';

/** Same-site redirects followed for one later page. */
const MOST_REDIRECTS = 5;

/**
 * Fetches a later page of the article for merging, as text. Same origin only, and each
 * redirect is checked before it is followed: merging never sends a request (and so never
 * the reader's cookies, which browsers share across ports) to another origin, nor takes
 * another site's page for the article's next page. Where the browser does not say where a
 * redirect goes (an opaque redirect), the page is not merged.
 */
export async function fetchLaterPage(url: string, pageOrigin: string, siteCharset: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  let at = url;
  for (let hop = 0; hop <= MOST_REDIRECTS; hop++) {
    if (new URL(at).origin !== pageOrigin) throw new Error(hop ? `${url}: redirected to another site, not merged` : `${url}: another site, not merged`);
    const response = await fetchImpl(at, { credentials: 'same-origin', redirect: 'manual' });
    if (response.type === 'opaqueredirect') throw new Error(`${url}: redirected, not merged`);
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location) {
      await response.body?.cancel();
      at = new URL(location, at).href;
      continue;
    }
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return decodePage(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'), siteCharset);
  }
  throw new Error(`${url}: more than ${MOST_REDIRECTS} redirects, not merged`);
}
