import { NoArticleError, cleanDocument } from '../../lib/pipeline';
import { createSanitizer } from '../../lib/sanitize';
import type { CleanResult } from '../../lib/messages';
import type { CleanOptions } from '../../lib/types';

declare global {
  // Set by the popup just before injecting, for options such as "all posts by the thread starter".
  // eslint-disable-next-line no-var
  var __jingduCleanOptions: CleanOptions | undefined;
}

/**
 * Injected into the active tab only when the user clicks the toolbar button
 * (activeTab + scripting). Reads a clone of the page and returns the article;
 * the page itself is never changed.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(): CleanResult {
    const started = performance.now();
    try {
      const options = globalThis.__jingduCleanOptions ?? {};
      const article = cleanDocument(document, location.href, { ...options, sanitize: createSanitizer(window) });
      return { ok: true, article, ms: Math.round(performance.now() - started) };
    } catch (err) {
      if (err instanceof NoArticleError) return { ok: false, reason: 'no-article', message: err.message };
      return { ok: false, reason: 'error', message: (err as Error).message || String(err) };
    }
  },
});
