import type { DBSchema } from 'idb';
import type { ScriptVariant } from '../convert/variants';
import type { PictureType } from '../pictures/sniff';
import type { CleanArticle } from '../types';

/** Database name and the schema version this code writes. */
export const DB_NAME = 'jingdu-library';
export const DB_VERSION = 5;

/** Schema v1 (first release): the article and when it was saved, keyed by URL. */
export interface SavedArticleV1 {
  url: string;
  savedAt: string;
  article: CleanArticle;
}

/** Schema v2: adds the reader's script choice, a search text, site, and earlier versions. */
export type SavedArticleV2 = Omit<SavedArticle, 'note' | 'tags'>;

/** Which stored picture an article's <img src> shows, with its type and size (the library sums them without reading bytes). */
export interface SavedPictureRef {
  src: string;
  hash: string;
  type: PictureType;
  size: number;
}

/** A picture's bytes, stored once per content (SHA-256) and shared by the articles that show it. */
export interface StoredPictureRow {
  hash: string;
  type: PictureType;
  size: number;
  bytes: ArrayBuffer;
  /** Keys of the articles that show it: the row goes when the last of them drops it. */
  articles: string[];
}

/**
 * Schema v3: adds the reader's own note and tags (both searched).
 * Schema v4: adds the pictures store and each article's picture references (absent = none kept).
 * Schema v5: an index by last save (updatedAt), so the library shows its newest rows before reading the rest.
 */
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
  /** The article's pictures kept in the library; a picture not listed stays a link. */
  pictures?: SavedPictureRef[];
  /** How many of its pictures could not be kept when it was saved. */
  picturesMissed?: number;
  /** When the reader last opened it in the reader view (or marked it read); absent: unread. */
  readAt?: string;
}

export interface LibrarySchema extends DBSchema {
  articles: {
    key: string;
    value: SavedArticle;
    indexes: { site: string; template: string; savedAt: string; tags: string; updatedAt: string };
  };
  pictures: {
    key: string;
    value: StoredPictureRow;
    indexes: { articles: string };
  };
}
