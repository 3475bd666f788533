import type { CleanArticle } from '../types';

/**
 * A file name that works on Windows, macOS and Linux: no \/:*?"<>| or control
 * characters, no reserved device names, no trailing dot or space, at most 120 characters
 * and at most 200 bytes in UTF-8 (Linux allows 255 bytes a name: 85 Chinese characters,
 * 63 emoji; the rest is room for an extension and a "(2)").
 * "2020-03-05 杭锦旗:党员闻令而动" → "2020-03-05 杭锦旗：党员闻令而动".
 */
const FULL_WIDTH: Record<string, string> = { ':': '：', '?': '？', '*': '＊', '"': '”', '<': '《', '>': '》', '|': '｜', '/': '／', '\\': '＼' };
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

const MOST_BYTES = 200;
const utf8 = new TextEncoder();

/** The longest start of `chars` whose UTF-8 form fits in `bytes`. */
function fitBytes(chars: string[], bytes: number): string[] {
  let used = 0;
  let n = 0;
  for (; n < chars.length; n++) {
    used += utf8.encode(chars[n]!).length;
    if (used > bytes) break;
  }
  return chars.slice(0, n);
}

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
  const chars = [...out];
  if (chars.length > max || utf8.encode(out).length > MOST_BYTES) out = fitBytes(chars.slice(0, max), MOST_BYTES).join('').trim().replace(/[. ]+$/, '');
  return out || 'article';
}

export function articleFilename(article: CleanArticle, extension: string): string {
  const date = article.published?.slice(0, 10);
  return `${safeFilename([date, article.title].filter(Boolean).join(' '))}.${extension}`;
}
