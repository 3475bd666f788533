import type { PageViewProgress, PageViewResult } from '../lib/convert/page-view';
import { type ScriptVariant, type TargetVariant, isTraditionalTarget } from '../lib/convert/variants';
import type { ScriptKind } from '../lib/types';
import { dictionaryFile } from './dictionary-global';
import { preferredTraditional, readUserPhrases } from './settings';

/** The scripts a target needs in the tab: its dictionary, then the page converter that uses it. */
export function converterFiles(variant: TargetVariant): Array<ReturnType<typeof dictionaryFile> | '/page-traditional.js' | '/page-simplified.js'> {
  return isTraditionalTarget(variant) ? [dictionaryFile('cn2t'), '/page-traditional.js'] : [dictionaryFile('t2cn'), '/page-simplified.js'];
}

async function inTab<A extends unknown[], R>(tabId: number, func: (...args: A) => R, args: A): Promise<R> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, func: func as never, args: args as never });
  return first?.result as R;
}

/** Shows the page in a script (or back in the original), loading the converter once per tab. */
export async function setPageScript(tabId: number, variant: ScriptVariant): Promise<PageViewResult | null> {
  if (variant === 'original') return inTab(tabId, () => globalThis.__jingduPageView?.restore() ?? null, []);
  const reading = readUserPhrases(); // read while the tab is asked, not after
  const ready = await inTab(tabId, (v: string) => !!globalThis.__jingduPageView?.canShow(v), [variant]);
  if (!ready) await browser.scripting.executeScript({ target: { tabId }, files: converterFiles(variant) });
  const phrases = await reading;
  return inTab(
    tabId,
    (v: string, table: unknown) => {
      globalThis.__jingduPageView!.usePhrases(table as never);
      return globalThis.__jingduPageView!.show(v as never);
    },
    [variant, phrases],
  );
}

/** How far the conversion running in the tab has got, or null when none is running. */
export async function pageScriptProgress(tabId: number): Promise<PageViewProgress | null> {
  return (await inTab(tabId, () => globalThis.__jingduPageView?.progress ?? null, [])) as PageViewProgress | null;
}

export async function currentPageScript(tabId: number): Promise<ScriptVariant> {
  return (await inTab(tabId, () => globalThis.__jingduPageView?.current ?? 'original', [])) as ScriptVariant;
}

/** The shortcut and menu toggle: back to the original, or over to the other script. */
export async function togglePageScript(tabId: number): Promise<PageViewResult | null> {
  if ((await currentPageScript(tabId)) !== 'original') return setPageScript(tabId, 'original');
  const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-script.js'] });
  const script = first?.result as ScriptKind | undefined;
  return setPageScript(tabId, script === 'simplified' ? await preferredTraditional.getValue() : 'cn');
}
