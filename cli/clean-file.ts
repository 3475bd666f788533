import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { collectPages } from '../lib/pages/collect';
import { cleanDocument } from '../lib/pipeline';
import { cleanText } from '../lib/text-pipeline';
import type { CleanArticle, CleanOptions } from '../lib/types';
import { decode } from './encoding';
import { nodeSanitizer, parseHtml } from './node-dom';

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);

export function looksLikeHtml(path: string, text: string): boolean {
  return HTML_EXT.has(extname(path).toLowerCase()) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

function readText(path: string): string {
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new Error('the file is empty');
  return decode(bytes).text;
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

/** One input file to a CleanArticle; throws with a readable message on bad input. */
export async function cleanFile(path: string, opts: CleanOptions & { url?: string } = {}): Promise<CleanArticle> {
  const text = readText(path);
  const sanitize = nodeSanitizer();
  if (!looksLikeHtml(path, text)) return cleanText(text, { ...opts, sanitize, url: opts.url });

  const url = opts.url ?? pathToFileURL(resolve(path)).href;
  const clean = (doc: Document, pageUrl: string, extra: CleanOptions = {}) => cleanDocument(doc, pageUrl, { ...opts, ...extra, sanitize });
  const doc = parseHtml(text, url);
  const first = clean(doc, url);
  if (!opts.mergePages) return first;
  return collectPages(first, doc, url, opts, { load: async (pageUrl) => parseHtml(readText(localPage(pageUrl, path)), pageUrl), clean });
}
