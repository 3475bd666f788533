import { CLEANER_KEY, type CleanResult } from '../lib/messages';
import type { CleanOptions } from '../lib/types';

/**
 * Injects the cleaner into a tab and runs it with these options, passed as executeScript
 * arguments: never through anything the page could see or forge.
 */
export async function cleanInTab(tabId: number, options: CleanOptions = {}): Promise<CleanResult | undefined> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/cleaner.js'] });
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string, o: CleanOptions) => {
      const run = (globalThis as Record<symbol, unknown>)[Symbol.for(key)];
      return typeof run === 'function' ? (run as (o: CleanOptions) => Promise<CleanResult>)(o) : undefined;
    },
    args: [CLEANER_KEY, options],
  });
  return first?.result as CleanResult | undefined;
}
