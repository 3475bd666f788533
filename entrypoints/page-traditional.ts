import { Converter } from 'opencc-js/cn2t';
import { fastConverter } from '../lib/convert/load';
import { sharedPageView } from '../platform/page-view-global';

/** Injected only when the user shows a page in a Traditional form: carries the ~1 MB tables. */
export default defineUnlistedScript({
  main() {
    const view = sharedPageView();
    for (const to of ['t', 'tw', 'twp', 'hk'] as const) view.register(to, fastConverter(Converter({ from: 'cn', to })));
  },
});
