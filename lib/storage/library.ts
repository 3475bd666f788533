import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { ScriptVariant } from '../convert/variants';
import { base64ToBytes, bytesToBase64 } from '../pictures/base64';
import { type KeepResult, sha256Hex } from '../pictures/keep-pictures';
import { sniffPictureType } from '../pictures/sniff';
import type { CleanArticle } from '../types';
import { makeRecord, mergeRecords, migrateV1, migrateV2, pictureHashes, pictureSources, updateRecord, withNotes, withPictures, withReadMark } from './records';
import { fitRecord } from './fit-record';
import { checkBackupPicture, checkRecord, checkRecordV1, salvageRecord } from './validate';
import { DB_NAME, DB_VERSION, type LibrarySchema, type SavedArticle, type SavedArticleV1, type SavedArticleV2, type StoredPictureRow } from './schema';

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
  /** Only articles not yet opened in the reader, or only those read. */
  reading?: 'unread' | 'read';
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
  /** The backup's site rules as found (unchecked): they are kept in extension storage, so the caller imports them there. */
  siteRules?: unknown;
  /** The backup's phrase table as found (unchecked), for the caller to check and merge likewise. */
  userPhrases?: unknown;
}

/** A backup file's content, untrusted: every part is checked on import. */
export interface BackupData {
  format?: unknown;
  version?: unknown;
  articles?: unknown;
  pictures?: unknown;
  siteRules?: unknown;
  userPhrases?: unknown;
}

/** A stored record that is not a valid article (written by a bug or an old import): listed apart, deletable. */
export interface DamagedRecord {
  key: string;
  reason: string;
}

/** A picture in a backup file. */
export interface BackupPicture {
  hash: string;
  type: string;
  /** The bytes, base64. */
  data: string;
}

export interface BackupFile {
  format: 'jingdu-backup';
  version: number;
  exported: string;
  articles: SavedArticle[];
  /** Since version 4: the pictures the articles show. */
  pictures?: BackupPicture[];
  /** The user's site rules (added by the library page, which reads them from extension storage). */
  siteRules?: unknown[];
  /** The user's 简/繁 phrase table, likewise. */
  userPhrases?: unknown[];
}

/** A deleted article with the pictures only it showed, so undo can put both back. */
export interface RemovedArticle {
  record: SavedArticle;
  pictures: StoredPictureRow[];
}

/** A picture's bytes for the reader and exports, by the address the article gives it. */
export type PictureFiles = Map<string, { type: string; bytes: Uint8Array }>;

type WriteTx = IDBPTransaction<LibrarySchema, ('articles' | 'pictures')[], 'readwrite'>;

/**
 * Points a picture row at an article (or away from it). A row no article shows any more is
 * deleted and returned; `incoming` holds the bytes of pictures not stored yet.
 */
async function relinkPictures(tx: WriteTx, key: string, before: Set<string>, after: Set<string>, incoming: Map<string, Omit<StoredPictureRow, 'articles'>> = new Map()): Promise<StoredPictureRow[]> {
  const store = tx.objectStore('pictures');
  const dropped: StoredPictureRow[] = [];
  for (const hash of after) {
    if (before.has(hash)) continue;
    const row = (await store.get(hash)) ?? (incoming.has(hash) ? { ...incoming.get(hash)!, articles: [] } : undefined);
    if (row && !row.articles.includes(key)) await store.put({ ...row, articles: [...row.articles, key] });
  }
  for (const hash of before) {
    if (after.has(hash)) continue;
    const row = await store.get(hash);
    if (!row) continue;
    const articles = row.articles.filter((a) => a !== key);
    if (articles.length) await store.put({ ...row, articles });
    else {
      await store.delete(hash);
      dropped.push(row);
    }
  }
  return dropped;
}

/** The valid record stored under `key`, if any: a damaged one reads as none (it is replaced, never merged). */
async function validRecord(store: { get(key: string): Promise<unknown> }, key: string): Promise<SavedArticle | undefined> {
  const stored: unknown = await store.get(key);
  const checked = stored === undefined ? undefined : checkRecord(stored);
  return checked?.ok ? checked.value : undefined;
}

/**
 * The record a save builds on: the stored one, or, when it is damaged, the stored one
 * repaired (over-long decoration cut) or else what can be salvaged of it — the reader's note,
 * tags, versions and pictures are never lost to one broken field.
 */
async function recordToUpdate(store: { get(key: string): Promise<unknown> }, fresh: SavedArticle): Promise<SavedArticle | undefined> {
  const stored: unknown = await store.get(fresh.url);
  if (stored === undefined) return undefined;
  const checked = checkRecord(stored);
  if (checked.ok) return checked.value;
  const repaired = (() => {
    try {
      return fitRecord(stored as SavedArticle);
    } catch {
      return undefined;
    }
  })();
  return repaired?.ok ? repaired.record : salvageRecord(stored, fresh);
}

/** A save the library refuses before writing anything: the reason says what does not fit. */
export class RecordTooLargeError extends Error {
  constructor(readonly reason: string) {
    super(`This article cannot be saved: ${reason}. Nothing was written.`);
    this.name = 'RecordTooLargeError';
  }
}

/** The hashes of every picture row an article key is linked from (also for a damaged record). */
async function linkedHashes(tx: WriteTx, key: string): Promise<Set<string>> {
  return new Set(await tx.objectStore('pictures').index('articles').getAllKeys(key));
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
      // v4: picture bytes, one row per content hash, indexed by the articles that show it.
      if (oldVersion < 4) db.createObjectStore('pictures', { keyPath: 'hash' }).createIndex('articles', 'articles', { multiEntry: true });
      // v5: the newest saves first, without reading the whole library.
      if (oldVersion < 5) tx.objectStore('articles').createIndex('updatedAt', 'updatedAt');
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

type PictureBytes = Omit<StoredPictureRow, 'articles'>;

/**
 * A backup's pictures, each checked like an article: the schema, then its bytes must be a
 * picture (sniffed, whatever type the file claims) whose SHA-256 is the hash it is filed under.
 * Bad ones are listed as rejected; an article that showed one keeps its link instead.
 */
async function checkBackupPictures(raw: unknown, rejected: RejectedEntry[]): Promise<Map<string, PictureBytes>> {
  const decoded = new Map<string, { bytes: Uint8Array; entry: number; label: string }>();
  if (!Array.isArray(raw)) return new Map();
  for (const [i, entry] of raw.entries()) {
    const checked = checkBackupPicture(entry);
    if (!checked.ok) rejected.push({ entry: i + 1, url: null, reason: `picture ${i + 1}: ${checked.reason}` });
    else decoded.set(checked.value.hash, { bytes: base64ToBytes(checked.value.data), entry: i + 1, label: `picture ${i + 1}` });
  }
  return checkPictureBytes(decoded, rejected);
}

/** Pictures by the hash they are filed under, kept only when they are pictures and their SHA-256 is that hash. */
async function checkPictureBytes(files: Map<string, { bytes: Uint8Array; entry: number; label: string }>, rejected: RejectedEntry[]): Promise<Map<string, PictureBytes>> {
  const rows = new Map<string, PictureBytes>();
  for (const [hash, { bytes, entry, label }] of files) {
    const reject = (reason: string) => rejected.push({ entry, url: null, reason: `${label}: ${reason}` });
    const type = sniffPictureType(bytes);
    if (!type) reject('not a picture');
    else if ((await sha256Hex(bytes)) !== hash) reject('its bytes do not match its hash');
    else rows.set(hash, { hash, type, size: bytes.length, bytes: bytes.slice().buffer as ArrayBuffer });
  }
  return rows;
}

/** An imported record's picture references, only to pictures that exist (in the backup or the library), with their real type and size. */
async function withKnownPictures(record: SavedArticle, incoming: Map<string, PictureBytes>, stored: (hash: string) => Promise<PictureBytes | undefined>): Promise<SavedArticle> {
  const pictures = [];
  for (const ref of record.pictures ?? []) {
    const row = incoming.get(ref.hash) ?? (await stored(ref.hash));
    if (row) pictures.push({ ...ref, type: row.type, size: row.size });
  }
  return { ...record, pictures, picturesMissed: pictureSources(record.article).length - pictures.length };
}

/**
 * The records a filter lets through (site, template, tag, read mark, search text), in the order
 * given: the library page sorts once per read and runs this on every keystroke of its search.
 */
export function matching(records: SavedArticle[], filter: ListFilter): SavedArticle[] {
  const needles = (filter.needles ?? []).map((n) => n.normalize('NFKC').trim()).filter(Boolean);
  return records.filter(
    (r) =>
      (!filter.tag || r.tags.includes(filter.tag)) &&
      (!filter.site || r.site === filter.site) &&
      (!filter.template || r.template === filter.template) &&
      (!filter.reading || (filter.reading === 'read') === !!r.readAt) &&
      (!needles.length || needles.some((n) => r.searchText.includes(n))),
  );
}

/** Newest first, filtered as `matching` does. */
export function applyFilter(records: SavedArticle[], filter: ListFilter): SavedArticle[] {
  return matching(records, filter).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
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
      const old = await validRecord(tx.store, url);
      const record = next(old);
      if (record) await tx.store.put(record);
      await tx.done;
      return { old, record };
    } catch (err) {
      if (isQuotaError(err)) throw new LibraryFullError();
      throw err;
    }
  }

  /**
   * Saves an article; the same URL again updates it (earlier text kept as a version). `kept`
   * holds the pictures fetched for it: they are written in the same transaction as the
   * record, so a full disk leaves neither.
   */
  async save(article: CleanArticle, variant: ScriptVariant = 'original', converted: CleanArticle | null = null, now = new Date().toISOString(), kept?: KeepResult) {
    const fresh = makeRecord(article, variant, converted, now);
    try {
      const tx = this.db.transaction(['articles', 'pictures'], 'readwrite');
      const old = await recordToUpdate(tx.objectStore('articles'), fresh);
      const fitted = fitRecord(withPictures(old ? updateRecord(old, fresh) : fresh, old, kept));
      if (!fitted.ok) {
        tx.done.catch(() => undefined); // aborted on purpose: the refusal below is the error
        tx.abort();
        throw new RecordTooLargeError(fitted.reason);
      }
      const record = fitted.record;
      const incoming = new Map(kept?.pictures.map((p) => [p.hash, p]));
      await relinkPictures(tx, record.url, await linkedHashes(tx, record.url), pictureHashes(record), incoming);
      await tx.objectStore('articles').put(record);
      await tx.done;
      return { status: old ? ('updated' as const) : ('created' as const), record, trimmed: fitted.trimmed };
    } catch (err) {
      if (isQuotaError(err)) throw new LibraryFullError();
      throw err;
    }
  }

  /**
   * Adds pictures fetched after the save to the record as it is now (the reader may have
   * written a note meanwhile); nothing when the article was deleted. One transaction: a full
   * disk leaves the record as it was.
   */
  async attachPictures(url: string, kept: KeepResult): Promise<SavedArticle | undefined> {
    try {
      const tx = this.db.transaction(['articles', 'pictures'], 'readwrite');
      const old = await validRecord(tx.objectStore('articles'), url);
      if (!old) {
        await tx.done;
        return undefined;
      }
      const record = withPictures(old, old, kept);
      const incoming = new Map(kept.pictures.map((p) => [p.hash, p]));
      await relinkPictures(tx, url, await linkedHashes(tx, url), pictureHashes(record), incoming);
      await tx.objectStore('articles').put(record);
      await tx.done;
      return record;
    } catch (err) {
      if (isQuotaError(err)) throw new LibraryFullError();
      throw err;
    }
  }

  /** The bytes of the pictures a record shows, by their address in the article. */
  async pictureFiles(record: Pick<SavedArticle, 'pictures'>): Promise<PictureFiles> {
    const tx = this.db.transaction('pictures');
    const files: PictureFiles = new Map();
    for (const ref of record.pictures ?? []) {
      const row = await tx.store.get(ref.hash);
      if (row) files.set(ref.src, { type: row.type, bytes: new Uint8Array(row.bytes) });
    }
    return files;
  }

  /** Drops an article's stored pictures (they become links again); returns the record as it now is. */
  async dropPictures(url: string): Promise<SavedArticle | undefined> {
    const tx = this.db.transaction(['articles', 'pictures'], 'readwrite');
    const old = await validRecord(tx.objectStore('articles'), url);
    if (!old) return undefined;
    const record = { ...old, pictures: [], picturesMissed: pictureSources(old.article).length };
    await relinkPictures(tx, url, await linkedHashes(tx, url), new Set());
    await tx.objectStore('articles').put(record);
    await tx.done;
    return record;
  }

  get(url: string): Promise<SavedArticle | undefined> {
    return this.db.get('articles', url);
  }

  /** The reader's note and tags for a saved article; they are searched from then on. */
  async setNotes(url: string, note: string, tags: string[]): Promise<SavedArticle | undefined> {
    return (await this.update(url, (old) => old && withNotes(old, note, tags))).record;
  }

  /** Marks a saved article read (the reader view does it when it opens one) or unread again. */
  async setRead(url: string, read: boolean, now = new Date().toISOString()): Promise<SavedArticle | undefined> {
    return (await this.update(url, (old) => old && withReadMark(old, read, now))).record;
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

  /**
   * The `count` most recently saved valid articles and how many records there are, read from the
   * index by last save: what the library page paints while it reads the rest.
   */
  async newest(count: number): Promise<{ rows: SavedArticle[]; total: number }> {
    const tx = this.db.transaction('articles');
    const rows: SavedArticle[] = [];
    for (let cursor = await tx.store.index('updatedAt').openCursor(null, 'prev'); cursor && rows.length < count; cursor = await cursor.continue()) {
      const checked = checkRecord(cursor.value);
      if (checked.ok) rows.push(checked.value);
    }
    const total = await tx.store.count();
    return { rows, total };
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

  /** Deletes a record by its key, whatever shape it is in, with the pictures only it showed. */
  async removeKey(key: string): Promise<void> {
    const tx = this.db.transaction(['articles', 'pictures'], 'readwrite');
    await relinkPictures(tx, key, await linkedHashes(tx, key), new Set());
    await tx.objectStore('articles').delete(key);
    await tx.done;
  }

  /** Deletes and returns the record and the pictures only it showed, so the caller can offer undo. */
  async remove(url: string): Promise<RemovedArticle | undefined> {
    const tx = this.db.transaction(['articles', 'pictures'], 'readwrite');
    const record = await tx.objectStore('articles').get(url);
    if (!record) return undefined;
    const pictures = await relinkPictures(tx, url, await linkedHashes(tx, url), new Set());
    await tx.objectStore('articles').delete(url);
    await tx.done;
    return { record, pictures };
  }

  /** Undo of a delete: puts the record and its pictures back exactly as they were. */
  async restore({ record, pictures }: RemovedArticle): Promise<void> {
    try {
      const tx = this.db.transaction(['articles', 'pictures'], 'readwrite');
      await relinkPictures(tx, record.url, new Set(), pictureHashes(record), new Map(pictures.map((p) => [p.hash, p])));
      await tx.objectStore('articles').put(record);
      await tx.done;
    } catch (err) {
      if (isQuotaError(err)) throw new LibraryFullError();
      throw err;
    }
  }

  /** Every article and every stored picture (base64), as one file that importBackup reads back. */
  /** Every record and every stored picture, as stored (for the backup zip, see backup-zip.ts). */
  async everything(): Promise<{ articles: unknown[]; pictures: StoredPictureRow[] }> {
    const tx = this.db.transaction(['articles', 'pictures']);
    const [articles, pictures] = await Promise.all([tx.objectStore('articles').getAll(), tx.objectStore('pictures').getAll()]);
    return { articles, pictures };
  }

  async backup(now = new Date().toISOString()): Promise<BackupFile> {
    const tx = this.db.transaction(['articles', 'pictures']);
    const [articles, rows] = await Promise.all([tx.objectStore('articles').getAll(), tx.objectStore('pictures').getAll()]);
    const pictures = rows.map((r) => ({ hash: r.hash, type: r.type, data: bytesToBase64(new Uint8Array(r.bytes)) }));
    return { format: 'jingdu-backup', version: DB_VERSION, exported: now, articles, pictures };
  }

  /**
   * Imports a backup file. Every entry is checked against the schema and its HTML
   * sanitized again (a backup is untrusted); bad entries are listed with the reason.
   * An article the library has is merged, never replaced. All entries are written in one
   * transaction: if the disk fills up half-way, nothing is imported, and the error says so.
   */
  async importBackup(json: string, sanitize: (html: string) => string): Promise<ImportResult> {
    let data: BackupData;
    try {
      data = JSON.parse(json);
    } catch {
      throw new Error('This file is not a Jingdu backup (it is neither a backup zip nor JSON).');
    }
    return this.importParsed(data, null, [], sanitize);
  }

  /**
   * A backup as read: its records, and its pictures either inside it (base64, the JSON form)
   * or as files by hash (the zip form), with what reading it already refused.
   */
  async importParsed(data: BackupData, pictureFiles: Map<string, Uint8Array> | null, rejected: RejectedEntry[], sanitize: (html: string) => string): Promise<ImportResult> {
    if (data?.format !== 'jingdu-backup' || !Array.isArray(data.articles)) throw new Error('This file is not a Jingdu backup.');
    const version = typeof data.version === 'number' ? data.version : 3;
    const good: SavedArticle[] = [];
    data.articles.forEach((raw: unknown, i: number) => {
      const url = typeof (raw as { url?: unknown })?.url === 'string' ? ((raw as { url: string }).url) : null;
      const checked = version < 2 ? checkRecordV1(raw) : checkRecord(raw && typeof raw === 'object' ? migrateV2(raw as SavedArticleV2) : raw);
      if (!checked.ok) return void rejected.push({ entry: i + 1, url, reason: checked.reason });
      const record = version < 2 ? migrateV1(checked.value as SavedArticleV1) : (checked.value as SavedArticle);
      good.push(sanitizeRecord(record, sanitize));
    });
    const zippedPictures = pictureFiles && new Map([...pictureFiles].map(([hash, bytes], i) => [hash, { bytes, entry: i + 1, label: `pictures/${hash}` }]));
    const pictures = zippedPictures ? await checkPictureBytes(zippedPictures, rejected) : await checkBackupPictures(data.pictures, rejected);

    const counts = { added: 0, merged: 0 };
    const tx = this.db.transaction(['articles', 'pictures'], 'readwrite');
    const articles = tx.objectStore('articles');
    try {
      for (const imported of good) {
        const record = await withKnownPictures(imported, pictures, async (hash) => (await tx.objectStore('pictures').get(hash)) ?? undefined);
        // A damaged stored record is replaced by the valid copy; a valid one is merged.
        const old = await validRecord(articles, record.url);
        const next = old ? mergeRecords(old, record) : record;
        await relinkPictures(tx, next.url, await linkedHashes(tx, next.url), pictureHashes(next), pictures);
        await articles.put(next);
        counts[old ? 'merged' : 'added']++;
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
    return { ...counts, rejected, ...(Array.isArray(data.siteRules) ? { siteRules: data.siteRules } : {}), ...(data.userPhrases !== undefined ? { userPhrases: data.userPhrases } : {}) };
  }

  close(): void {
    this.db.close();
  }
}
