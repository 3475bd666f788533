/// <reference lib="webworker" />
import { convertArticle } from '../lib/convert/article';
import { useDictionaries } from '../lib/convert/load';
import { type UserPhrase, loadConverterWith } from '../lib/convert/user-phrases';
import type { TargetVariant } from '../lib/convert/variants';
import type { CleanArticle } from '../lib/types';
import { extensionDictionaries } from './dictionaries';

useDictionaries(extensionDictionaries);

/** Converts articles off the page's thread: a long article's dictionary walk never freezes the popup or the reader. */
self.onmessage = async (event: MessageEvent<{ id: number; article: CleanArticle; variant: TargetVariant; phrases: UserPhrase[] }>) => {
  const { id, article, variant, phrases } = event.data;
  try {
    self.postMessage({ id, article: convertArticle(article, await loadConverterWith(variant, phrases)) });
  } catch (err) {
    self.postMessage({ id, error: String((err as Error).message ?? err) });
  }
};
