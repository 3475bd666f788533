import type { DBSchema } from 'idb';
import type { ScriptVariant } from '../convert/variants';
import type { CleanArticle } from '../types';

/** Database name and the schema version this code writes. */
export const DB_NAME = 'jingdu-library';
export const DB_VERSION = 3;

/** Schema v1 (first release): the article and when it was saved, keyed by URL. */
export interface SavedArticleV1 {
  url: string;
  savedAt: string;
  article: CleanArticle;
}

/** Schema v2: adds the reader's script choice, a search text, site, and earlier versions. */
export type SavedArticleV2 = Omit<SavedArticle, 'note' | 'tags'>;

/** Schema v3: adds the reader's own note and tags (both searched). */
export interface SavedArticle {
  url: string;
  site: string;
  template: string;
  title: string;
  published: string | null;
  savedAt: string;
  updatedAt: string;
  /** The script the reader chose when saving; `article` itself is always the original. */
  variant: ScriptVariant;
  article: CleanArticle;
  /** The chosen script's text, so exports and the reader need no converter. */
  converted: CleanArticle | null;
  /** NFKC title + body, searched by the library. */
  searchText: string;
  /** Earlier saves of the same URL whose text differed, newest first. */
  versions: Array<{ savedAt: string; article: CleanArticle }>;
  /** The reader's own note on the article. */
  note: string;
  /** The reader's tags, to group and filter the library. */
  tags: string[];
}

export interface LibrarySchema extends DBSchema {
  articles: {
    key: string;
    value: SavedArticle;
    indexes: { site: string; template: string; savedAt: string; tags: string };
  };
}
