import { oneLine } from '../blocks';
import { parseChineseDate } from '../metadata/dates';
import type { CleanArticle } from '../types';

/** What the user typed over the fields Jingdu read, before saving or exporting. */
export interface FieldEdits {
  title?: string;
  author?: string;
  source?: string;
  /** As typed: 2024-04-18, 2024年4月18日 10:30 … */
  published?: string;
}

export const EDITABLE_FIELDS = ['title', 'author', 'source', 'published'] as const;

/**
 * The article with the user's edits: what is saved, exported and named on disk. An emptied
 * field is cleared (the title keeps the page's own when emptied: an article needs one); a date is
 * read as Chinese pages write it, and kept as typed when it cannot be.
 */
export function withEdits(article: CleanArticle, edits: FieldEdits): CleanArticle {
  const out = { ...article };
  // What the user typed is theirs, stated: never marked as a guess.
  const confidence = { author: article.confidence?.author ?? null, published: article.confidence?.published ?? null };
  for (const field of EDITABLE_FIELDS) {
    const raw = edits[field];
    if (raw === undefined) continue;
    const value = oneLine(raw).trim().slice(0, field === 'title' ? 1000 : 200);
    if (field === 'title') out.title = value || article.title;
    else if (field === 'published') {
      out.published = value ? (/^\d{4}-\d{2}-\d{2}(T[\d:]+)?$/.test(value) ? value : (parseChineseDate(value) ?? value)) : null;
      confidence.published = value ? 'high' : null;
    } else if (field === 'author') {
      Object.assign(out, { author: value || null, byline: value || null });
      confidence.author = value ? 'high' : null;
    } else out.source = value || null;
  }
  if (article.confidence || Object.keys(edits).length) out.confidence = confidence;
  return out;
}
