import { storage } from 'wxt/utils/storage';
import { checkPhraseTable } from '../lib/convert/phrase-table';
import type { UserPhrase } from '../lib/convert/user-phrases';
import { type ScriptVariant, type TargetVariant, traditionalFor } from '../lib/convert/variants';
import type { ReadingPositions } from '../lib/reader/positions';
import { READER_DEFAULTS, type ReaderPrefs } from '../lib/reader/typography';
import type { CleanArticle, CleanOptions } from '../lib/types';
import type { MENU_FORMATS } from './format-label';

/** Sites the user asked to always show in one script: hostname → variant ('original': never converted, when every page is). */
export const siteScripts = storage.defineItem<Record<string, ScriptVariant>>('local:siteScripts', {
  fallback: {},
  version: 1,
});

/**
 * Every page shown in one script as it loads (新同文堂's way), or null: off. Needs access to
 * every site, asked when it is turned on; a site remembered on its own keeps its own choice.
 */
export const everyPageScript = storage.defineItem<TargetVariant | null>('local:everyPageScript', {
  fallback: null,
  version: 1,
});

/** Which Traditional form the toggle and shortcut use: until chosen, the one of the browser's language. */
export const preferredTraditional = storage.defineItem<TargetVariant>('local:preferredTraditional', {
  fallback: traditionalFor(typeof navigator === 'undefined' ? '' : navigator.language),
  version: 1,
});

/** The format the popup's copy and download start on. */
export const defaultFormat = storage.defineItem<(typeof MENU_FORMATS)[number]>('local:defaultFormat', {
  fallback: 'md',
  version: 1,
});

/** The article script last chosen in the popup. */
export const articleScript = storage.defineItem<ScriptVariant>('local:articleScript', {
  fallback: 'original',
  version: 1,
});

/** Reader view preferences (lib/reader/typography.ts: read back through readerPrefsFrom, which fills what an older build did not store). */
export const readerPrefs = storage.defineItem<Partial<ReaderPrefs>>('local:readerPrefs', {
  fallback: READER_DEFAULTS,
  version: 1,
});

/** Where the reader stopped in each saved article, to continue there. */
export const readingPositions = storage.defineItem<ReadingPositions>('local:readingPositions', {
  fallback: {},
  version: 1,
});

/**
 * The article the popup hands to the reader view without saving it. Session storage:
 * in memory only, gone when the browser closes, like the page it came from.
 */
export const readerDraft = storage.defineItem<{ article: CleanArticle; variant: ScriptVariant } | null>('session:readerDraft', {
  fallback: null,
});

/** Cleaning choices a reader made on a site (只看楼主, merge later pages): hostname → options, applied on the next click there. */
export type SiteCleanOptions = Pick<CleanOptions, 'allPostsByStarter' | 'mergePages'>;
export const siteCleanOptions = storage.defineItem<Record<string, SiteCleanOptions>>('local:siteCleanOptions', {
  fallback: {},
  version: 1,
});

/** Keep an article's pictures in the library when saving it (asks for the picture sites' access the first time). */
export const keepPictures = storage.defineItem<boolean>('local:keepPictures', {
  fallback: true,
  version: 1,
});

/** The reader's own 简/繁 phrases (lib/convert/user-phrases.ts), applied to articles, exports and pages. */
export const userPhrases = storage.defineItem<UserPhrase[]>('local:userPhrases', {
  fallback: [],
  version: 1,
});

/** The stored table, checked again as it is read: a row written by an older build or by hand never reaches a converter unchecked. */
export async function readUserPhrases(): Promise<UserPhrase[]> {
  return checkPhraseTable(await userPhrases.getValue()).phrases;
}
