import { queryFirst } from '../dom/query';
import type { SiteRule } from './schema';

/** How much of the page a rule names: a rule for this page outranks one for its site, which outranks one for its engine. */
export type RuleScope = 'page' | 'path' | 'site' | 'engine';
const SCOPE_RANK: Record<RuleScope, number> = { page: 3, path: 2, site: 1, engine: 0 };

/** `.example.org` covers example.org and its subdomains; anything else is that host alone. */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!pattern.startsWith('.')) return host === pattern;
  return host === pattern.slice(1) || host.endsWith(pattern);
}

/**
 * `*` stands for any run of characters, everything else for itself. Literal parts are
 * found left to right, each once, so the cost is linear in path and pattern.
 */
export function pathMatches(pattern: string, path: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === path;
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (!path.startsWith(first) || path.length < first.length + last.length || !path.endsWith(last)) return false;
  let at = first.length;
  const end = path.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = path.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The scope a rule matches this page at, or null when it does not apply here. */
export function ruleScope(rule: SiteRule, doc: Document, url: string): RuleScope | null {
  if (rule.enabled === false) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  const m = rule.match;
  const dom = m.dom ?? [];
  if (!dom.every((s) => queryFirst(doc, s) !== null)) return null;
  if (m.urls?.length) {
    if (!parsed || !m.urls.some((u) => withoutFragment(u) === withoutFragment(parsed!.href))) return null;
    return 'page';
  }
  if (m.hosts?.length) {
    if (!parsed || !m.hosts.some((h) => hostMatches(h, parsed!.hostname))) return null;
  }
  if (m.paths?.length && !(parsed && m.paths.some((p) => pathMatches(p, parsed!.pathname)))) return null;
  if (m.hosts?.length) return m.paths?.length ? 'path' : 'site';
  return dom.length ? 'engine' : null;
}

export interface MatchedRule {
  rule: SiteRule;
  scope: RuleScope;
}

/** The rules that apply to this page, the most specific first (ties keep the user's order). */
export function matchingRules(rules: readonly SiteRule[], doc: Document, url: string): MatchedRule[] {
  const matched: MatchedRule[] = [];
  for (const rule of rules) {
    const scope = ruleScope(rule, doc, url);
    if (scope) matched.push({ rule, scope });
  }
  return matched.sort((a, b) => SCOPE_RANK[b.scope] - SCOPE_RANK[a.scope]);
}
