import * as v from 'valibot';
import { PICTURE_CAP_BYTES } from '../pictures/keep-pictures';
import { PICTURE_TYPES } from '../pictures/sniff';
import type { CleanArticle } from '../types';
import type { SavedArticle } from './schema';

/**
 * What a stored or imported record must look like. A backup file is untrusted: every
 * record is checked against this before it reaches the database, and a record already in
 * the database is checked before the library lists it. Valibot, not zod: the background
 * saves too, and valibot's schemas tree-shake to a few kilobytes.
 */
const text = v.pipe(v.string(), v.maxLength(5_000_000));
const shortText = v.pipe(v.string(), v.maxLength(10_000));
const maybe = v.nullable(shortText);
/** Saved articles are web pages: any other scheme (javascript:, data:, file:) is refused. */
const url = v.pipe(v.string(), v.minLength(1), v.maxLength(10_000), v.regex(/^https?:\/\//i, 'not a web address (http or https)'));
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

const cleanArticle = v.looseObject({
  title: shortText,
  subtitle: maybe,
  byline: maybe,
  author: maybe,
  source: maybe,
  editor: maybe,
  published: maybe,
  siteName: maybe,
  url: v.nullable(v.union([v.literal(''), url])),
  timezoneHint: v.optional(maybe, null),
  poster: v.optional(maybe, null),
  category: v.optional(maybe, null),
  edition: v.optional(maybe, null),
  stats: v.optional(v.object({ views: v.optional(count(Number.MAX_SAFE_INTEGER)), replies: v.optional(count(Number.MAX_SAFE_INTEGER)) }), {}),
  credits: v.optional(list(shortText, 1000)),
  script: v.optional(v.picklist(['simplified', 'traditional', 'mixed', 'unknown']), 'unknown'),
  mergedPages: v.optional(list(shortText, 1000)),
  contentHtml: text,
  paragraphs: list(text, 200_000),
  headings: v.optional(list(shortText, 100_000), []),
  captions: v.optional(list(shortText, 100_000), []),
  images: v.optional(list(v.object({ src: shortText, alt: shortText }), 100_000), []),
  removed: v.optional(list(v.object({ rule: shortText, count: count(10_000_000), samples: list(shortText, 100) }), 1000), []),
  template: v.object({ id: shortText, label: shortText, score: v.pipe(v.number(), v.finite()), evidence: list(shortText, 100) }),
});

const isoTime = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
);
/** No picture is kept past the per-article cap (50 MB); a backup claiming more is refused before decoding. */
const PICTURE_BYTES_MOST = PICTURE_CAP_BYTES;
const hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hash'));
const pictureType = v.picklist(PICTURE_TYPES);
const pictureRef = v.object({ src: url, hash, type: pictureType, size: count(PICTURE_BYTES_MOST) });

/** A picture in a backup file: its bytes in base64, checked against its hash and sniffed again on import. */
export const backupPictureSchema = v.object({
  hash,
  type: pictureType,
  data: v.pipe(v.string(), v.maxLength(Math.ceil(PICTURE_BYTES_MOST / 3) * 4, 'larger than any picture kept (50 MB)'), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')),
});

export const savedArticleSchema = v.object({
  url,
  site: shortText,
  template: shortText,
  title: shortText,
  published: maybe,
  savedAt: isoTime,
  updatedAt: isoTime,
  variant: v.picklist(['original', 'cn', 't', 'twp', 'hk', 'tw']),
  article: cleanArticle,
  converted: v.nullable(cleanArticle),
  searchText: text,
  versions: list(v.object({ savedAt: isoTime, article: cleanArticle }), 50),
  note: v.pipe(v.string(), v.maxLength(1_000_000)),
  tags: list(v.pipe(v.string(), v.minLength(1), v.maxLength(200)), 500),
  pictures: v.optional(list(pictureRef, 10_000), []),
  picturesMissed: v.optional(count(100_000), 0),
  readAt: v.optional(isoTime),
});

/** A v1 backup entry: only the URL, when it was saved, and the article. */
export const savedArticleV1Schema = v.object({ url, savedAt: isoTime, article: cleanArticle });

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The first problem in words a reader can act on: "tags: Invalid type: Expected Array but received "x"". */
function reasonOf(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid record';
  const path = v.getDotPath(issue) ?? 'record';
  return `${path}: ${issue.message}`;
}

function check<T>(schema: v.GenericSchema, raw: unknown): Checked<T> {
  const parsed = v.safeParse(schema, raw);
  return parsed.success ? { ok: true, value: parsed.output as T } : { ok: false, reason: reasonOf(parsed.issues) };
}

export function checkRecord(raw: unknown): Checked<SavedArticle> {
  return check<SavedArticle>(savedArticleSchema, raw);
}

export function checkRecordV1(raw: unknown): Checked<{ url: string; savedAt: string; article: CleanArticle }> {
  return check(savedArticleV1Schema, raw);
}

export function checkBackupPicture(raw: unknown): Checked<v.InferOutput<typeof backupPictureSchema>> {
  return check(backupPictureSchema, raw);
}

/** Each field of `raw` that passes its own schema. */
function goodFields(raw: Record<string, unknown>, keys: Array<keyof typeof savedArticleSchema.entries>): Partial<SavedArticle> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const parsed = v.safeParse(savedArticleSchema.entries[key], raw[key]);
    if (parsed.success) out[key] = parsed.output;
  }
  return out as Partial<SavedArticle>;
}

/** The items of a list that pass the list's item schema (a damaged list keeps its good items). */
function goodItems<T>(schema: v.GenericSchema, raw: unknown, most: number): T[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, most).flatMap((item) => {
    const parsed = v.safeParse(schema, item);
    return parsed.success ? [parsed.output as T] : [];
  });
}

/**
 * What the reader's words and the earlier copies of a damaged stored record still hold, laid
 * over the record being saved in its place: a re-save never loses the note, the tags, the
 * versions or the kept pictures because one field of the old record is broken.
 */
export function salvageRecord(raw: unknown, fresh: SavedArticle): SavedArticle | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const fields = goodFields(r, ['savedAt', 'updatedAt', 'article', 'note', 'tags', 'readAt']);
  const tags = fields.tags ?? goodItems<string>(v.pipe(v.string(), v.minLength(1), v.maxLength(200)), r.tags, 500);
  return {
    ...fresh,
    ...fields,
    tags,
    note: fields.note ?? (typeof r.note === 'string' ? r.note.slice(0, 1_000_000) : ''),
    versions: goodItems(v.object({ savedAt: isoTime, article: cleanArticle }), r.versions, 50),
    pictures: goodItems(pictureRef, r.pictures, 10_000),
  };
}
