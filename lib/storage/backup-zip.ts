import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8 } from 'fflate';
import { PICTURE_CAP_BYTES } from '../pictures/keep-pictures';
import { pictureExtension, type PictureType } from '../pictures/sniff';
import type { ImportResult, Library } from './library';
import { DB_VERSION } from './schema';

/**
 * The library's backup as a zip: one JSON file per article and each picture as its own file,
 * so no part of it is one string (a JSON backup of a few hundred MB of pictures passes the
 * browser's string limit). Written entry by entry, read entry by entry with each entry's size
 * bounded before and while it is inflated: a backup is untrusted, and a zip can claim one
 * size and inflate to another.
 */
export const BACKUP_MANIFEST = 'jingdu-backup.json';
const ARTICLE_ENTRY = /^articles\/\d{1,7}\.json$/;
const PICTURE_ENTRY = /^pictures\/([0-9a-f]{64})\.[a-z]{3,4}$/;
const RULES_ENTRY = 'site-rules.json';
const PHRASES_ENTRY = 'user-phrases.json';
/** No saved article's JSON comes near this (its text is at most 5 MB, in both scripts and 20 versions). */
const MOST_ARTICLE_BYTES = 256 << 20;
const MOST_ENTRIES = 2_000_000;

export interface BackupContent {
  manifest: { format: 'jingdu-backup'; version: number; exported: string };
  articles: unknown[];
  pictures: Array<{ hash: string; type: PictureType; bytes: Uint8Array }>;
  siteRules?: unknown[];
  userPhrases?: unknown[];
}

/** The zip's bytes, in the chunks the writer produced (a Blob takes them as they are). */
export function writeBackupZip(content: BackupContent): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (name: string, bytes: Uint8Array, compress: boolean) => {
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(entry);
    entry.push(bytes, true);
  };
  add(BACKUP_MANIFEST, strToU8(JSON.stringify({ ...content.manifest, articles: content.articles.length, pictures: content.pictures.length })), true);
  content.articles.forEach((a, i) => add(`articles/${String(i + 1).padStart(6, '0')}.json`, strToU8(JSON.stringify(a)), true));
  // Pictures are compressed already.
  for (const p of content.pictures) add(`pictures/${p.hash}.${pictureExtension(p.type)}`, p.bytes, false);
  if (content.siteRules) add(RULES_ENTRY, strToU8(JSON.stringify(content.siteRules)), true);
  if (content.userPhrases) add(PHRASES_ENTRY, strToU8(JSON.stringify(content.userPhrases)), true);
  zip.end();
  return chunks;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface ReadBackup {
  /** As a JSON backup parses: format, version, articles, site rules and phrases. */
  data: { format?: unknown; version?: unknown; articles: unknown[]; siteRules?: unknown; userPhrases?: unknown };
  /** Picture files by the hash they are filed under (checked by the importer). */
  pictures: Map<string, Uint8Array>;
  /** Entries not read, and why. */
  problems: string[];
}

/** What a limit allows for an entry by its name; undefined for a name no backup writes. */
function limitFor(name: string): number | undefined {
  if (name === BACKUP_MANIFEST || name === RULES_ENTRY || name === PHRASES_ENTRY) return 16 << 20;
  if (ARTICLE_ENTRY.test(name)) return MOST_ARTICLE_BYTES;
  if (PICTURE_ENTRY.test(name)) return PICTURE_CAP_BYTES;
  return undefined;
}

/** Reads a backup zip; throws when it is not one. Each entry is inflated only up to its limit. */
export function readBackupZip(bytes: Uint8Array): ReadBackup {
  const files = new Map<string, Uint8Array>();
  const problems: string[] = [];
  let entries = 0;
  const unzip = new Unzip((file) => {
    if (++entries > MOST_ENTRIES) return void (entries === MOST_ENTRIES + 1 && problems.push(`more than ${MOST_ENTRIES} entries: the rest were not read`));
    const most = limitFor(file.name);
    if (most === undefined) return void problems.push(`${file.name.slice(0, 200)}: not part of a Jingdu backup`);
    if ((file.originalSize ?? 0) > most || (file.size ?? 0) > most) return void problems.push(`${file.name}: larger than any ${file.name.startsWith('pictures/') ? 'picture kept (50 MB)' : 'backup entry'}`);
    const parts: Uint8Array[] = [];
    let length = 0;
    file.ondata = (err, chunk, final) => {
      if (err) return void problems.push(`${file.name}: damaged (${err.message})`);
      length += chunk.length;
      // The size the zip declares may lie: the bytes themselves are counted.
      if (length > most) {
        file.terminate();
        return void problems.push(`${file.name}: inflates past ${Math.round(most / 2 ** 20)} MB`);
      }
      parts.push(chunk);
      if (final) files.set(file.name, concat(parts, length));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);

  const manifest = files.get(BACKUP_MANIFEST);
  if (!manifest) throw new Error(`This zip is not a Jingdu backup (it has no ${BACKUP_MANIFEST}).`);
  const head = parseJson(manifest) as { format?: unknown; version?: unknown } | undefined;
  const articles: unknown[] = [];
  const pictures = new Map<string, Uint8Array>();
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (ARTICLE_ENTRY.test(name)) {
      const parsed = parseJson(content);
      if (parsed === undefined) problems.push(`${name}: not JSON`);
      else articles.push(parsed);
    }
    const picture = PICTURE_ENTRY.exec(name);
    if (picture) pictures.set(picture[1]!, content);
  }
  const optional = (name: string) => {
    const bytes = files.get(name);
    return bytes ? parseJson(bytes) : undefined;
  };
  const siteRules = optional(RULES_ENTRY);
  const userPhrases = optional(PHRASES_ENTRY);
  return {
    data: { format: head?.format, version: head?.version, articles, ...(siteRules === undefined ? {} : { siteRules }), ...(userPhrases === undefined ? {} : { userPhrases }) },
    pictures,
    problems,
  };
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return undefined;
  }
}

/** The whole library, the user's site rules and phrase table as a backup zip. */
export async function backupZip(lib: Library, kept: { siteRules?: unknown[]; userPhrases?: unknown[] } = {}, now = new Date().toISOString()): Promise<Uint8Array[]> {
  const { articles, pictures } = await lib.everything();
  const files = pictures.map((r) => ({ hash: r.hash, type: r.type, bytes: new Uint8Array(r.bytes) }));
  return writeBackupZip({ manifest: { format: 'jingdu-backup', version: DB_VERSION, exported: now }, articles, pictures: files, siteRules: kept.siteRules ?? [], userPhrases: kept.userPhrases ?? [] });
}

/** Imports a backup file as chosen: a backup zip, or the JSON form older versions wrote. */
export async function importBackupFile(lib: Library, file: Uint8Array, sanitize: (html: string) => string): Promise<ImportResult> {
  if (!isZip(file)) return lib.importBackup(new TextDecoder().decode(file), sanitize);
  const read = readBackupZip(file);
  const rejected = read.problems.map((reason, i) => ({ entry: i + 1, url: null, reason }));
  return lib.importParsed(read.data, read.pictures, rejected, sanitize);
}
