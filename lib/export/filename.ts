import type { CleanArticle } from '../types';

/**
 * A file name that works on Windows, macOS and Linux: no \/:*?"<>| or control
 * characters, no reserved device names, no trailing dot or space, at most 120 characters.
 * "2020-03-05 杭锦旗:党员闻令而动" → "2020-03-05 杭锦旗：党员闻令而动".
 */
const FULL_WIDTH: Record<string, string> = { ':': '：', '?': '？', '*': '＊', '"': '”', '<': '《', '>': '》', '|': '｜', '/': '／', '\\': '＼' };
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function safeFilename(name: string, max = 120): string {
  let out = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]/g, (c) => FULL_WIDTH[c] ?? '_')
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (RESERVED.test(out)) out = `_${out}`;
  if ([...out].length > max) out = [...out].slice(0, max).join('').trim();
  return out || 'article';
}

export function articleFilename(article: CleanArticle, extension: string): string {
  const date = article.published?.slice(0, 10);
  return `${safeFilename([date, article.title].filter(Boolean).join(' '))}.${extension}`;
}
