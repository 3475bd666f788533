import type { CleanArticle } from './types';

/** What the cleaner content script returns to the popup. */
export type CleanResult =
  | { ok: true; article: CleanArticle; ms: number; /** later pages of a split article, not yet merged */ laterPages: number }
  | { ok: false; reason: 'no-article' | 'too-slow' | 'error'; message: string };

/** Symbol.for() key of the cleaner's entry point in the extension's isolated world. */
export const CLEANER_KEY = 'jingdu.cleaner.run';
