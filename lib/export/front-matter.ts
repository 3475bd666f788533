import type { CleanArticle } from '../types';

/** YAML scalar, always double-quoted so Chinese colons, # and leading symbols stay text. */
function yamlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

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
  const lines = fields.filter(([, v]) => v).map(([k, v]) => `${k}: ${yamlString(v!)}`);
  if (article.credits?.length) lines.push(`credits: [${article.credits.map(yamlString).join(', ')}]`);
  if (notes.tags?.length) lines.push(`tags: [${notes.tags.map(yamlString).join(', ')}]`);
  return `---\n${lines.join('\n')}\n---\n`;
}
