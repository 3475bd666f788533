import { type PhraseMerge, checkPhraseTable, mergePhraseTables } from '../lib/convert/phrase-table';
import type { UserPhrase } from '../lib/convert/user-phrases';
import { readUserPhrases, userPhrases } from './settings';

/** Saves the table as edited in the options page; what the check refuses is said, not stored. */
export async function saveUserPhrases(rows: unknown[]): Promise<ReturnType<typeof checkPhraseTable>> {
  const checked = checkPhraseTable(rows);
  await userPhrases.setValue(checked.phrases);
  return checked;
}

/** A backup's phrase table, checked row by row and merged under the reader's own rows. */
export async function importUserPhrases(raw: unknown): Promise<PhraseMerge & { refused: number }> {
  const { phrases, refused } = checkPhraseTable(raw);
  const merged = mergePhraseTables(await readUserPhrases(), phrases);
  await userPhrases.setValue(merged.phrases);
  return { ...merged, refused: refused.length };
}

export function watchUserPhrases(onChange: (phrases: UserPhrase[]) => void): () => void {
  return userPhrases.watch((v) => onChange(checkPhraseTable(v ?? []).phrases));
}
