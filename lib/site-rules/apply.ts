import { oneLine } from '../blocks';
import { elementText, queryAll } from '../dom/query';
import type { RemovalReport } from '../article/report';
import { parseChineseDate } from '../metadata/dates';
import { readBylineLine } from '../metadata/byline';
import { readMetaLine } from '../metadata/fields';
import type { MatchedRule, RuleScope } from './match';
import { ruleLabel, ruleSwitch } from './names';
import type { FieldName, FieldSource, SiteRule } from './schema';

/** What a site rule did on this page, for the popup's report and the JSON output. */
export interface AppliedRule {
  id: string;
  label: string;
  scope: RuleScope;
  /** `chosen`: the rule's content is the article; `fell-back`: it matched nothing, so automatic extraction ran. */
  content: 'chosen' | 'fell-back' | 'not-set';
  /** The fields the rule's selectors gave. */
  fields: FieldName[];
  removed: number;
}

/** Lazy pictures whose real address sits in the attribute the rule names. */
export function useRulePictureSources(doc: Document, rules: MatchedRule[]): void {
  const attr = rules.map((m) => m.rule.pictures?.srcAttr).find(Boolean);
  if (!attr) return;
  for (const img of queryAll(doc, 'img')) {
    const real = img.getAttribute(attr)?.trim();
    if (real) img.setAttribute('src', real);
  }
}

/** Elements a rule keeps: neither the rule's nor the family's removals take them or what holds them. */
export function keptElements(doc: Document, rules: MatchedRule[]): Set<Element> {
  const kept = new Set<Element>();
  for (const { rule } of rules) for (const sel of rule.keep ?? []) for (const el of queryAll(doc, sel)) kept.add(el);
  return kept;
}

/** Whether removing `el` would take a kept element with it. */
export function holdsKept(el: Element, kept: Set<Element>): boolean {
  if (!kept.size) return false;
  for (let node: Element | null = el; node; node = node.parentElement) if (kept.has(node)) return true;
  for (const k of kept) if (el.contains(k)) return true;
  return false;
}

/** Removes what each rule's `remove` selects, reported under the rule's own switch. */
export function removeByRules(doc: Document, rules: MatchedRule[], kept: Set<Element>, report: RemovalReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { rule } of rules) {
    for (const sel of rule.remove ?? []) {
      for (const el of queryAll(doc, sel)) {
        if (!el.isConnected || holdsKept(el, kept)) continue;
        const text = elementText(el);
        el.remove();
        counts.set(rule.id, (counts.get(rule.id) ?? 0) + 1);
        report.addSample(ruleSwitch(rule), text || `<${el.tagName.toLowerCase()}>`);
      }
    }
  }
  return counts;
}

/** Drops matches nested inside another match, so no text is taken twice. */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/** The article as the most specific rule with a `content` chain finds it: the first selector that matches. */
export function ruleContent(doc: Document, rules: MatchedRule[]): { rule: SiteRule; elements: Element[] } | null {
  for (const { rule } of rules) {
    for (const sel of rule.content ?? []) {
      const found = outermost(queryAll(doc, sel)).filter((el) => elementText(el) || el.querySelector('img'));
      if (found.length) return { rule, elements: found };
    }
  }
  return null;
}

function readSource(doc: Document, source: FieldSource): string | null {
  const { selector, attr } = typeof source === 'string' ? { selector: source, attr: undefined } : source;
  const el = queryAll(doc, selector)[0];
  if (!el) return null;
  const raw = attr ? el.getAttribute(attr) : el.textContent;
  const text = raw ? oneLine(raw.slice(0, 2000)).trim() : '';
  return text || null;
}

/** A field's text as the reader expects it: a byline's name without 作者：, a date as ISO. */
function fieldValue(name: FieldName, text: string): string | null {
  if (name === 'date') return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? text : parseChineseDate(text);
  const line = readMetaLine(text);
  if (name === 'author') return line?.author ?? readBylineLine(text)?.author ?? text.slice(0, 200);
  if (name === 'source') return line?.source ?? text.slice(0, 200);
  if (name === 'editor') return line?.editor ?? text.slice(0, 200);
  return text.slice(0, 1000);
}

export type RuleFields = Partial<Record<FieldName, { value: string; ruleId: string }>>;

/** Each field from the most specific rule whose selectors find it on this page. */
export function readRuleFields(doc: Document, rules: MatchedRule[]): RuleFields {
  const out: RuleFields = {};
  for (const { rule } of rules) {
    for (const [name, spec] of Object.entries(rule.fields ?? {}) as Array<[FieldName, FieldSource | FieldSource[] | undefined]>) {
      if (out[name] || !spec) continue;
      for (const source of Array.isArray(spec) ? spec : [spec]) {
        const text = readSource(doc, source);
        const value = text && fieldValue(name, text);
        if (value) {
          out[name] = { value, ruleId: rule.id };
          break;
        }
      }
    }
  }
  return out;
}

/** The report line for each matched rule. */
export function appliedRules(rules: MatchedRule[], chosen: SiteRule | null, fields: RuleFields, removed: Map<string, number>): AppliedRule[] {
  return rules.map(({ rule, scope }) => ({
    id: rule.id,
    label: ruleLabel(rule),
    scope,
    content: chosen === rule ? 'chosen' : rule.content?.length ? 'fell-back' : 'not-set',
    fields: (Object.keys(fields) as FieldName[]).filter((f) => fields[f]!.ruleId === rule.id),
    removed: removed.get(rule.id) ?? 0,
  }));
}
