import { strToU8, zipSync } from 'fflate';
import type { SavedArticle } from '../storage/schema';
import { articleFilename } from './filename';
import { type ExportFormat, FORMAT_INFO, exportArticle, toMarkdown } from './formats';
import { type PictureFiles, pictureFileNames } from './pictures';

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

/** The folder a Markdown zip keeps pictures in, linked relatively from each article. */
export const ASSETS = 'assets';

/**
 * Many saved articles as one zip of files in one format. With their kept pictures (by record
 * URL), Markdown links them from an assets/ folder (names decoded, so 新闻图.jpg stays
 * 新闻图.jpg) and HTML files carry them inline.
 */
export function zipArticles(records: SavedArticle[], format: ExportFormat = 'md', pictures: Map<string, PictureFiles> = new Map()): Uint8Array {
  const taken = new Set<string>();
  const assetNames = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  for (const r of records) {
    const article = readingCopy(r);
    const name = uniqueName(articleFilename(article, FORMAT_INFO[format].extension), taken);
    taken.add(name);
    const notes = { saved: r.savedAt, note: r.note, tags: r.tags };
    const kept = pictures.get(r.url) ?? new Map();
    if (format !== 'md') {
      files[name] = strToU8(exportArticle(article, format, notes, kept));
      continue;
    }
    const names = pictureFileNames(kept, assetNames);
    for (const [src, file] of kept) files[`${ASSETS}/${names.get(src)}`] = file.bytes;
    files[name] = strToU8(toMarkdown(article, notes, (src) => names.has(src) ? `${ASSETS}/${names.get(src)}` : undefined));
  }
  return zipSync(files, { level: 6 });
}
