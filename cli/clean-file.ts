import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decoderLabel } from '../lib/encoding/charset';
import { collectPages } from '../lib/pages/collect';
import { type PipelineOptions, cleanDocument } from '../lib/pipeline';
import { cleanText } from '../lib/text-pipeline';
import type { CleanArticle, CleanOptions } from '../lib/types';
import { decode } from './encoding';
import { closeDocument, nodeSanitizer, parseHtml } from './node-dom';

/**
 * Larger pages are refused before they are parsed (files before they are read): no real page
 * comes near this, and refusing by size never depends on how fast the machine is.
 */
export const LARGEST_PAGE_BYTES = 32 << 20;

/** A FIFO, a device or a socket: reading it could block or never end. */
export class NotAFileError extends Error {
  constructor() {
    super('not a regular file');
    this.name = 'NotAFileError';
  }
}

export class FileTooLargeError extends Error {
  constructor(bytes: number) {
    super(`too large to clean (${Math.round(bytes / 2 ** 20)} MB; the limit is ${LARGEST_PAGE_BYTES >> 20} MB)`);
    this.name = 'FileTooLargeError';
  }
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/** One page to clean, however it came: a saved file, a JSON Lines record or a WARC record. */
export interface PageInput {
  /** The file's path, the record's id, or the WARC record's target URI. */
  id: string;
  path?: string;
  url?: string;
  html?: string;
  text?: string;
  /** A WARC response's body, with its HTTP Content-Type (its charset comes first). */
  bytes?: Uint8Array;
  contentType?: string;
  /** When the page was fetched (WARC-Date). */
  fetched?: string;
  /** Why this input cannot be read at all (a line that is no JSON). */
  problem?: string;
  /** Where its result goes under --out, without the extension (files only; see inputs.ts). */
  outStem?: string;
}

export function looksLikeHtml(path: string, text: string): boolean {
  return HTML_EXT.has(extname(path).toLowerCase()) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

function readText(path: string): string {
  const info = statSync(path);
  if (!info.isFile()) throw new NotAFileError();
  if (info.size > LARGEST_PAGE_BYTES) throw new FileTooLargeError(info.size);
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new Error('the file is empty');
  return decode(bytes).text;
}

/** A fetched body: the server's charset when it names one, else what the bytes say. */
function decodeFetched(bytes: Uint8Array, contentType: string | undefined): string {
  const label = decoderLabel(/charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? '');
  return label ? new TextDecoder(label).decode(bytes) : decode(bytes).text;
}

/**
 * A later page of a saved article: the file its link points to, or, for links to the
 * site (pages saved with --url), the file of that name beside the first page.
 */
function localPage(url: string, firstPath: string): string {
  const path = url.startsWith('file:') ? fileURLToPath(url) : join(dirname(firstPath), basename(new URL(url).pathname));
  if (!existsSync(path)) throw new Error(`${url}: not saved beside ${basename(firstPath)}`);
  return path;
}

/** jsdom needs a kilobyte or two per element: past this many tags a page would exhaust a worker's heap. */
const MOST_TAGS = 500_000;

export class TooManyElementsError extends Error {
  constructor(elements: number) {
    super(`too large to clean (${elements.toLocaleString('en')} elements; the limit is ${MOST_TAGS.toLocaleString('en')})`);
    this.name = 'TooManyElementsError';
  }
}

/** Start tags: '<' and a letter. */
function countTags(html: string): number {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) if (/[A-Za-z]/.test(html[i + 1] ?? '')) n++;
  return n;
}

async function cleanHtml(html: string, url: string, opts: CleanOptions, laterPage?: (url: string) => string): Promise<CleanArticle> {
  const tags = countTags(html);
  if (tags > MOST_TAGS) throw new TooManyElementsError(tags);
  const sanitize = nodeSanitizer();
  const clean = (doc: Document, pageUrl: string, extra: Partial<PipelineOptions> = {}) => cleanDocument(doc, pageUrl, { ...opts, ...extra, sanitize });
  const opened: Document[] = [];
  const parse = (source: string, pageUrl: string) => {
    const doc = parseHtml(source, pageUrl);
    opened.push(doc);
    return doc;
  };
  try {
    const doc = parse(html, url);
    // Merging reads the first page's links after cleaning it: only then is the page kept unchanged.
    const first = clean(doc, url, opts.mergePages ? {} : { ownsDocument: true });
    if (!opts.mergePages || !laterPage) return first;
    return await collectPages(first, doc, url, opts, { load: async (pageUrl) => parse(laterPage(pageUrl), pageUrl), clean });
  } finally {
    for (const doc of opened) closeDocument(doc);
  }
}

/** One input to a CleanArticle; throws with a readable message on bad input. */
export async function cleanInput(input: PageInput, opts: CleanOptions = {}): Promise<CleanArticle> {
  if (input.problem) throw new Error(input.problem);
  if (input.path !== undefined) return cleanFile(input.path, { ...opts, url: input.url });
  const url = input.url ?? '';
  const size = input.bytes?.length ?? input.html?.length ?? input.text?.length ?? 0;
  if (size > LARGEST_PAGE_BYTES) throw new FileTooLargeError(size);
  if (input.text !== undefined) return cleanText(input.text, { ...opts, sanitize: nodeSanitizer(), url });
  const html = input.html ?? (input.bytes ? decodeFetched(input.bytes, input.contentType) : undefined);
  if (html === undefined) throw new Error('the record has no html or text');
  return cleanHtml(html, url || 'about:blank', opts);
}

/** One input file to a CleanArticle; throws with a readable message on bad input. */
export async function cleanFile(path: string, opts: CleanOptions & { url?: string } = {}): Promise<CleanArticle> {
  const text = readText(path);
  if (!looksLikeHtml(path, text)) return cleanText(text, { ...opts, sanitize: nodeSanitizer(), url: opts.url });
  const url = opts.url ?? pathToFileURL(resolve(path)).href;
  return cleanHtml(text, url, opts, (pageUrl) => readText(localPage(pageUrl, path)));
}
