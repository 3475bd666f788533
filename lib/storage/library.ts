import { type IDBPDatabase, openDB } from 'idb';
import type { ScriptVariant } from '../convert/variants';
import type { CleanArticle } from '../types';
import { makeRecord, mergeRecords, migrateV1, migrateV2, updateRecord, withNotes } from './records';
import { checkRecord, checkRecordV1 } from './validate';
import { DB_NAME, DB_VERSION, type LibrarySchema, type SavedArticle, type SavedArticleV1, type SavedArticleV2 } from './schema';

export class LibraryFullError extends Error {
  constructor(message = 'The library is full: the browser has no more storage for this extension. Nothing already saved was lost; export and delete some articles, then save again.') {
    super(message);
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

/** A backup entry that was not imported, and why. */
export interface RejectedEntry {
  /** Position in the file's list, from 1. */
  entry: number;
  url: string | null;
  reason: string;
}

export interface ImportResult {
  added: number;
  /** Articles the library had: merged with the imported copy (notes, tags and versions of both kept). */
  merged: number;
  rejected: RejectedEntry[];
}

/** A stored record that is not a valid article (written by a bug or an old import): listed apart, deletable. */
export interface DamagedRecord {
  key: string;
  reason: string;
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
 * One record through a migration. A malformed record stays as it was (the library lists
 * it as damaged, with delete) instead of aborting the upgrade half-way.
 */
async function migrateInPlace(cursor: { update(value: SavedArticle): Promise<unknown> }, migrate: () => SavedArticle): Promise<void> {
  let next: SavedArticle;
  try {
    next = migrate();
  } catch {
    return;
  }
  await cursor.update(next);
}

/** How long opening waits for an older tab that holds the library open before saying so. */
const BLOCKED_WAIT_MS = 5_000;

/**
 * The local library in IndexedDB. Versioned: opening an older database runs the
 * migrations in order inside the upgrade transaction, so nothing saved is lost.
 */
export async function openLibrary(): Promise<Library> {
  let onBlocked: () => void = () => {};
  const blocked = new Promise<never>((_, reject) => {
    onBlocked = () =>
      setTimeout(() => reject(new Error('Another Jingdu tab holds the library open with an older version. Close or reload the other Jingdu tabs, then try again.')), BLOCKED_WAIT_MS);
  });
  blocked.catch(() => {}); // only raced below; never an unhandled rejection
  const opening = openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    blocked: () => onBlocked(),
    // A newer version opening elsewhere: step aside so its upgrade can run.
    blocking: () => opening.then((db) => db.close()),
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) db.createObjectStore('articles', { keyPath: 'url' });
      if (oldVersion < 2) {
        const store = tx.objectStore('articles');
        store.createIndex('site', 'site');
        store.createIndex('template', 'template');
        store.createIndex('savedAt', 'savedAt');
        for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
          await migrateInPlace(cursor, () => migrateV1(cursor.value as unknown as SavedArticleV1));
        }
      }
      if (oldVersion < 3) {
        const store = tx.objectStore('articles');
        store.createIndex('tags', 'tags', { multiEntry: true });
        for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
          await migrateInPlace(cursor, () => migrateV2(cursor.value as SavedArticleV2));
        }
      }
    },
  });
  const db = await Promise.race([opening, blocked]);
  return new Library(db);
}

/** Stored HTML is re-sanitized on import: a backup file may have been written by anyone. */
function sanitizeRecord(record: SavedArticle, sanitize: (html: string) => string): SavedArticle {
  const clean = (a: CleanArticle): CleanArticle => ({ ...a, contentHtml: sanitize(a.contentHtml) });
  return {
    ...record,
    article: clean(record.article),
    converted: record.converted ? clean(record.converted) : null,
    versions: record.versions.map((v) => ({ ...v, article: clean(v.article) })),
  };
}

/** Newest first, filtered by site, template, tag and search text (any of the needles). */
function applyFilter(records: SavedArticle[], filter: ListFilter): SavedArticle[] {
  const needles = (filter.needles ?? []).map((n) => n.normalize('NFKC').trim()).filter(Boolean);
  return records
    .filter((r) => !filter.tag || r.tags.includes(filter.tag))
    .filter((r) => !filter.site || r.site === filter.site)
    .filter((r) => !filter.template || r.template === filter.template)
    .filter((r) => !needles.length || needles.some((n) => r.searchText.includes(n)))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
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

  /**
   * Reads a record and writes its next state in one readwrite transaction, so two saves of
   * one URL, or a note saved while the article is re-saved, run one after the other and
   * neither overwrites what the other wrote.
   */
  private async update(url: string, next: (old: SavedArticle | undefined) => SavedArticle | undefined): Promise<{ old: SavedArticle | undefined; record: SavedArticle | undefined }> {
    try {
      const tx = this.db.transaction('articles', 'readwrite');
      const stored: unknown = await tx.store.get(url);
      const checked = stored === undefined ? undefined : checkRecord(stored);
      const old = checked?.ok ? checked.value : undefined;
      const record = next(old);
      if (record) await tx.store.put(record);
      await tx.done;
      return { old, record };
    } catch (err) {
      if (isQuotaError(err)) throw new LibraryFullError();
      throw err;
    }
  }

  /** Saves an article; the same URL again updates it (earlier text kept as a version). */
  async save(article: CleanArticle, variant: ScriptVariant = 'original', converted: CleanArticle | null = null, now = new Date().toISOString()) {
    const fresh = makeRecord(article, variant, converted, now);
    const { old, record } = await this.update(fresh.url, (old) => (old ? updateRecord(old, fresh) : fresh));
    return { status: old ? ('updated' as const) : ('created' as const), record: record! };
  }

  get(url: string): Promise<SavedArticle | undefined> {
    return this.db.get('articles', url);
  }

  /** The reader's note and tags for a saved article; they are searched from then on. */
  async setNotes(url: string, note: string, tags: string[]): Promise<SavedArticle | undefined> {
    return (await this.update(url, (old) => old && withNotes(old, note, tags))).record;
  }

  /**
   * Every stored record, split into valid articles and damaged ones (never throws on bad
   * data). Keys and values are read in one transaction, so they line up.
   */
  private async checkedAll(): Promise<{ valid: SavedArticle[]; damaged: DamagedRecord[] }> {
    const tx = this.db.transaction('articles');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll() as Promise<unknown[]>]);
    const valid: SavedArticle[] = [];
    const damaged: DamagedRecord[] = [];
    values.forEach((raw, i) => {
      const checked = checkRecord(raw);
      if (checked.ok) valid.push(checked.value);
      else damaged.push({ key: String(keys[i]), reason: checked.reason });
    });
    return { valid, damaged };
  }

  /** Newest first, filtered by site, template, tag and search text. Damaged records are left out (see damaged()). */
  async list(filter: ListFilter = {}): Promise<SavedArticle[]> {
    return applyFilter((await this.checkedAll()).valid, filter);
  }

  /** Records the library cannot show, with the reason, so the reader can delete them. */
  async damaged(): Promise<DamagedRecord[]> {
    return (await this.checkedAll()).damaged;
  }

  /** What the library page shows, from one read: every article, the filtered ones, the damaged records. */
  async view(filter: ListFilter = {}): Promise<{ all: SavedArticle[]; shown: SavedArticle[]; damaged: DamagedRecord[] }> {
    const { valid, damaged } = await this.checkedAll();
    return { all: applyFilter(valid, {}), shown: applyFilter(valid, filter), damaged };
  }

  /** Deletes a record by its key, whatever shape it is in. */
  async removeKey(key: string): Promise<void> {
    await this.db.delete('articles', key);
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

  /**
   * Imports a backup file. Every entry is checked against the schema and its HTML
   * sanitized again (a backup is untrusted); bad entries are listed with the reason.
   * An article the library has is merged, never replaced. All entries are written in one
   * transaction: if the disk fills up half-way, nothing is imported, and the error says so.
   */
  async importBackup(json: string, sanitize: (html: string) => string): Promise<ImportResult> {
    let data: { format?: unknown; version?: unknown; articles?: unknown };
    try {
      data = JSON.parse(json);
    } catch {
      throw new Error('This file is not a Jingdu backup (it is not JSON).');
    }
    if (data?.format !== 'jingdu-backup' || !Array.isArray(data.articles)) throw new Error('This file is not a Jingdu backup.');
    const version = typeof data.version === 'number' ? data.version : 3;
    const rejected: RejectedEntry[] = [];
    const good: SavedArticle[] = [];
    data.articles.forEach((raw: unknown, i: number) => {
      const url = typeof (raw as { url?: unknown })?.url === 'string' ? ((raw as { url: string }).url) : null;
      const checked = version < 2 ? checkRecordV1(raw) : checkRecord(raw && typeof raw === 'object' ? migrateV2(raw as SavedArticleV2) : raw);
      if (!checked.ok) return void rejected.push({ entry: i + 1, url, reason: checked.reason });
      const record = version < 2 ? migrateV1(checked.value as SavedArticleV1) : (checked.value as SavedArticle);
      good.push(sanitizeRecord(record, sanitize));
    });

    const counts = { added: 0, merged: 0 };
    const tx = this.db.transaction('articles', 'readwrite');
    try {
      for (const record of good) {
        const stored: unknown = await tx.store.get(record.url);
        const old = stored === undefined ? null : checkRecord(stored);
        // A damaged stored record is replaced by the valid copy; a valid one is merged.
        await tx.store.put(old?.ok ? mergeRecords(old.value, record) : record);
        counts[old?.ok ? 'merged' : 'added']++;
      }
      await tx.done;
    } catch (err) {
      try {
        tx.abort(); // all or nothing: what this import wrote so far is undone
      } catch {
        // already aborted by the browser
      }
      tx.done.catch(() => {});
      if (isQuotaError(err)) throw new LibraryFullError(`The library is full: nothing from this backup was imported (${good.length} articles). Free some space (export and delete articles), then import again.`);
      throw new Error(`Nothing from this backup was imported: the library could not write it (${(err as Error).name || 'error'}).`);
    }
    return { ...counts, rejected };
  }

  close(): void {
    this.db.close();
  }
}
