import type { DictionaryLoader } from '../lib/convert/load';

/** In Node the dictionaries are opencc-js's own modules. */
export const nodeDictionaries: DictionaryLoader = async (name) =>
  name === 'cn2t' ? (await import('opencc-js/cn2t')).Converter : (await import('opencc-js/t2cn')).Converter;
