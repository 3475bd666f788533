import { isVariant } from '../lib/convert/variants';
import { sharedPageView } from '../platform/page-view-global';
import { readUserPhrases, siteScripts } from '../platform/settings';

/**
 * Registered by the background only for sites the user chose ("always show this
 * site in 繁/简") and granted access to; runs after the matching converter script.
 */
export default defineUnlistedScript({
  async main() {
    const variant = (await siteScripts.getValue())[location.hostname];
    const view = sharedPageView();
    view.usePhrases(await readUserPhrases());
    if (variant && isVariant(variant) && view.canShow(variant)) view.show(variant);
  },
});
