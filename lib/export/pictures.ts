import { escapeHtml } from '../blocks';
import { bytesToBase64 } from '../pictures/base64';
import { type PictureType, pictureExtension } from '../pictures/sniff';
import { safeFilename } from './filename';

/** A kept picture's bytes, by the address the article gives it (see Library.pictureFiles). */
export type PictureFiles = Map<string, { type: string; bytes: Uint8Array }>;

/** Where an export puts a picture in place of its web address; undefined keeps the address (a link). */
export type PictureLocator = (src: string) => string | undefined;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>' };

/** An attribute value as the serializer escaped it, back to the address it is. */
export function unescapeAttribute(value: string): string {
  return value.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (e) => ENTITIES[e]!);
}

/**
 * Sanitized HTML with each kept picture's src pointed at its local copy. Runs after the
 * sanitizer, which would refuse the data: addresses a standalone file inlines.
 */
export function localizePictures(html: string, locate: PictureLocator): string {
  return html.replace(/(<img\b[^>]*?\ssrc=")([^"]*)(")/g, (tag, open: string, src: string, close: string) => {
    const local = locate(unescapeAttribute(src));
    return local === undefined ? tag : `${open}${escapeHtml(local)}${close}`;
  });
}

/** A picture inlined as a data: address (a standalone HTML file needs nothing else). */
export function dataAddress(file: { type: string; bytes: Uint8Array }): string {
  return `data:${file.type};base64,${bytesToBase64(file.bytes)}`;
}

/** The name a picture's address gives it, decoded ("%E6%96%B0%E9%97%BB.jpg" → "新闻"), without its extension. */
function stemOf(src: string): string {
  let last = '';
  try {
    last = new URL(src).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return '';
  }
  try {
    last = decodeURIComponent(last);
  } catch {
    // a malformed escape: keep the name as written
  }
  return last.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

/**
 * File names for an export's pictures: the name in the address, decoded so Chinese names
 * stay Chinese, safe on every system, with the extension of the picture's real type, and
 * unique among `taken` (shared by every article of one zip or book).
 */
export function pictureFileNames(files: PictureFiles, taken: Set<string>, fallbackStem = 'picture'): Map<string, string> {
  const names = new Map<string, string>();
  let n = 0;
  for (const [src, file] of files) {
    n++;
    // No spaces, % or #: a book's manifest and a Markdown link read the name as an address,
    // where % starts an escape and # a fragment.
    const stem = safeFilename(stemOf(src), 80).replace(/[\s%#]+/g, '_');
    const base = stem === 'article' || !stem ? `${fallbackStem}-${n}` : stem;
    const extension = pictureExtension(file.type as PictureType) ?? 'bin';
    let name = `${base}.${extension}`;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}.${extension}`;
    taken.add(name.toLowerCase());
    names.set(src, name);
  }
  return names;
}
