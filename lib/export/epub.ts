import { strToU8, zipSync } from 'fflate';
import { escapeHtml } from '../blocks';
import type { CleanArticle } from '../types';
import { imagesAsLinks, metaLine } from './formats';
import { type PictureFiles, pictureFileNames } from './pictures';
import { exportable } from './safe';

/**
 * Saved articles as one EPUB 3 book (an e-reader or Send to Kindle takes it): one
 * chapter per article, a table of contents, kept pictures inside the book and the others
 * left as links, so nothing loads remotely. Chapters are XHTML, so the sanitized HTML is
 * re-serialized as XML.
 */
export interface EpubOptions {
  title: string;
  /** A DOM to re-serialize article HTML as XHTML (the page's own, or jsdom in Node). */
  doc: Document;
  /** Stable book id and modification time, e.g. from the export time. */
  id: string;
  modified: string;
  lang?: string;
  /** Each article's kept pictures, in the order of `articles`. */
  pictures?: PictureFiles[];
}

/** Picture types every EPUB reading system shows (EPUB 3 core media types); others stay links. */
const EPUB_PICTURE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);

/** A picture inside the book: its path under OEBPS/ and its media type. */
interface BookPicture {
  href: string;
  type: string;
  bytes: Uint8Array;
}

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Sanitized article HTML as well-formed XHTML. */
function toXhtml(html: string, doc: Document): string {
  const body = doc.createElement('div');
  body.innerHTML = html;
  const serializer = new (doc.defaultView as unknown as { XMLSerializer: typeof XMLSerializer }).XMLSerializer();
  return [...body.childNodes].map((n) => serializer.serializeToString(n)).join('\n').replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '');
}

function chapter(stored: CleanArticle, doc: Document, lang: string, pictures: Map<string, BookPicture>): string {
  const article = exportable(stored);
  const source = article.url && /^https?:/.test(article.url) ? `<p class="meta"><a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a></p>` : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="${XHTML_NS}" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head><title>${escapeHtml(article.title)}</title><link rel="stylesheet" href="style.css"/></head>
<body>
<h1>${escapeHtml(article.title)}</h1>
${article.subtitle ? `<p class="subtitle">${escapeHtml(article.subtitle)}</p>` : ''}
<p class="meta">${escapeHtml(metaLine(article))}</p>
${toXhtml(imagesAsLinks(article, (src) => pictures.get(src)?.href), doc)}
${source}
</body>
</html>
`;
}

function nav(articles: CleanArticle[], title: string, lang: string): string {
  const items = articles.map((a, i) => `<li><a href="a${i + 1}.xhtml">${escapeHtml(a.title)}</a></li>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="${XHTML_NS}" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head><title>${escapeHtml(title)}</title></head>
<body><nav epub:type="toc" id="toc"><h1>${escapeHtml(title)}</h1><ol>
${items}
</ol></nav></body>
</html>
`;
}

/** The book's writers: each article's author, once, in the order the articles come (at most 20). */
function creators(articles: CleanArticle[]): string[] {
  return [...new Set(articles.map((a) => a.author?.trim()).filter((n): n is string => !!n))].slice(0, 20);
}

/** A chapter's language tag by its own script (a reader picks its fonts and line breaking by it); else the book's. */
function chapterLang(article: CleanArticle, bookLang: string): string {
  return article.script === 'traditional' ? 'zh-Hant' : article.script === 'simplified' ? 'zh-Hans' : bookLang;
}

function opf(articles: CleanArticle[], opts: EpubOptions, lang: string, pictures: BookPicture[]): string {
  const manifest = [
    ...articles.map((_, i) => `<item id="a${i + 1}" href="a${i + 1}.xhtml" media-type="application/xhtml+xml"/>`),
    ...pictures.map((p, i) => `<item id="p${i + 1}" href="${escapeHtml(p.href)}" media-type="${p.type}"/>`),
  ].join('\n');
  const spine = articles.map((_, i) => `<itemref idref="a${i + 1}"/>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${escapeHtml(opts.id)}</dc:identifier>
<dc:title>${escapeHtml(opts.title)}</dc:title>
<dc:language>${lang}</dc:language>
${creators(articles).map((name) => `<dc:creator>${escapeHtml(name)}</dc:creator>`).join('\n')}
<meta property="dcterms:modified">${opts.modified.replace(/\.\d+Z$/, 'Z')}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="css" href="style.css" media-type="text/css"/>
${manifest}
</manifest>
<spine>
${spine}
</spine>
</package>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

const CSS = `body{line-height:1.8}p{text-indent:2em;margin:0 0 .8em}h1{font-size:1.4em;line-height:1.4}.subtitle,.meta{text-indent:0;color:#555;font-size:.85em}
figcaption{font-size:.85em;color:#555}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.1em .4em}blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #ccc}`;

/** Each article's pictures as book files under images/, named as in the address (Chinese kept). */
function bookPictures(articles: CleanArticle[], opts: EpubOptions): Map<string, BookPicture>[] {
  const taken = new Set<string>();
  return articles.map((_, i) => {
    const files: PictureFiles = new Map([...(opts.pictures?.[i] ?? [])].filter(([, f]) => EPUB_PICTURE_TYPES.has(f.type)));
    const names = pictureFileNames(files, taken, `a${i + 1}`);
    return new Map([...files].map(([src, f]) => [src, { href: `images/${names.get(src)}`, type: f.type, bytes: f.bytes }]));
  });
}

/**
 * Characters XML 1.0 forbids (controls such as U+0001, U+FFFE/U+FFFF, lone surrogates): a page
 * may carry them, and one makes a reader refuse the whole book. Removed from every XML file.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xml = (text: string) => strToU8(text.replace(NOT_XML, ''));

export function toEpub(articles: CleanArticle[], opts: EpubOptions): Uint8Array {
  const lang = opts.lang ?? (articles.every((a) => a.script === 'traditional') ? 'zh-Hant' : 'zh-Hans');
  const pictures = bookPictures(articles, opts);
  const allPictures = pictures.flatMap((m) => [...m.values()]);
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    // The EPUB container requires "mimetype" first and stored uncompressed.
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER),
    'OEBPS/content.opf': xml(opf(articles, opts, lang, allPictures)),
    'OEBPS/nav.xhtml': xml(nav(articles, opts.title, lang)),
    'OEBPS/style.css': strToU8(CSS),
  };
  articles.forEach((a, i) => (files[`OEBPS/a${i + 1}.xhtml`] = xml(chapter(a, opts.doc, chapterLang(a, lang), pictures[i]!))));
  // Pictures are compressed already: stored as they are.
  for (const p of allPictures) files[`OEBPS/${p.href}`] = [p.bytes, { level: 0 }];
  return zipSync(files, { level: 6 });
}
