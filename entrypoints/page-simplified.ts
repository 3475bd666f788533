import { publishedDictionary } from '../platform/dictionary-global';
import { sharedPageView } from '../platform/page-view-global';

/** Injected after dict-t2cn.js when the user shows a page in Simplified. */
export default defineUnlistedScript({
  main() {
    sharedPageView().registerLazy('cn', () => publishedDictionary('t2cn')!({ from: 'twp', to: 'cn' }));
  },
});
