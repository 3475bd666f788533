import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { cleanDocument } from '../lib/pipeline';
import { cleanText } from '../lib/text-pipeline';
import type { CleanArticle, CleanOptions } from '../lib/types';
import { decode } from './encoding';
import { nodeSanitizer, parseHtml } from './node-dom';

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);

export function looksLikeHtml(path: string, text: string): boolean {
  return HTML_EXT.has(extname(path).toLowerCase()) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

/** One input file to a CleanArticle; throws with a readable message on bad input. */
export function cleanFile(path: string, opts: CleanOptions & { url?: string } = {}): CleanArticle {
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new Error('the file is empty');
  const { text } = decode(bytes);
  const sanitize = nodeSanitizer();
  if (looksLikeHtml(path, text)) {
    const url = opts.url ?? `file://${path}`;
    return cleanDocument(parseHtml(text, url), url, { ...opts, sanitize });
  }
  return cleanText(text, { ...opts, sanitize, url: opts.url });
}
