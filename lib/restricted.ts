/**
 * Pages where browsers forbid extensions to run scripts: browser UI pages and the
 * extension stores. The popup explains this instead of failing silently.
 */
const RESTRICTED = [
  /^(chrome|edge|brave|opera|vivaldi|about|view-source|devtools|chrome-extension|moz-extension|chrome-search|resource|data):/i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org/i,
];

export function isRestrictedUrl(url: string | undefined): boolean {
  return !url || RESTRICTED.some((re) => re.test(url));
}
