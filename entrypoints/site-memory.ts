import { isVariant } from '../lib/convert/variants';
import { sharedPageView } from '../platform/page-view-global';
import { everyPageScript, readUserPhrases, siteScripts } from '../platform/settings';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Calls `then` once the page has Chinese: at once, or when the page brings it in later (a page
 * built by its own script). Until then nothing is walked: converting every page must cost the
 * others nothing but a look at what they add.
 */
function whenChinese(then: () => void): void {
  if (CJK.test(document.title + (document.body?.textContent ?? '').slice(0, 20_000))) return then();
  const watch = new MutationObserver((records) => {
    const added = records.some((r) => (r.type === 'characterData' ? CJK.test(r.target.textContent ?? '') : [...r.addedNodes].some((n) => CJK.test(n.textContent ?? ''))));
    if (!added) return;
    watch.disconnect();
    then();
  });
  watch.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
}

/**
 * Registered by the background only for the sites the user chose ("always show this site in
 * 繁/简") and, when turned on, for every page, each where the user granted access; runs after
 * the matching converter script. Content the page adds later is converted as it arrives.
 */
export default defineUnlistedScript({
  async main() {
    const variant = (await siteScripts.getValue())[location.hostname] ?? (await everyPageScript.getValue());
    if (!variant || !isVariant(variant) || variant === 'original') return; // 'original': the site the reader keeps as written
    const phrases = await readUserPhrases();
    whenChinese(() => {
      const view = sharedPageView();
      view.usePhrases(phrases);
      if (view.canShow(variant)) void view.show(variant);
    });
  },
});
