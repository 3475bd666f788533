import { type RefusedRule, type SiteRule, parseRules } from './schema';

/**
 * The user's rules as kept: each rule with when it was made and last used, and how many
 * articles it served. Pure functions over the list; the extension keeps it in storage.
 */
export interface StoredRule {
  rule: SiteRule;
  addedAt: string;
  lastUsed?: string;
  served: number;
}

/** A rule pack file: what the options page exports and imports, and what the library backup carries. */
export interface RulePack {
  format: 'jingdu-rules';
  version: 1;
  exported: string;
  rules: SiteRule[];
}

export function rulePack(rules: StoredRule[], now = new Date().toISOString()): RulePack {
  return { format: 'jingdu-rules', version: 1, exported: now, rules: rules.map((r) => r.rule) };
}

/** Adds a rule or replaces the user's own rule of that id (an edit), keeping its history. */
export function upsertRule(list: StoredRule[], rule: SiteRule, now = new Date().toISOString()): StoredRule[] {
  const old = list.find((r) => r.rule.id === rule.id);
  if (!old) return [...list, { rule, addedAt: now, served: 0 }];
  return list.map((r) => (r === old ? { ...old, rule } : r));
}

export function removeRule(list: StoredRule[], id: string): { list: StoredRule[]; removed: StoredRule | undefined; at: number } {
  const at = list.findIndex((r) => r.rule.id === id);
  return { list: list.filter((_, i) => i !== at), removed: list[at], at };
}

/** Undo of a delete: the rule back where it was, unless one of its id was made since. */
export function restoreRule(list: StoredRule[], removed: StoredRule, at: number): StoredRule[] {
  if (list.some((r) => r.rule.id === removed.rule.id)) return list;
  return [...list.slice(0, at), removed, ...list.slice(at)];
}

/** Counts an article served by these rules. */
export function noteUse(list: StoredRule[], ids: string[], now = new Date().toISOString()): StoredRule[] {
  if (!ids.length) return list;
  return list.map((r) => (ids.includes(r.rule.id) ? { ...r, lastUsed: now, served: r.served + 1 } : r));
}

export interface RuleImport {
  list: StoredRule[];
  added: string[];
  /** Same id, same rule: nothing to do. */
  unchanged: string[];
  /** Same id, another rule: the user's own is kept (never silently replaced); the import says so. */
  keptYours: string[];
  refused: RefusedRule[];
}

function sameRule(a: SiteRule, b: SiteRule): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Imports untrusted rules (a pack, a backup's rules, one rule): each checked, none replacing the user's own. */
export function importRules(list: StoredRule[], data: unknown, selectorWorks?: (s: string) => boolean, now = new Date().toISOString()): RuleImport {
  const entries = data && typeof data === 'object' && (data as RulePack).format === 'jingdu-rules' ? (data as RulePack).rules : data;
  const { rules, refused } = parseRules(entries, selectorWorks);
  const out: RuleImport = { list: [...list], added: [], unchanged: [], keptYours: [], refused };
  for (const rule of rules) {
    const mine = out.list.find((r) => r.rule.id === rule.id);
    if (!mine) {
      out.list.push({ rule, addedAt: now, served: 0 });
      out.added.push(rule.id);
    } else (sameRule(mine.rule, rule) ? out.unchanged : out.keptYours).push(rule.id);
  }
  return out;
}

/** Rules kept in storage are checked again when read: storage can hold what an older version or a bug wrote. */
export function readStoredRules(raw: unknown): StoredRule[] {
  if (!Array.isArray(raw)) return [];
  const out: StoredRule[] = [];
  for (const entry of raw) {
    const rule = parseRules((entry as StoredRule)?.rule).rules[0];
    if (!rule) continue;
    const e = entry as Partial<StoredRule>;
    out.push({ rule, addedAt: typeof e.addedAt === 'string' ? e.addedAt : '', lastUsed: typeof e.lastUsed === 'string' ? e.lastUsed : undefined, served: Number.isInteger(e.served) ? e.served! : 0 });
  }
  return out;
}
