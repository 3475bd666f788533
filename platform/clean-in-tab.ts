import { CLEANER_KEY, type Cleaner, MERGE_KEY, type CleanResult, type MergeProgress } from '../lib/messages';
import type { CleanOptions } from '../lib/types';
import { activeRules, noteRulesUsed } from './site-rules';

/**
 * Injects the cleaner into a tab and runs it with these options, passed as executeScript
 * arguments: never through anything the page could see or forge. The user's site rules go
 * with every cleaning (popup, shortcut, menu), unless the caller gives its own (the picker's draft).
 */
export async function cleanInTab(tabId: number, options: CleanOptions = {}): Promise<CleanResult | undefined> {
  // The cleaner stays in the tab once injected: it is injected only where this version's is not there yet.
  const [siteRules, present] = await Promise.all([options.siteRules ?? activeRules(), cleanerInTab(tabId)]);
  if (!present) await browser.scripting.executeScript({ target: { tabId }, files: ['/cleaner.js'] });
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string, o: CleanOptions) => ((globalThis as Record<symbol, unknown>)[Symbol.for(key)] as Cleaner | undefined)?.(o),
    args: [CLEANER_KEY, { ...options, siteRules }],
  });
  const result = first?.result as CleanResult | undefined;
  if (result?.ok && result.article.siteRules?.length && !options.siteRules) await noteRulesUsed(result.article.siteRules.map((r) => r.id)).catch(() => {});
  return result;
}

/** Whether this version's cleaner is already in the tab's page (an update injects anew). */
async function cleanerInTab(tabId: number): Promise<boolean> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string, version: string) => ((globalThis as Record<symbol, unknown>)[Symbol.for(key)] as Cleaner | undefined)?.version === version,
    args: [CLEANER_KEY, browser.runtime.getManifest().version],
  });
  return first?.result === true;
}

type MergeControl = { progress(): MergeProgress | null; stop(): void };

/** How far the merge of later pages running in the tab has got, or null when none runs. */
export async function mergeProgressInTab(tabId: number): Promise<MergeProgress | null> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string) => ((globalThis as Record<symbol, unknown>)[Symbol.for(key)] as MergeControl | undefined)?.progress() ?? null,
    args: [MERGE_KEY],
  });
  return (first?.result as MergeProgress | null | undefined) ?? null;
}

/** The reader's 停止: no further later page is loaded, and what was merged is shown. */
export async function stopMergeInTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string) => void ((globalThis as Record<symbol, unknown>)[Symbol.for(key)] as MergeControl | undefined)?.stop(),
    args: [MERGE_KEY],
  });
}
