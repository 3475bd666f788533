import { stringify } from 'yaml';
import type { CleanArticle } from '../types';

/** What the reader added when saving: when, a note, tags. */
export interface SavedNotes {
  saved?: string;
  note?: string;
  tags?: string[];
}

export function frontMatter(article: CleanArticle, notes: SavedNotes = {}): string {
  const fields: Array<[string, string | null | undefined]> = [
    ['title', article.title],
    ['subtitle', article.subtitle],
    ['author', article.author],
    ['byline', article.byline !== article.author ? article.byline : null],
    ['source', article.source],
    ['editor', article.editor],
    ['published', article.published],
    ['site', article.siteName],
    ['url', article.url],
    ['template', article.template.id],
    ['script', article.script],
    ['saved', notes.saved],
    ['note', notes.note],
  ];
  const data: Record<string, string | string[]> = {};
  for (const [k, v] of fields) if (v) data[k] = v;
  if (article.credits?.length) data.credits = article.credits;
  if (notes.tags?.length) data.tags = notes.tags;
  // A real YAML serializer: control characters, quotes, colons and # in page text come out escaped.
  const yaml = stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n`;
}
