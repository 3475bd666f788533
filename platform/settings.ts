import { storage } from 'wxt/utils/storage';
import { type ScriptVariant, type TargetVariant, traditionalFor } from '../lib/convert/variants';
import type { CleanArticle, CleanOptions } from '../lib/types';
import type { MENU_FORMATS } from './format-label';

/** Sites the user asked to always show in one script: hostname → variant. */
export const siteScripts = storage.defineItem<Record<string, TargetVariant>>('local:siteScripts', {
  fallback: {},
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

/** Reader view preferences. */
export const readerPrefs = storage.defineItem<{ theme: 'auto' | 'light' | 'dark'; fontSize: number }>('local:readerPrefs', {
  fallback: { theme: 'auto', fontSize: 19 },
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
