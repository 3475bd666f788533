import type { RemovedItem } from '../types';
import type { Block } from '../blocks';
import type { Rule, RuleContext, RuleResult } from '../rules/types';

/** Collects what each step removed, for the popup's report and the JSON output. */
export class RemovalReport {
  private items = new Map<string, RemovedItem>();

  add(rule: string, result: RuleResult): void {
    if (result.removed === 0) return;
    const item = this.items.get(rule) ?? { rule, count: 0, samples: [] };
    item.count += result.removed;
    for (const s of result.samples) if (item.samples.length < 5 && !item.samples.includes(s)) item.samples.push(s);
    this.items.set(rule, item);
  }

  addSample(rule: string, sample: string): void {
    this.add(rule, { removed: 1, samples: [sample.length > 80 ? `${sample.slice(0, 77)}...` : sample] });
  }

  list(): RemovedItem[] {
    return [...this.items.values()];
  }
}

/** Runs rules in order over blocks, skipping the ones the user switched off. */
export function runRules(rules: Rule[], blocks: Block[], ctx: RuleContext, report: RemovalReport, disabled: string[] = []): void {
  for (const rule of rules) {
    if (disabled.includes(rule.id)) continue;
    report.add(rule.id, rule.apply(blocks, ctx));
    for (const b of blocks) if (!b.dropped && b.kind !== 'image' && !b.text.trim()) b.dropped = true;
  }
}
