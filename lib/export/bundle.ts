import { strToU8, zipSync } from 'fflate';
import type { SavedArticle } from '../storage/schema';
import { articleFilename } from './filename';
import { type ExportFormat, FORMAT_INFO, exportArticle } from './formats';

/** The article as the reader saved it: in the chosen script when there is one. */
export function readingCopy(record: SavedArticle) {
  return record.converted ?? record.article;
}

/** Unique names inside one zip: "标题.md", "标题 (2).md". */
function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, dot)} (${i})${name.slice(dot)}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Many saved articles as one zip of files in one format. */
export function zipArticles(records: SavedArticle[], format: ExportFormat = 'md'): Uint8Array {
  const taken = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  for (const r of records) {
    const article = readingCopy(r);
    const name = uniqueName(articleFilename(article, FORMAT_INFO[format].extension), taken);
    taken.add(name);
    files[name] = strToU8(exportArticle(article, format, { saved: r.savedAt, note: r.note, tags: r.tags }));
  }
  return zipSync(files, { level: 6 });
}
