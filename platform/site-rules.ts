import { storage } from 'wxt/utils/storage';
import type { SiteRule } from '../lib/site-rules/schema';
import { type RuleImport, type StoredRule, importRules, noteUse, readStoredRules, removeRule, restoreRule, upsertRule } from '../lib/site-rules/store';

/**
 * The user's site rules, in extension storage (local: kept across restarts, never synced
 * to a server). Every change goes through the pure functions of lib/site-rules/store.ts.
 */
const siteRulesItem = storage.defineItem<unknown>('local:siteRules', { fallback: [], version: 1 });

export async function storedRules(): Promise<StoredRule[]> {
  return readStoredRules(await siteRulesItem.getValue());
}

/** The rules cleaning uses: every rule the user has on (each says where it applies). */
export async function activeRules(): Promise<SiteRule[]> {
  return (await storedRules()).map((r) => r.rule).filter((r) => r.enabled !== false);
}

async function update(change: (list: StoredRule[]) => StoredRule[]): Promise<StoredRule[]> {
  const next = change(await storedRules());
  await siteRulesItem.setValue(next);
  return next;
}

export const saveRule = (rule: SiteRule) => update((list) => upsertRule(list, rule));
export const noteRulesUsed = (ids: string[]) => (ids.length ? update((list) => noteUse(list, ids)) : storedRules());

export async function deleteRule(id: string): Promise<{ removed: StoredRule | undefined; at: number }> {
  const { list, removed, at } = removeRule(await storedRules(), id);
  await siteRulesItem.setValue(list);
  return { removed, at };
}

export const undoDelete = (removed: StoredRule, at: number) => update((list) => restoreRule(list, removed, at));

export async function importRulePack(data: unknown, selectorWorks?: (s: string) => boolean): Promise<RuleImport> {
  const result = importRules(await storedRules(), data, selectorWorks);
  await siteRulesItem.setValue(result.list);
  return result;
}

export function watchRules(callback: () => void): () => void {
  return siteRulesItem.watch(callback);
}
