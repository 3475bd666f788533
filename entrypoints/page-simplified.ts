import { Converter } from 'opencc-js/t2cn';
import { fastConverter } from '../lib/convert/load';
import { sharedPageView } from '../platform/page-view-global';

/** Injected when the user shows a page in Simplified: Traditional→Simplified tables only (~110 kB). */
export default defineUnlistedScript({
  main() {
    sharedPageView().register('cn', fastConverter(Converter({ from: 'twp', to: 'cn' })));
  },
});
