import en from '../public/_locales/en/messages.json';

type Key = keyof typeof en;

/**
 * UI text in the browser's language (zh-CN, zh-TW, en) through browser.i18n;
 * English when a message is missing (e.g. outside the extension).
 */
export function t(key: Key, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  let text = '';
  try {
    text = browser.i18n.getMessage(key, strings);
  } catch {
    // not running as an extension
  }
  return text || strings.reduce((s, v, i) => s.replaceAll(`$${i + 1}`, v), en[key].message);
}
