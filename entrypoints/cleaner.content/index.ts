import { CleanTimeoutError, NoArticleError, cleanDocument } from '../../lib/pipeline';

/** Cleaning runs on the page's thread: past this it stops and says so instead of freezing the tab. */
const BUDGET_MS = 15_000;
import { canMergePages, collectPages, decodePage } from '../../lib/pages/collect';
import { laterPages } from '../../lib/pages/pagination';
import { createSanitizer } from '../../lib/sanitize';
import type { CleanResult } from '../../lib/messages';
import type { CleanOptions } from '../../lib/types';

declare global {
  // Set by the popup just before injecting, for options such as "all posts by the thread starter".
  // eslint-disable-next-line no-var
  var __jingduCleanOptions: CleanOptions | undefined;
}

async function fetchPage(url: string): Promise<Document> {
  const response = await fetch(url, { credentials: 'include' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const text = decodePage(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'), document.characterSet);
  return new DOMParser().parseFromString(text, 'text/html');
}

/**
 * Injected into the active tab only when the user clicks the toolbar button
 * (activeTab + scripting). Reads a clone of the page and returns the article;
 * the page itself is never changed. With mergePages it also fetches the article's
 * later pages from the same site, as the page itself would.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(): Promise<CleanResult> {
    const started = performance.now();
    try {
      const options = globalThis.__jingduCleanOptions ?? {};
      const sanitize = createSanitizer(window);
      const deadline = started + BUDGET_MS;
      const clean = (doc: Document, url: string, extra: CleanOptions = {}) => cleanDocument(doc, url, { ...options, ...extra, sanitize, deadline });
      const first = clean(document, location.href);
      const later = canMergePages(first, options) ? laterPages(document, location.href).length : 0;
      const article = options.mergePages && later ? await collectPages(first, document, location.href, options, { load: fetchPage, clean }) : first;
      return { ok: true, article, laterPages: article.mergedPages ? 0 : later, ms: Math.round(performance.now() - started) };
    } catch (err) {
      if (err instanceof NoArticleError) return { ok: false, reason: 'no-article', message: err.message };
      if (err instanceof CleanTimeoutError) return { ok: false, reason: 'too-slow', message: err.message };
      return { ok: false, reason: 'error', message: (err as Error).message || String(err) };
    }
  },
});
