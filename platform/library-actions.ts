import type { ScriptVariant } from '../lib/convert/variants';
import { type KeepResult, keepPictures } from '../lib/pictures/keep-pictures';
import { LibraryFullError, openLibrary } from '../lib/storage/library';
import { pictureSources } from '../lib/storage/records';
import type { CleanArticle } from '../lib/types';
import { t } from './i18n';
import { askPictureAccess, hasPictureAccess } from './pictures';
import { keepPictures as keepPicturesSetting } from './settings';

/** What to do with an article's pictures on save: fetch them, or leave links (and say why). */
export type PictureChoice = 'keep' | 'denied' | 'off';

/**
 * Decides before saving, given the reader's setting (read ahead: a click may ask for access
 * only while it is handled, before other awaits): access to the picture sites, asked for here
 * when missing, or only checked when there is no click (shortcut, menu).
 */
export async function pictureChoice(article: CleanArticle, enabled: boolean, fromClick: boolean): Promise<PictureChoice> {
  const sources = pictureSources(article);
  if (!enabled || !sources.length) return 'off';
  const granted = fromClick ? await askPictureAccess(sources) : await hasPictureAccess(sources);
  return granted ? 'keep' : 'denied';
}

/** The reader's "keep pictures" setting, to read before the click that saves. */
export function keepPicturesEnabled(): Promise<boolean> {
  return keepPicturesSetting.getValue();
}

/** "已存图片 10/12 张。2 张仍为链接：已达每篇 50 MB 上限。" — what became of the pictures. */
function picturesMessage(choice: PictureChoice, total: number, kept: KeepResult | undefined): string {
  if (choice === 'denied') return t('picturesNoAccess');
  if (!kept || !total) return '';
  const missed = total - kept.refs.length;
  const capped = kept.failed.some((f) => f.reason === 'cap');
  return [t('picturesKept', kept.refs.length, total), missed ? t(capped ? 'picturesMissedCap' : 'picturesMissed', missed) : ''].filter(Boolean).join(' ');
}

export interface SaveOptions {
  pictures?: PictureChoice;
  onProgress?: (done: number, total: number) => void;
}

/** Saves from the popup, the reader or the menu; answers with a message for the reader. */
export async function saveArticle(article: CleanArticle, variant: ScriptVariant, converted: CleanArticle | null, options: SaveOptions = {}): Promise<{ ok: boolean; message: string }> {
  try {
    const sources = pictureSources(article);
    const kept = options.pictures === 'keep' ? await keepPictures(sources, { onProgress: options.onProgress, pageUrl: article.url }) : undefined;
    const lib = await openLibrary();
    try {
      const { status } = await lib.save(article, variant, converted, undefined, kept);
      return { ok: true, message: [t(status === 'created' ? 'saved' : 'updated'), picturesMessage(options.pictures ?? 'off', sources.length, kept)].filter(Boolean).join(' ') };
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
