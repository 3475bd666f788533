import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ruleFileData } from '../lib/site-rules/rule-file';
import { type SiteRule, parseRules } from '../lib/site-rules/schema';
import { stat } from './inputs';
import { UsageError } from './usage-error';

/** A rule file larger than this is no rule file. */
const LARGEST_RULE_FILE = 8 << 20;

export interface LoadedRules {
  rules: SiteRule[];
  /** One line per entry or line not taken, for stderr. */
  warnings: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() && /\.(json|txt)$/i.test(e.name) ? [join(dir, e.name)] : []));
}

function readRuleFile(path: string, into: LoadedRules): void {
  const info = stat(path);
  if (!info?.isFile()) throw new UsageError(`--rules ${path}: no such file or folder`);
  if (info.size > LARGEST_RULE_FILE) throw new UsageError(`--rules ${path}: larger than any rule file (${LARGEST_RULE_FILE >> 20} MB)`);
  const read = ruleFileData(basename(path), readFileSync(path, 'utf8'));
  if ('error' in read) throw new UsageError(`--rules ${path}: ${read.error}`);
  for (const n of read.notImported) into.warnings.push(`${path}${n.line ? `:${n.line}` : ''}: not imported (${n.reason}): ${n.text}`);
  const { rules, refused } = parseRules(read.data);
  into.rules.push(...rules);
  for (const r of refused) into.warnings.push(`${path}: rule ${r.index}${r.id ? ` (${r.id})` : ''} refused: ${r.reason}`);
}

/** Rules from files and folders (JSON: one rule, an array or a pack; .txt: ftr-site-config). Later ids replace earlier ones. */
export function loadRules(paths: string[]): LoadedRules {
  const loaded: LoadedRules = { rules: [], warnings: [] };
  for (const path of paths) {
    const info = stat(path);
    if (info?.isDirectory()) for (const file of filesUnder(path)) readRuleFile(file, loaded);
    else readRuleFile(path, loaded);
  }
  const byId = new Map(loaded.rules.map((r) => [r.id, r]));
  return { rules: [...byId.values()], warnings: loaded.warnings };
}
