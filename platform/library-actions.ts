import type { ScriptVariant } from '../lib/convert/variants';
import { LibraryFullError, openLibrary } from '../lib/storage/library';
import type { CleanArticle } from '../lib/types';
import { t } from './i18n';

/** Saves from the popup or the menu; answers with a message for the reader. */
export async function saveArticle(article: CleanArticle, variant: ScriptVariant, converted: CleanArticle | null): Promise<{ ok: boolean; message: string }> {
  try {
    const lib = await openLibrary();
    try {
      const { status } = await lib.save(article, variant, converted);
      return { ok: true, message: t(status === 'created' ? 'saved' : 'updated') };
    } finally {
      lib.close();
    }
  } catch (err) {
    return { ok: false, message: err instanceof LibraryFullError ? t('libraryFull') : String((err as Error).message ?? err) };
  }
}

export function openExtensionPage(path: '/library.html' | '/reader.html', query = ''): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path) + query });
}
