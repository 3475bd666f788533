import { Converter } from 'opencc-js/cn2t';
import { publishDictionary } from '../platform/dictionary-global';

/**
 * opencc's Simplified→Traditional (~1.1 MB) tables, shipped once: injected into a tab before the page
 * converter, and imported by extension pages and the conversion worker.
 */
export default defineUnlistedScript({
  main() {
    publishDictionary('cn2t', Converter);
  },
});
