import type { ScriptVariant } from '../convert/variants';
import type { CleanArticle } from '../types';
import { type KeepResult, pictureAddresses } from '../pictures/keep-pictures';
import type { SavedArticle, SavedArticleV1, SavedArticleV2, SavedPictureRef } from './schema';

export function siteOf(article: CleanArticle): string {
  if (article.siteName) return article.siteName;
  try {
    return article.url ? new URL(article.url).hostname : '';
  } catch {
    return '';
  }
}

/** The key a saved article lives under: its URL, or a stable name for text without one. */
export function keyOf(article: CleanArticle): string {
  return article.url || `text:${article.title}:${article.published ?? ''}`;
}

export function searchTextOf(article: CleanArticle): string {
  return [article.title, article.subtitle, article.author, article.source, ...article.paragraphs].filter(Boolean).join('\n').normalize('NFKC');
}

/** What the library searches: the article in both scripts, and the reader's note and tags. */
function recordSearchText(r: Pick<SavedArticle, 'article' | 'converted' | 'note' | 'tags'>): string {
  return [searchTextOf(r.article), r.converted && searchTextOf(r.converted), r.note.normalize('NFKC'), ...r.tags].filter(Boolean).join('\n');
}

/** Tags as typed ("疫情, 基层  党建") to a clean list: trimmed, no empties, no repeats. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[,，、;；\s]+/).map((t) => t.trim()).filter(Boolean))];
}

/** The record with the reader's note and tags, searchable at once. */
export function withNotes(record: SavedArticle, note: string, tags: string[]): SavedArticle {
  const next = { ...record, note, tags };
  return { ...next, searchText: recordSearchText(next) };
}

export function makeRecord(article: CleanArticle, variant: ScriptVariant, converted: CleanArticle | null, now: string): SavedArticle {
  const record = {
    url: keyOf(article),
    site: siteOf(article),
    template: article.template.id,
    title: article.title,
    published: article.published,
    savedAt: now,
    updatedAt: now,
    variant,
    article,
    converted: variant === 'original' ? null : converted,
    searchText: '',
    versions: [],
    note: '',
    tags: [],
  };
  return { ...record, searchText: recordSearchText(record) };
}

/** Saving the same URL again updates the record, keeps the earlier text as a version, and keeps the reader's note and tags. */
export function updateRecord(old: SavedArticle, next: SavedArticle): SavedArticle {
  const changed = JSON.stringify(old.article.paragraphs) !== JSON.stringify(next.article.paragraphs) || old.article.title !== next.article.title;
  return withNotes(
    {
      ...next,
      savedAt: old.savedAt,
      // Saving again is not reading it again: the read mark stays as it was.
      ...(old.readAt ? { readAt: old.readAt } : {}),
      versions: changed ? [{ savedAt: old.updatedAt, article: old.article }, ...old.versions].slice(0, 20) : old.versions,
    },
    old.note,
    old.tags,
  );
}

/** v1 → current: nothing the reader saved is lost; new fields are derived from the article. */
export function migrateV1(old: SavedArticleV1): SavedArticle {
  const record = makeRecord(old.article, 'original', null, old.savedAt);
  return { ...record, url: old.url };
}

/** v2 → v3: no note and no tags yet (a record that has them already is left as it is). */
export function migrateV2(old: SavedArticleV2 | SavedArticle): SavedArticle {
  return { ...old, note: 'note' in old ? old.note : '', tags: 'tags' in old ? old.tags : [] };
}

/** Notes from two copies of one article: both kept when they differ, neither lost. */
function mergeNotes(a: string, b: string): string {
  if (!a.trim() || a === b) return b;
  if (!b.trim() || a.includes(b)) return a;
  return `${a}\n\n${b}`;
}

/**
 * An imported copy of an article the library already has: the newer text is current, the
 * older one becomes a version when it differs, and the note, tags and earlier versions of
 * both are kept. Importing never loses what the reader wrote.
 */
export function mergeRecords(existing: SavedArticle, incoming: SavedArticle): SavedArticle {
  const [older, newer] = existing.updatedAt <= incoming.updatedAt ? [existing, incoming] : [incoming, existing];
  const same = (x: CleanArticle, y: CleanArticle) => x.title === y.title && JSON.stringify(x.paragraphs) === JSON.stringify(y.paragraphs);
  const versions = [...newer.versions, ...older.versions];
  if (!same(older.article, newer.article)) versions.push({ savedAt: older.updatedAt, article: older.article });
  const bySavedAt = new Map<string, { savedAt: string; article: CleanArticle }>();
  for (const v of versions) if (!bySavedAt.has(v.savedAt) && !same(v.article, newer.article)) bySavedAt.set(v.savedAt, v);
  const merged: SavedArticle = {
    ...newer,
    // Pictures follow the current text; a copy imported without them keeps the ones the library had.
    pictures: newer.pictures?.length ? newer.pictures : older.pictures,
    picturesMissed: newer.pictures?.length ? newer.picturesMissed : older.picturesMissed,
    savedAt: older.savedAt < newer.savedAt ? older.savedAt : newer.savedAt,
    // Read in either copy is read, as of the later reading.
    ...(laterReading(existing.readAt, incoming.readAt) ? { readAt: laterReading(existing.readAt, incoming.readAt) } : {}),
    versions: [...bySavedAt.values()].sort((x, y) => y.savedAt.localeCompare(x.savedAt)).slice(0, 20),
  };
  return withNotes(merged, mergeNotes(existing.note, incoming.note), [...new Set([...existing.tags, ...incoming.tags])]);
}

function laterReading(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

/** The record marked read now, or unread. */
export function withReadMark(record: SavedArticle, read: boolean, now: string): SavedArticle {
  const { readAt: _was, ...rest } = record;
  return read ? { ...rest, readAt: now } : rest;
}

/** The web addresses of an article's pictures, in order. */
export function pictureSources(article: CleanArticle): string[] {
  return pictureAddresses(article.images.map((i) => i.src));
}

/**
 * The record's picture references after a save: what was just fetched, else what an earlier
 * save of the same address kept, for each picture the article still shows. The rest are counted
 * as missed (they stay links).
 */
export function withPictures(record: SavedArticle, old: SavedArticle | undefined, kept: KeepResult | undefined): SavedArticle {
  const rows = new Map(kept?.pictures.map((p) => [p.hash, p]));
  const fresh = new Map<string, SavedPictureRef>();
  for (const r of kept?.refs ?? []) {
    const row = rows.get(r.hash);
    if (row) fresh.set(r.src, { src: r.src, hash: r.hash, type: row.type, size: row.size });
  }
  const earlier = new Map((old?.pictures ?? []).map((r) => [r.src, r]));
  const sources = pictureSources(record.article);
  const pictures = sources.flatMap((src) => fresh.get(src) ?? earlier.get(src) ?? []);
  return { ...record, pictures, picturesMissed: sources.length - pictures.length };
}

/** The distinct stored pictures a record shows. */
export function pictureHashes(record: Pick<SavedArticle, 'pictures'>): Set<string> {
  return new Set((record.pictures ?? []).map((p) => p.hash));
}

/** Bytes a record's pictures take (a picture shown twice counts once). */
export function pictureBytes(record: Pick<SavedArticle, 'pictures'>): number {
  const sizes = new Map((record.pictures ?? []).map((p) => [p.hash, p.size]));
  return [...sizes.values()].reduce((a, b) => a + b, 0);
}
