import { type Rule, stripEach } from './types';

/**
 * Anti-copy "jammer" strings: Discuz!/PHPWind append 4-12 random printable-ASCII
 * characters to lines (hidden in the live page, visible once the text is re-hosted),
 * either after the sentence or on lines of their own.
 * Legitimate ASCII (dates, times, PM2.5, A30, URLs, English words) must survive.
 */

const LEGIT_TOKEN = [
  /^\d+([-:/.,]\d+)*%?$/, // numbers, dates, times: 2020-03-10, 00:00, 73.1%
  /^(https?:\/\/|www\.)\S+$/i, // URLs
  /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/, // e-mail addresses
  /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)*[.,!?;:]?$/, // English words, CamelCase brand names
  /^i[A-Z][a-z]+$/, // iPhone, iPad
  /^[A-Z]{1,6}\d{0,4}(\.\d+)?s?$/, // acronyms and model numbers: CEO, A30, PM2.5
  /^[A-Z]{1,3}-?\d{1,4}$/,
  /^[([]\d{1,3}[)\]]$/, // footnote marks (1) [2]
  /^[A-Za-z]+-\d+$/, // COVID-19
  /^\d+[A-Za-z]{1,3}$/, // 5G, 4K, 10km
];

const MAX_JAMMER = 14;

function isLegitToken(token: string): boolean {
  const bare = token.replace(/(?<=.)[.,;:!?]$/, '');
  return LEGIT_TOKEN.some((re) => re.test(token) || re.test(bare));
}

/** Random-looking: punctuation mixed into letters/digits, or letters with irregular case. */
function looksRandom(s: string): boolean {
  const compact = s.replace(/\s+/g, '');
  if (compact.length < 3) return false;
  if (/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/.test(compact)) return true;
  const caseSwitches = compact.match(/[a-z][A-Z]|[A-Z][a-z][A-Z]|[A-Za-z]\d[A-Za-z]|\d[A-Za-z]\d/g)?.length ?? 0;
  return caseSwitches >= 1 && !isLegitToken(compact);
}

function isAsciiOnly(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/** A whole line with no Chinese that is only jammer noise. */
function isJammerLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > MAX_JAMMER || !isAsciiOnly(t)) return false;
  const tokens = t.split(/\s+/);
  return !tokens.every(isLegitToken) && (looksRandom(t) || tokens.some((x) => !isLegitToken(x) && x.length >= 4));
}

/** Takes ASCII noise off the end of a line that has real (non-ASCII) text before it. */
export function stripJammerSuffix(line: string): { text: string; removed: string[] } {
  const none = { text: line, removed: [] };
  const trimmed = line.trimEnd();
  // The ASCII tail after the last non-ASCII character (a scan, not a backtracking regex).
  let last = trimmed.length - 1;
  while (last >= 0 && trimmed.charCodeAt(last) < 0x80) last--;
  if (last < 0 || last === trimmed.length - 1) return none;
  const m = /^(\S*)(\s+)(.+)$/.exec(trimmed.slice(last + 1));
  if (!m || /[^\x20-\x7e]/.test(m[3]!)) return none;
  const head = trimmed.slice(0, last + 1) + m[1]!;
  const separator = m[2]!;
  const tokens = m[3]!.split(/(\s+)/); // keep separators so we can rebuild
  // Walk tokens from the end, collecting noise until a legitimate token or the length limit.
  let cut = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i]!;
    if (/^\s+$/.test(tok)) continue;
    const candidate = tokens.slice(i).join('');
    if (isLegitToken(tok) || candidate.replace(/\s/g, '').length > MAX_JAMMER) break;
    cut = i;
  }
  const junk = tokens.slice(cut).join('').trim();
  if (!junk || !looksRandom(junk)) return none;
  const kept = tokens.slice(0, cut).join('').trimEnd();
  return { text: kept ? `${head}${separator}${kept}` : head, removed: [junk] };
}

export function stripJammer(line: string): { text: string; removed: string[] } {
  if (isJammerLine(line)) return { text: '', removed: [line.trim()] };
  return stripJammerSuffix(line);
}

/** Anti-copy jammer strings (random ASCII appended to lines or on lines of their own). */
export const jammerRule: Rule = {
  id: 'jammer',
  apply: (blocks) => stripEach(blocks, stripJammer),
};
