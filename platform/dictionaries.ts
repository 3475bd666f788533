import type { DictionaryLoader } from '../lib/convert/load';
import { dictionaryFile, publishedDictionary } from './dictionary-global';

/**
 * Extension pages and the conversion worker run the same dictionary file that is injected
 * into tabs (an import of the extension's own file: same origin, nothing exposed to sites).
 */
export const extensionDictionaries: DictionaryLoader = async (name) => {
  if (!publishedDictionary(name)) await import(/* @vite-ignore */ dictionaryFile(name));
  const factory = publishedDictionary(name);
  if (!factory) throw new Error(`the Chinese script dictionary ${name} did not load`);
  return factory;
};
