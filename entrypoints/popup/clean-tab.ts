import type { CleanResult, PageSize } from '../../lib/messages';
import { isRestrictedUrl } from '../../lib/restricted';
import type { CleanOptions } from '../../lib/types';
import { cleanInTab } from '../../platform/clean-in-tab';
import { siteCleanOptions } from '../../platform/settings';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'restricted'; url: string }
  /** The tab is kept when it can be scripted: its page 简/繁 toggle works without an article. */
  | { kind: 'failed'; reason: 'no-article' | 'too-slow' | 'too-large' | 'error'; message: string; tabId?: number; url?: string; size?: PageSize }
  | { kind: 'ready'; result: Extract<CleanResult, { ok: true }>; tabId: number };

/** The tab to clean: ?tabId=N when opened as a page (tests), else the active tab. */
export async function targetTab(): Promise<{ id: number; url: string }> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  const tab = fromQuery ? await browser.tabs.get(fromQuery) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return { id: tab?.id ?? -1, url: tab?.url ?? tab?.pendingUrl ?? '' };
}

export function hostnameOf(url: string | null | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** The cleaning choices the reader made for this site (只看楼主, merging later pages). */
async function rememberedOptions(tab: Promise<{ url: string }>): Promise<CleanOptions> {
  const [{ url }, sites] = await Promise.all([tab, siteCleanOptions.getValue()]);
  return sites[hostnameOf(url)] ?? {};
}

/** The popup's first cleaning, with the site's remembered choices. */
export interface FirstCleaning {
  options: Promise<CleanOptions>;
  state: Promise<PopupState>;
  /** Both, once known: a UI that loads after the cleaning ended shows the article in its first frame. */
  settled?: { options: CleanOptions; state: PopupState };
}

/** Starts the first cleaning as the popup's script starts, before its UI has loaded: the article is what the reader waits for. */
export function startCleaning(): FirstCleaning {
  const tab = targetTab();
  const options = rememberedOptions(tab);
  const state = options.then((o) => cleanTab(o, tab)).catch((err): PopupState => ({ kind: 'failed', reason: 'error', message: String(err) }));
  const first: FirstCleaning = { options: options.catch(() => ({})), state };
  void Promise.all([first.options, state]).then(([o, st]) => (first.settled = { options: o, state: st }));
  return first;
}

/** Injects the cleaner into the tab (allowed by the click's activeTab grant) and returns what it found. */
export async function cleanTab(options: CleanOptions = {}, which = targetTab()): Promise<PopupState> {
  const tab = await which;
  if (tab.id < 0 || (tab.url && isRestrictedUrl(tab.url))) return { kind: 'restricted', url: tab.url };
  try {
    const result = await cleanInTab(tab.id, options);
    if (!result) return { kind: 'failed', reason: 'error', message: 'The page did not answer.' };
    if (result.ok) return { kind: 'ready', result, tabId: tab.id };
    return { kind: 'failed', reason: result.reason, message: result.message, tabId: tab.id, url: tab.url, ...('size' in result ? { size: result.size } : {}) };
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    // Chrome says "Cannot access ..." for pages extensions may not touch.
    if (/cannot access|cannot be scripted|extensions gallery|missing host permission/i.test(message)) return { kind: 'restricted', url: tab.url };
    return { kind: 'failed', reason: 'error', message };
  }
}
