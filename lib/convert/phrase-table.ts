import * as v from 'valibot';
import { LONGEST_PHRASE, type UserPhrase } from './user-phrases';

/**
 * The phrase table as stored and backed up: checked row by row on every read and import
 * (a backup is untrusted), and merged under the reader's own rows. Kept apart from the
 * converter so the scripts injected into pages do not carry the schema.
 */
export const MOST_PHRASES = 2000;
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Phrases act inside an article's HTML text too: a phrase that could write markup or an entity is no phrase. */
const MARKUP = /[<>&]/;
const text = (most: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(most, `longer than ${most} characters`),
    v.check((s) => !CONTROL.test(s), 'has control characters'),
    v.check((s) => !MARKUP.test(s), 'has <, > or &, which a phrase never needs'),
  );
const entry = v.object({
  from: v.pipe(text(LONGEST_PHRASE), v.minLength(1, 'an empty phrase')),
  /** Empty: the phrase is kept as written. */
  to: v.optional(text(LONGEST_PHRASE * 2), ''),
  toward: v.optional(v.picklist(['traditional', 'simplified', 'both']), 'both'),
});

export interface PhraseTableCheck {
  phrases: UserPhrase[];
  /** Entries left out, with why (1-based, as a user counts rows). */
  refused: Array<{ index: number; reason: string }>;
}

/** Checks an untrusted table (a backup's, an imported file's): good rows are kept, each bad one said. */
export function checkPhraseTable(input: unknown): PhraseTableCheck {
  if (!Array.isArray(input)) return { phrases: [], refused: [{ index: 0, reason: 'not a list of phrases' }] };
  const phrases: UserPhrase[] = [];
  const refused: PhraseTableCheck['refused'] = [];
  input.forEach((item, i) => {
    if (phrases.length >= MOST_PHRASES) return void refused.push({ index: i + 1, reason: `more than ${MOST_PHRASES} phrases` });
    const r = v.safeParse(entry, item);
    if (!r.success) return void refused.push({ index: i + 1, reason: r.issues.map((x) => x.message).join('; ') });
    phrases.push({ from: r.output.from, to: r.output.to || r.output.from, toward: r.output.toward });
  });
  return { phrases, refused };
}

export interface PhraseMerge {
  phrases: UserPhrase[];
  added: number;
  unchanged: number;
  /** Incoming rows for a phrase the reader already has another replacement for: theirs is kept. */
  keptYours: number;
}

/** A backup's table into the reader's: new rows are added, a row the reader has is never replaced. */
export function mergePhraseTables(yours: readonly UserPhrase[], incoming: readonly UserPhrase[]): PhraseMerge {
  const slot = (p: UserPhrase) => `${p.toward}\n${p.from}`;
  const have = new Map(yours.map((p) => [slot(p), p]));
  const phrases = [...yours];
  let added = 0;
  let unchanged = 0;
  let keptYours = 0;
  for (const p of incoming) {
    const mine = have.get(slot(p));
    if (mine) mine.to === p.to ? unchanged++ : keptYours++;
    else if (phrases.length < MOST_PHRASES) {
      have.set(slot(p), p);
      phrases.push(p);
      added++;
    }
  }
  return { phrases, added, unchanged, keptYours };
}
