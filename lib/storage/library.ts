import { type IDBPDatabase, openDB } from 'idb';
import type { ScriptVariant } from '../convert/variants';
import type { CleanArticle } from '../types';
import { makeRecord, migrateV1, migrateV2, updateRecord, withNotes } from './records';
import { DB_NAME, DB_VERSION, type LibrarySchema, type SavedArticle, type SavedArticleV1, type SavedArticleV2 } from './schema';

export class LibraryFullError extends Error {
  constructor() {
    super('The library is full: the browser has no more storage for this extension. Nothing already saved was lost; export and delete some articles, then save again.');
    this.name = 'LibraryFullError';
  }
}

export interface ListFilter {
  site?: string;
  template?: string;
  tag?: string;
  /** Any of these (the query in each script) must occur in title or body. */
  needles?: string[];
}

export interface BackupFile {
  format: 'jingdu-backup';
  version: number;
  exported: string;
  articles: SavedArticle[];
}

function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; inner?: { name?: string } };
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/**
 * The local library in IndexedDB. Versioned: opening an older database runs the
 * migrations in order inside the upgrade transaction, so nothing saved is lost.
 */
export async function openLibrary(): Promise<Library> {
  const db = await openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) db.createObjectStore('articles', { keyPath: 'url' });
      if (oldVersion < 2) {
        const store = tx.objectStore('articles');
        store.createIndex('site', 'site');
        store.createIndex('template', 'template');
        store.createIndex('savedAt', 'savedAt');
        for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
          await cursor.update(migrateV1(cursor.value as unknown as SavedArticleV1));
        }
      }
      if (oldVersion < 3) {
        const store = tx.objectStore('articles');
        store.createIndex('tags', 'tags', { multiEntry: true });
        for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
          await cursor.update(migrateV2(cursor.value as SavedArticleV2));
        }
      }
    },
  });
  return new Library(db);
}

export class Library {
  constructor(private db: IDBPDatabase<LibrarySchema>) {}

  private async put(record: SavedArticle): Promise<void> {
    try {
      await this.db.put('articles', record);
    } catch (err) {
      if (isQuotaError(err)) throw new LibraryFullError();
      throw err;
    }
  }

  /** Saves an article; the same URL again updates it (earlier text kept as a version). */
  async save(article: CleanArticle, variant: ScriptVariant = 'original', converted: CleanArticle | null = null, now = new Date().toISOString()) {
    const next = makeRecord(article, variant, converted, now);
    const old = await this.db.get('articles', next.url);
    const record = old ? updateRecord(old, next) : next;
    await this.put(record);
    return { status: old ? ('updated' as const) : ('created' as const), record };
  }

  get(url: string): Promise<SavedArticle | undefined> {
    return this.db.get('articles', url);
  }

  /** The reader's note and tags for a saved article; they are searched from then on. */
  async setNotes(url: string, note: string, tags: string[]): Promise<SavedArticle | undefined> {
    const old = await this.db.get('articles', url);
    if (!old) return undefined;
    const record = withNotes(old, note, tags);
    await this.put(record);
    return record;
  }

  /** Newest first, filtered by site, template, tag and search text. */
  async list(filter: ListFilter = {}): Promise<SavedArticle[]> {
    const all = filter.tag
      ? await this.db.getAllFromIndex('articles', 'tags', filter.tag)
      : filter.site
        ? await this.db.getAllFromIndex('articles', 'site', filter.site)
        : filter.template
          ? await this.db.getAllFromIndex('articles', 'template', filter.template)
          : await this.db.getAll('articles');
    const needles = (filter.needles ?? []).map((n) => n.normalize('NFKC').trim()).filter(Boolean);
    return all
      .filter((r) => !filter.site || r.site === filter.site)
      .filter((r) => !filter.template || r.template === filter.template)
      .filter((r) => !needles.length || needles.some((n) => r.searchText.includes(n)))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Deletes and returns the record, so the caller can offer undo. */
  async remove(url: string): Promise<SavedArticle | undefined> {
    const old = await this.db.get('articles', url);
    if (old) await this.db.delete('articles', url);
    return old;
  }

  /** Undo of a delete: puts the record back exactly as it was. */
  restore(record: SavedArticle): Promise<void> {
    return this.put(record);
  }

  async backup(now = new Date().toISOString()): Promise<BackupFile> {
    return { format: 'jingdu-backup', version: DB_VERSION, exported: now, articles: await this.db.getAll('articles') };
  }

  /** Imports a backup: new URLs are added, newer copies replace older ones, the rest are skipped. */
  async importBackup(json: string): Promise<{ added: number; updated: number; skipped: number }> {
    let data: BackupFile;
    try {
      data = JSON.parse(json);
    } catch {
      throw new Error('This file is not a Jingdu backup (it is not JSON).');
    }
    if (data?.format !== 'jingdu-backup' || !Array.isArray(data.articles)) throw new Error('This file is not a Jingdu backup.');
    const counts = { added: 0, updated: 0, skipped: 0 };
    for (const raw of data.articles) {
      const record = typeof raw !== 'object' || !raw ? null : data.version < 2 ? migrateV1(raw as unknown as SavedArticleV1) : migrateV2(raw);
      if (!record?.url || !record.article?.paragraphs) {
        counts.skipped++;
        continue;
      }
      const old = await this.db.get('articles', record.url);
      if (old && old.updatedAt >= record.updatedAt) counts.skipped++;
      else {
        await this.put(record);
        counts[old ? 'updated' : 'added']++;
      }
    }
    return counts;
  }

  close(): void {
    this.db.close();
  }
}
