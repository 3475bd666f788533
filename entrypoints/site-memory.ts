import { isVariant } from '../lib/convert/variants';
import { sharedPageView } from '../platform/page-view-global';
import { everyPageScript, readUserPhrases, siteScripts } from '../platform/settings';

/** A page with no Chinese near its start is left alone: converting every page must cost the others nothing. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Registered by the background only for the sites the user chose ("always show this site in
 * 繁/简") and, when turned on, for every page, each where the user granted access; runs after
 * the matching converter script. Content the page adds later is converted as it arrives.
 */
export default defineUnlistedScript({
  async main() {
    const variant = (await siteScripts.getValue())[location.hostname] ?? (await everyPageScript.getValue());
    if (!variant || !isVariant(variant) || variant === 'original') return; // 'original': the site the reader keeps as written
    if (!CJK.test(document.title + (document.body?.textContent ?? '').slice(0, 20_000))) return;
    const view = sharedPageView();
    view.usePhrases(await readUserPhrases());
    if (view.canShow(variant)) view.show(variant);
  },
});
