import type { CleanArticle } from '../types';
import type { SavedArticle } from './schema';

/** How the library lists its articles. */
export type LibraryOrder = 'saved' | 'published' | 'title';
export const LIBRARY_ORDERS: LibraryOrder[] = ['saved', 'published', 'title'];

/** Titles in pinyin order, as a Chinese reader looks them up; Latin ones among them. */
const TITLES = new Intl.Collator('zh-u-co-pinyin', { numeric: true });

const shownTitle = (r: SavedArticle) => (r.converted ?? r.article).title ?? '';

/** Last saved (or saved again) first, newest published first (undated last), or by title. */
export function ordered(rows: SavedArticle[], by: LibraryOrder): SavedArticle[] {
  const out = [...rows];
  const saved = (a: SavedArticle, b: SavedArticle) => b.updatedAt.localeCompare(a.updatedAt);
  if (by === 'title') return out.sort((a, b) => TITLES.compare(shownTitle(a), shownTitle(b)));
  if (by === 'published') return out.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || saved(a, b));
  return out.sort(saved);
}

/** The row's opening words: the first paragraph that reads as text, cut at about 80 characters. */
export function excerptOf(article: CleanArticle, most = 80): string {
  const first = article.paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).find((p) => p.length >= 8 && !p.startsWith('[')) ?? '';
  return first.length > most ? `${first.slice(0, most)}…` : first;
}

/** What the row's second line says: the site, the date, the family when it tells more than "an article". */
export function rowFacts(row: Pick<SavedArticle, 'site' | 'published'>, family: string | null): string[] {
  return [row.site, row.published?.slice(0, 10), family].filter((x): x is string => !!x);
}
