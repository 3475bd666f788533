import { PICKER_KEY, type PickerStart } from '../lib/messages';
import { parseRules, ruleLabel } from '../lib/site-rules/schema';
import { t } from './i18n';
import { activeRules, saveRule } from './site-rules';

/**
 * Opens the in-page picker (这里不对？) on a tab: the cleaner and the picker are injected on
 * demand like every script of ours, and started with executeScript arguments.
 */
export async function openPicker(tabId: number): Promise<void> {
  const start: PickerStart = { rules: await activeRules() };
  await browser.scripting.executeScript({ target: { tabId }, files: ['/cleaner.js', '/picker.js'] });
  await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string, s: PickerStart) => {
      const run = (globalThis as Record<symbol, unknown>)[Symbol.for(key)];
      if (typeof run === 'function') void (run as (s: PickerStart) => Promise<boolean>)(s);
    },
    args: [PICKER_KEY, start],
  });
}

/** The picker's "remember": the rule is untrusted until checked, like any rule from outside. */
export async function saveRuleFromPicker(data: unknown): Promise<{ ok: boolean; message: string }> {
  const { rules, refused } = parseRules(data);
  const rule = rules[0];
  if (!rule) return { ok: false, message: `${t('ruleNotSaved')} ${refused[0]?.reason ?? ''}`.trim() };
  await saveRule(rule);
  return { ok: true, message: t('ruleSaved', ruleLabel(rule)) };
}
