import type { SiteRule } from './schema';

/**
 * What a rule is called where it acts. Apart from the schema so the cleaner, which only
 * applies rules already checked, carries no validator.
 */

/** The label shown in reports: the rule's own, else its id. */
export function ruleLabel(rule: Pick<SiteRule, 'id' | 'label'>): string {
  return rule.label || rule.id;
}

/** What a rule's switch starts with, beside the built-in steps' ids. */
export const RULE_SWITCH_PREFIX = 'site-rule:';

/** The switch that turns a rule off for the article at hand (as every built-in step has). */
export function ruleSwitch(rule: Pick<SiteRule, 'id'>): string {
  return `${RULE_SWITCH_PREFIX}${rule.id}`;
}
