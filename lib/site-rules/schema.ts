import * as v from 'valibot';

/**
 * A site rule: inert data a user (or a rule pack) writes to fix how one page, one site or
 * every page of an engine is cleaned. No regular expressions and no code: selectors are CSS,
 * paths are `*` wildcards, so a rule from anywhere can only choose, cut or read elements.
 */
export const RULE_SCHEMA_VERSION = 1;

const MOST_SELECTORS = 50;
/** `:has()` is left out: nested in a rule it can cost time quadratic in the page. */
const selector = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'an empty selector'),
  v.maxLength(500, 'a selector longer than 500 characters'),
  v.check((s) => !/:has\(/i.test(s), ':has() is not supported in rules'),
);
const selectors = v.pipe(v.array(selector), v.maxLength(MOST_SELECTORS, `more than ${MOST_SELECTORS} selectors`));
const attrName = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z_:][-\w:.]{0,63}$/, 'not an attribute name'));

/** Where a field is read: a selector (its text), or a selector and an attribute, or a fallback chain of either. */
const fieldSource = v.union([selector, v.object({ selector, attr: v.optional(attrName) })]);
const field = v.union([fieldSource, v.pipe(v.array(fieldSource), v.minLength(1), v.maxLength(10))]);

/** `news.example.com` is that host; `.example.org` is the domain and every subdomain. Ports are not part of a host. */
const host = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(253, 'a host longer than 253 characters'),
  v.regex(/^\.?[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*$/u, 'not a host name (news.example.com, or .example.com for every subdomain)'),
);
const path = v.pipe(v.string(), v.maxLength(500, 'a path longer than 500 characters'), v.regex(/^\//, 'a path starts with /'));
const webUrl = v.pipe(v.string(), v.trim(), v.maxLength(2000, 'an address longer than 2,000 characters'), v.regex(/^https?:\/\/[^\s]+$/i, 'not a web address (http or https)'));
const phrase = v.pipe(v.string(), v.minLength(1), v.maxLength(1000));

const match = v.pipe(
  v.object({
    hosts: v.optional(v.pipe(v.array(host), v.maxLength(100))),
    paths: v.optional(v.pipe(v.array(path), v.maxLength(MOST_SELECTORS))),
    /** Exact addresses (scheme, host, path and query; the #fragment is ignored): a rule for one page. */
    urls: v.optional(v.pipe(v.array(webUrl), v.maxLength(100))),
    dom: v.optional(selectors),
  }),
  v.check((m) => !!(m.hosts?.length || m.urls?.length || m.dom?.length), 'names no host, address or page markup, so it would act on every page'),
);

const fields = v.object({
  title: v.optional(field),
  author: v.optional(field),
  date: v.optional(field),
  source: v.optional(field),
  editor: v.optional(field),
});

const ruleTest = v.object({
  url: webUrl,
  contains: v.optional(v.pipe(v.array(phrase), v.maxLength(20))),
  notContains: v.optional(v.pipe(v.array(phrase), v.maxLength(20))),
});

export const siteRuleSchema = v.object({
  schema: v.literal(RULE_SCHEMA_VERSION, `not a Jingdu site rule of schema ${RULE_SCHEMA_VERSION}`),
  id: v.pipe(v.string(), v.regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,79}$/u, 'an id is letters, digits, . _ - (at most 80)')),
  label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  match,
  content: v.optional(selectors),
  remove: v.optional(selectors),
  keep: v.optional(selectors),
  fields: v.optional(fields),
  nextPage: v.optional(selector),
  pictures: v.optional(v.object({ srcAttr: v.optional(attrName) })),
  tests: v.optional(v.pipe(v.array(ruleTest), v.maxLength(20))),
  /** Off keeps the rule but stops it acting. */
  enabled: v.optional(v.boolean()),
});

export type SiteRule = v.InferOutput<typeof siteRuleSchema>;
export type FieldName = keyof NonNullable<SiteRule['fields']>;
export type FieldSource = v.InferOutput<typeof fieldSource>;

export interface RefusedRule {
  /** Position in the file (from 1), and the id where the entry has one. */
  index: number;
  id?: string;
  reason: string;
}

const MOST_RULES = 5000;

/** Every selector a rule carries, for a check only a DOM can make. */
export function ruleSelectors(rule: SiteRule): string[] {
  const sources = Object.values(rule.fields ?? {}).flatMap((f) => (Array.isArray(f) ? f : [f]));
  return [
    ...(rule.match.dom ?? []),
    ...(rule.content ?? []),
    ...(rule.remove ?? []),
    ...(rule.keep ?? []),
    ...sources.map((s) => (typeof s === 'string' ? s : s.selector)),
    ...(rule.nextPage ? [rule.nextPage] : []),
  ];
}

function issueText(issue: v.BaseIssue<unknown>): string {
  const where = issue.path?.map((p) => String(p.key)).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Checks untrusted data (a rule file, a pack, a backup's rules) entry by entry: what passes
 * is returned, what does not is listed with the reason. `selectorWorks` (a DOM's own parser)
 * refuses selectors the browser would reject. Later entries with an id already seen replace it.
 */
export function parseRules(data: unknown, selectorWorks?: (selector: string) => boolean): { rules: SiteRule[]; refused: RefusedRule[] } {
  const entries = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { rules?: unknown }).rules) ? (data as { rules: unknown[] }).rules : [data];
  const refused: RefusedRule[] = [];
  const byId = new Map<string, SiteRule>();
  entries.slice(0, MOST_RULES).forEach((entry, i) => {
    const id = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? String((entry as { id: string }).id).slice(0, 80) : undefined;
    const parsed = v.safeParse(siteRuleSchema, entry);
    if (!parsed.success) return refused.push({ index: i + 1, id, reason: issueText(parsed.issues[0]) });
    const bad = selectorWorks && ruleSelectors(parsed.output).find((s) => !selectorWorks(s));
    if (bad) return refused.push({ index: i + 1, id, reason: `not a valid CSS selector: ${bad.slice(0, 100)}` });
    byId.set(parsed.output.id, parsed.output);
  });
  if (entries.length > MOST_RULES) refused.push({ index: MOST_RULES + 1, reason: `more than ${MOST_RULES} rules: the rest were not read` });
  return { rules: [...byId.values()], refused };
}

export { ruleLabel, ruleSwitch } from './names';
