import type { ScriptVariant } from '../convert/variants';
import type { CleanArticle } from '../types';
import type { SavedArticle, SavedArticleV1 } from './schema';

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

export function makeRecord(article: CleanArticle, variant: ScriptVariant, converted: CleanArticle | null, now: string): SavedArticle {
  return {
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
    searchText: searchTextOf(article) + (converted ? `\n${searchTextOf(converted)}` : ''),
    versions: [],
  };
}

/** Saving the same URL again updates the record and keeps the earlier text as a version. */
export function updateRecord(old: SavedArticle, next: SavedArticle): SavedArticle {
  const changed = JSON.stringify(old.article.paragraphs) !== JSON.stringify(next.article.paragraphs) || old.article.title !== next.article.title;
  return {
    ...next,
    savedAt: old.savedAt,
    versions: changed ? [{ savedAt: old.updatedAt, article: old.article }, ...old.versions].slice(0, 20) : old.versions,
  };
}

/** v1 → v2: nothing the reader saved is lost; new fields are derived from the article. */
export function migrateV1(old: SavedArticleV1): SavedArticle {
  const record = makeRecord(old.article, 'original', null, old.savedAt);
  return { ...record, url: old.url };
}
