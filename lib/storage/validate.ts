import { z } from 'zod';
import type { CleanArticle } from '../types';
import type { SavedArticle } from './schema';

/**
 * What a stored or imported record must look like. A backup file is untrusted: every
 * record is checked against this before it reaches the database, and a record already in
 * the database is checked before the library lists it.
 */
const text = z.string().max(5_000_000);
const shortText = z.string().max(10_000);
const maybe = shortText.nullable();

const cleanArticle = z
  .object({
    title: shortText,
    subtitle: maybe,
    byline: maybe,
    author: maybe,
    source: maybe,
    editor: maybe,
    published: maybe,
    siteName: maybe,
    url: z.string().max(10_000).nullable(),
    timezoneHint: maybe.default(null),
    poster: maybe.default(null),
    category: maybe.default(null),
    edition: maybe.default(null),
    stats: z.object({ views: z.number().optional(), replies: z.number().optional() }).default({}),
    credits: z.array(shortText).optional(),
    script: z.enum(['simplified', 'traditional', 'mixed', 'unknown']).default('unknown'),
    mergedPages: z.array(shortText).optional(),
    contentHtml: text,
    paragraphs: z.array(text).max(200_000),
    headings: z.array(shortText).max(100_000).default([]),
    captions: z.array(shortText).max(100_000).default([]),
    images: z.array(z.object({ src: shortText, alt: shortText })).max(100_000).default([]),
    removed: z.array(z.object({ rule: shortText, count: z.number(), samples: z.array(shortText) })).default([]),
    template: z.object({ id: shortText, label: shortText, score: z.number(), evidence: z.array(shortText) }),
  })
  .passthrough();

const isoTime = z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const variant = z.enum(['original', 'cn', 't', 'twp', 'hk', 'tw']);

export const savedArticleSchema = z.object({
  url: z.string().min(1).max(10_000),
  site: shortText,
  template: shortText,
  title: shortText,
  published: maybe,
  savedAt: isoTime,
  updatedAt: isoTime,
  variant,
  article: cleanArticle,
  converted: cleanArticle.nullable(),
  searchText: text,
  versions: z.array(z.object({ savedAt: isoTime, article: cleanArticle })).max(50),
  note: z.string().max(1_000_000),
  tags: z.array(z.string().min(1).max(200)).max(500),
});

/** A v1 backup entry: only the URL, when it was saved, and the article. */
export const savedArticleV1Schema = z.object({ url: z.string().min(1).max(10_000), savedAt: isoTime, article: cleanArticle });

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The first problem in words a reader can act on: "tags: expected array, received string". */
function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid record';
  const path = issue.path.join('.') || 'record';
  return `${path}: ${issue.message}`;
}

export function checkRecord(raw: unknown): Checked<SavedArticle> {
  const parsed = savedArticleSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data as unknown as SavedArticle } : { ok: false, reason: reasonOf(parsed.error) };
}

export function checkRecordV1(raw: unknown): Checked<{ url: string; savedAt: string; article: CleanArticle }> {
  const parsed = savedArticleV1Schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data as unknown as { url: string; savedAt: string; article: CleanArticle } } : { ok: false, reason: reasonOf(parsed.error) };
}
