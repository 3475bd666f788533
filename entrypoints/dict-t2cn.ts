import { Converter } from 'opencc-js/t2cn';
import { publishDictionary } from '../platform/dictionary-global';

/**
 * opencc's Traditional→Simplified (~110 kB) tables, shipped once: injected into a tab before the page
 * converter, and imported by extension pages and the conversion worker.
 */
export default defineUnlistedScript({
  main() {
    publishDictionary('t2cn', Converter);
  },
});
