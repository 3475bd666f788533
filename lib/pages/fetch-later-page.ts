import { decodePage } from './collect';

/**
 * Fetches a later page of the article for merging, as text. Same origin only, and a
 * redirect must stay there: merging never carries the reader's cookies to another site,
 * nor takes another site's page for the article's next page.
 */
export async function fetchLaterPage(url: string, pageOrigin: string, siteCharset: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (new URL(url).origin !== pageOrigin) throw new Error(`${url}: another site, not merged`);
  const response = await fetchImpl(url, { credentials: 'same-origin', redirect: 'follow' });
  if (new URL(response.url || url).origin !== pageOrigin) throw new Error(`${url}: redirected to another site, not merged`);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return decodePage(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'), siteCharset);
}
