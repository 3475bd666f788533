import type { CleanArticle, CleanOptions } from './types';

/** What the cleaner content script returns to the popup. */
export type CleanResult =
  | {
      ok: true;
      article: CleanArticle;
      ms: number;
      /** later pages of a split article, not yet merged */
      laterPages: number;
      /** later pages asked for and not merged, with the reason */
      notMerged?: Array<{ url: string; reason: string }>;
      /** pictures the page itself has loaded: the preview shows only these without being asked */
      loadedPictures?: string[];
    }
  | { ok: false; reason: 'no-article' | 'too-slow' | 'error'; message: string }
  /** Not cleaned without the reader's say: the tab would pause for seconds (lib/pages/page-size.ts). */
  | { ok: false; reason: 'too-large'; message: string; size: PageSize };

export interface PageSize {
  elements: number;
  characters: number;
}

/** Symbol.for() key of the cleaner's entry point in the extension's isolated world. */
export const CLEANER_KEY = 'jingdu.cleaner.run';

/** The cleaner's entry point, marked with the extension version that injected it (an update injects anew). */
export type Cleaner = ((options: CleanOptions) => Promise<CleanResult>) & { version?: string };

/** Symbol.for() key of the cleaner's merge in progress: how far it has got, and its stop. */
export const MERGE_KEY = 'jingdu.cleaner.merge';

/** The reason given for pages not merged because the reader stopped (the popup words it in the reader's language). */
export const STOPPED_BY_READER = 'stopped by the reader';

/** A merge of later pages under way, as the popup reads it. */
export interface MergeProgress {
  loaded: number;
  known: number;
}

/** Symbol.for() key of the picker's entry point, beside the cleaner's. */
export const PICKER_KEY = 'jingdu.picker.start';

/** What the picker is started with: the user's other rules, so its preview shows what the next click will. */
export interface PickerStart {
  rules: import('./site-rules/schema').SiteRule[];
}

/** The picker's one message to the background: keep this rule. */
export interface SaveRuleMessage {
  jingduSaveRule: unknown;
}
