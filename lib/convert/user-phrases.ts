import { Trie } from 'opencc-js/core';
import { type Convert, loadConverter } from './load';
import { type TargetVariant, isTraditionalTarget } from './variants';

/**
 * The reader's own phrase table, applied before opencc's: a name kept as it is written
 * (鉅亨網 never becomes 巨亨网) or a pair of their own (信息 → 資訊). Each entry acts when
 * converting toward one script or both; a protected name is an entry whose `to` is its `from`.
 */
export type PhraseToward = 'traditional' | 'simplified' | 'both';
export interface UserPhrase {
  from: string;
  to: string;
  toward: PhraseToward;
}

/** The scan tries each phrase's length at each character: a bound on length keeps it linear in the text. */
export const LONGEST_PHRASE = 40;

/** The entries that act when converting to a target. */
export function phrasesToward(target: TargetVariant, phrases: readonly UserPhrase[]): UserPhrase[] {
  const toward = isTraditionalTarget(target) ? 'traditional' : 'simplified';
  return phrases.filter((p) => p.toward === 'both' || p.toward === toward);
}

/**
 * opencc's converter with the reader's phrases first: the text is cut at each phrase (the
 * longest one that matches, left to right, by opencc's own trie), the phrase takes its
 * replacement and only the text between phrases goes through opencc.
 */
export function withUserPhrases(convert: Convert, phrases: readonly UserPhrase[]): Convert {
  if (!phrases.length) return convert;
  const trie = new Trie();
  const first = new Set<number>();
  for (const p of phrases) {
    trie.addWord(p.from, p.to);
    first.add(p.from.codePointAt(0)!);
  }
  return (input) => {
    let out = '';
    let plainFrom = 0;
    for (let i = 0; i < input.length; ) {
      const c = input.codePointAt(i)!;
      const hit = first.has(c) ? trie.matchPrefix(input, i) : null;
      if (!hit) {
        i += c > 0xffff ? 2 : 1;
        continue;
      }
      if (i > plainFrom) out += convert(input.slice(plainFrom, i));
      out += hit.value;
      i = plainFrom = hit.end;
    }
    return plainFrom === 0 ? convert(input) : out + (plainFrom < input.length ? convert(input.slice(plainFrom)) : '');
  };
}

/** A stable key for a table, so converters built for it are reused until it changes. */
export function phraseKey(phrases: readonly UserPhrase[]): string {
  return phrases.length ? JSON.stringify(phrases.map((p) => [p.from, p.to, p.toward])) : '';
}

/** The last table's converter for each target: a table changes rarely, a conversion runs often. */
const lastBuilt = new Map<TargetVariant, { key: string; convert: Promise<Convert> }>();

/** opencc's converter for a target (loaded once), behind the entries of the table that act toward it. */
export function loadConverterWith(target: TargetVariant, phrases: readonly UserPhrase[]): Promise<Convert> {
  const acting = phrasesToward(target, phrases);
  const key = phraseKey(acting);
  if (!key) return loadConverter(target);
  const kept = lastBuilt.get(target);
  if (kept?.key === key) return kept.convert;
  const convert = loadConverter(target).then((base) => withUserPhrases(base, acting));
  lastBuilt.set(target, { key, convert });
  return convert;
}
