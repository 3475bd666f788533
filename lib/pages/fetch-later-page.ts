import { MergeStoppedError, decodePage } from './collect';

/** Same-site redirects followed for one later page. */
const MOST_REDIRECTS = 5;
/** A later page larger than this is no page of an article; one slower than this is given up. */
export const LATER_PAGE_MOST_BYTES = 16 << 20;
export const LATER_PAGE_TIMEOUT_MS = 20_000;

export interface LaterPageLimits {
  fetch?: typeof fetch;
  mostBytes?: number;
  timeoutMs?: number;
  /** The reader's 停止: aborts the page being fetched. */
  signal?: AbortSignal;
}

/** The body, refused past `most` bytes (declared or counted), all within the caller's deadline. */
async function readBounded(response: Response, most: number, url: string): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length')) > most) {
    await response.body?.cancel();
    throw new Error(`${url}: larger than ${most >> 20} MB, not merged`);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    length += r.value.length;
    if (length > most) {
      await reader.cancel();
      throw new Error(`${url}: larger than ${most >> 20} MB, not merged`);
    }
    parts.push(r.value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

/**
 * Fetches a later page of the article for merging, as text. Same origin only, and each
 * redirect is checked before it is followed: merging never sends a request (and so never
 * the reader's cookies, which browsers share across ports) to another origin, nor takes
 * another site's page for the article's next page. Where the browser does not say where a
 * redirect goes (an opaque redirect), the page is not merged.
 */
export async function fetchLaterPage(url: string, pageOrigin: string, siteCharset: string, limits: LaterPageLimits = {}): Promise<string> {
  const { fetch: fetchImpl = fetch, mostBytes = LATER_PAGE_MOST_BYTES, timeoutMs = LATER_PAGE_TIMEOUT_MS, signal } = limits;
  // One deadline for the page, redirects and body included: a page that drips never holds the merge.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop);
  try {
    if (signal?.aborted) throw new MergeStoppedError();
    return await fetchWithin(url, pageOrigin, siteCharset, fetchImpl, mostBytes, controller.signal);
  } catch (err) {
    if (signal?.aborted) throw new MergeStoppedError();
    if (controller.signal.aborted) throw new Error(`${url}: no answer within ${Math.round(timeoutMs / 1000)} s, not merged`);
    throw err;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

async function fetchWithin(url: string, pageOrigin: string, siteCharset: string, fetchImpl: typeof fetch, mostBytes: number, signal: AbortSignal): Promise<string> {
  let at = url;
  for (let hop = 0; hop <= MOST_REDIRECTS; hop++) {
    if (new URL(at).origin !== pageOrigin) throw new Error(hop ? `${url}: redirected to another site, not merged` : `${url}: another site, not merged`);
    const response = await fetchImpl(at, { credentials: 'same-origin', redirect: 'manual', signal });
    if (response.type === 'opaqueredirect') throw new Error(`${url}: redirected, not merged`);
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location) {
      await response.body?.cancel();
      at = new URL(location, at).href;
      continue;
    }
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return decodePage(await readBounded(response, mostBytes, url), response.headers.get('content-type'), siteCharset);
  }
  throw new Error(`${url}: more than ${MOST_REDIRECTS} redirects, not merged`);
}
