import chardet from 'chardet';
import { declaredCharset } from '../lib/encoding/charset';

/**
 * Decodes a saved page whatever its encoding: BOMs, UTF-16 without BOM, strict UTF-8,
 * then the charset the page declares, checked against what its bytes say: pages often
 * declare the wrong one (a GBK page saying UTF-8, a Big5 page saying GBK).
 */
const GUESSES = new Map([
  ['GB18030', 'gb18030'],
  ['GBK', 'gb18030'],
  ['GB2312', 'gb18030'],
  ['Big5', 'big5'],
  ['EUC-TW', 'big5'],
  ['UTF-16LE', 'utf-16le'],
  ['UTF-16BE', 'utf-16be'],
  ['UTF-8', 'utf-8'],
  ['Shift_JIS', 'shift_jis'],
  ['EUC-JP', 'euc-jp'],
  ['EUC-KR', 'euc-kr'],
  ['ISO-8859-1', 'windows-1252'],
  ['windows-1252', 'windows-1252'],
]);
/** Share of replacement characters past which a decoding is wrong. */
const BAD_DECODING = 0.002;
/** How much surer than the declared charset the detector must be to overrule it. */
const OVERRULE_MARGIN = 30;
const SAMPLE = 1 << 16;

export interface Decoded {
  text: string;
  encoding: string;
}

export class NotTextError extends Error {
  constructor() {
    super('not a text or HTML file');
    this.name = 'NotTextError';
  }
}

/** Zero bytes on every other position: UTF-16 text that lost its BOM. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return 'utf-16be';
  return null;
}

/** Pictures, archives, PDFs and other binaries: zero bytes in what should be text. */
function isBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

const replacementShare = (text: string) => {
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) bad++;
  return bad / Math.max(1, text.length);
};

function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeAs(bytes, utf16);
  if (isBinary(bytes)) throw new NotTextError();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: the page's own charset, checked, or the detector's best guess
  }
  const sample = bytes.subarray(0, SAMPLE);
  const candidates = chardet
    .analyse(sample)
    .map((m) => ({ encoding: GUESSES.get(m.name), confidence: m.confidence }))
    .filter((c): c is { encoding: string; confidence: number } => !!c.encoding);
  const declared = declaredCharset(bytes);
  const best = candidates[0];
  let choice = declared ?? best?.encoding ?? 'gb18030';
  const declaredConfidence = candidates.find((c) => c.encoding === declared)?.confidence ?? 0;
  // A declared charset the bytes do not fit: the detector is far surer of another one.
  if (declared && best && best.encoding !== declared && best.confidence - declaredConfidence >= OVERRULE_MARGIN) choice = best.encoding;
  const first = decodeAs(bytes, choice);
  if (replacementShare(first.text.slice(0, SAMPLE)) <= BAD_DECODING) return first;
  // Still garbled: the encoding that leaves the fewest replacement characters.
  const tries = [...new Set([...candidates.map((c) => c.encoding), 'gb18030', 'big5', 'utf-8'])].filter((e) => e !== choice);
  let winner = first;
  let fewest = replacementShare(first.text.slice(0, SAMPLE));
  for (const encoding of tries) {
    const share = replacementShare(new TextDecoder(encoding).decode(sample));
    if (share < fewest) [winner, fewest] = [{ text: '', encoding }, share];
  }
  return winner === first ? first : decodeAs(bytes, winner.encoding);
}
