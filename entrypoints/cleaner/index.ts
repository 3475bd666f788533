import { CleanTimeoutError, NoArticleError, cleanDocumentInStages } from '../../lib/pipeline';
import { canMergePages, collectPages } from '../../lib/pages/collect';
import { fetchLaterPage } from '../../lib/pages/fetch-later-page';
import { laterPages } from '../../lib/pages/pagination';
import { isLargePage, pageSize } from '../../lib/pages/page-size';
import { picturesThePageLoaded } from '../../lib/pictures/held';
import { createSanitizer } from '../../lib/sanitize';
import { CLEANER_KEY, type Cleaner, MERGE_KEY, type CleanResult, type MergeProgress } from '../../lib/messages';
import { PageResultCache } from '../../lib/pages/result-cache';
import type { CleanOptions } from '../../lib/types';

/**
 * Cleaning runs on the page's thread: past this it stops and says so instead of freezing the tab.
 * The e2e build (never shipped) allows more, so a test on a busy machine checks what is cleaned,
 * not how fast; the budget itself is tested in tests/hardening.test.ts.
 */
const BUDGET_MS = import.meta.env.MODE === 'e2e' ? 600_000 : 15_000;

/** The merge under way in this tab, if any: the popup reads how far it has got and can stop it. */
let merge: { progress: MergeProgress; stop: AbortController } | null = null;

const mergeControl = {
  progress: (): MergeProgress | null => merge && { ...merge.progress },
  stop: (): void => merge?.stop.abort(),
};

/** The e2e build waits for a later page as long as a test needs to stop the merge itself. */
const LATER_PAGE_LIMITS = import.meta.env.MODE === 'e2e' ? { timeoutMs: 600_000 } : {};

async function fetchPage(url: string, signal?: AbortSignal): Promise<Document> {
  const text = await fetchLaterPage(url, location.origin, document.characterSet, { ...LATER_PAGE_LIMITS, signal });
  return new DOMParser().parseFromString(text, 'text/html');
}

/** Between the cleaning's stages the page runs its own work: a click or a timer is not held for the whole cleaning. */
const giveThePageItsTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads a clone of the page and returns the article; the page itself is never changed. */
async function run(options: CleanOptions = {}): Promise<CleanResult> {
  const started = performance.now();
  const size = pageSize(document);
  if (isLargePage(size) && !options.cleanLargePages) return { ok: false, reason: 'too-large', message: `${size.elements} elements, ${size.characters} characters`, size };
  try {
    const sanitize = createSanitizer(window);
    const deadline = started + BUDGET_MS;
    const clean = (doc: Document, url: string, extra: CleanOptions = {}) => cleanDocumentInStages(doc, url, { ...options, ...extra, sanitize, deadline }, giveThePageItsTurn);
    const first = await clean(document, location.href);
    const later = canMergePages(first, options) ? laterPages(document, location.href, first.nextPageSelector).length : 0;
    const notMerged: Array<{ url: string; reason: string }> = [];
    const stop = new AbortController();
    const source = {
      load: (url: string) => fetchPage(url, stop.signal),
      clean,
      notMerged: (url: string, reason: string) => void notMerged.push({ url, reason }),
      progress: (loaded: number, known: number) => void (merge = { progress: { loaded, known }, stop }),
      stopped: () => stop.signal.aborted,
    };
    const article = options.mergePages && later ? await collectPages(first, document, location.href, options, source).finally(() => (merge = null)) : first;
    return { ok: true, article, laterPages: article.mergedPages ? 0 : later, notMerged, loadedPictures: picturesThePageLoaded(document), ms: Math.round(performance.now() - started) };
  } catch (err) {
    if (err instanceof NoArticleError) return { ok: false, reason: 'no-article', message: err.message };
    if (err instanceof CleanTimeoutError) return { ok: false, reason: 'too-slow', message: err.message };
    return { ok: false, reason: 'error', message: (err as Error).message || String(err) };
  }
}

const lastCleaning = new PageResultCache<CleanResult>(document, MutationObserver);

/** What a later click may be given again: a whole answer about the page, not a failure or a merge cut short (stopped, timed out). */
const lasting = (r: CleanResult) => (r.ok ? !r.notMerged?.length : r.reason === 'no-article' || r.reason === 'too-large');

/** A second click on an unchanged page gets the same answer at once; anything else is tried again. */
const cleanThisPage: Cleaner = (options = {}) => lastCleaning.get(JSON.stringify(options), () => run(options), lasting);

/**
 * Injected into the active tab only when the user asks (toolbar, menu, shortcut: activeTab +
 * scripting), as a plain script: it posts nothing to the page. It leaves `run` in the
 * extension's isolated world under a symbol, which page elements (id/name globals) cannot
 * shadow; the caller then passes its options to it as executeScript arguments. It stays there
 * for the page's life, so a later click calls it without injecting it again.
 */
export default defineUnlistedScript({
  main() {
    cleanThisPage.version = browser.runtime.getManifest().version;
    (globalThis as Record<symbol, unknown>)[Symbol.for(CLEANER_KEY)] = cleanThisPage;
    (globalThis as Record<symbol, unknown>)[Symbol.for(MERGE_KEY)] = mergeControl;
  },
});
