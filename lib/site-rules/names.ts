import type { SiteRule } from './schema';

/**
 * What a rule is called where it acts. Apart from the schema so the cleaner, which only
 * applies rules already checked, carries no validator.
 */

/** The label shown in reports: the rule's own, else its id. */
export function ruleLabel(rule: Pick<SiteRule, 'id' | 'label'>): string {
  return rule.label || rule.id;
}

/** The switch that turns a rule off for the article at hand (as every built-in step has). */
export function ruleSwitch(rule: Pick<SiteRule, 'id'>): string {
  return `site-rule:${rule.id}`;
}
