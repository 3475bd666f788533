import chardet from 'chardet';
import { declaredCharset } from '../lib/encoding/charset';

/**
 * Decodes a file whatever its encoding: BOMs first, then strict UTF-8, then
 * chardet's guess among the encodings Chinese pages use (GB18030 covers GBK/GB2312).
 */
const CHINESE = new Map([
  ['GB18030', 'gb18030'],
  ['GBK', 'gb18030'],
  ['GB2312', 'gb18030'],
  ['Big5', 'big5'],
  ['EUC-TW', 'big5'],
  ['UTF-16LE', 'utf-16le'],
  ['UTF-16BE', 'utf-16be'],
  ['UTF-8', 'utf-8'],
]);

export interface Decoded {
  text: string;
  encoding: string;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to the page's own charset or a guess
  }
  const declared = declaredCharset(bytes);
  const guessed = chardet.detect(bytes);
  const encoding = declared ?? (guessed && CHINESE.get(guessed)) ?? 'gb18030';
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
