import { publishedDictionary } from '../platform/dictionary-global';
import { sharedPageView } from '../platform/page-view-global';

/** Injected after dict-cn2t.js when the user shows a page in a Traditional form. */
export default defineUnlistedScript({
  main() {
    const Converter = publishedDictionary('cn2t')!;
    const view = sharedPageView();
    for (const to of ['t', 'tw', 'twp', 'hk'] as const) view.registerLazy(to, () => Converter({ from: 'cn', to }));
  },
});
