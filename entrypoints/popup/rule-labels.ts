import { METADATA_LINES } from '../../lib/article/body';
import { ALL_RULES } from '../../lib/rules';
import { RULE_SWITCH_PREFIX } from '../../lib/site-rules/names';
import { t } from '../../platform/i18n';

/** Cleanup steps the user can switch off for one article: the rule registry's ids and the metadata-line step. */
export const SWITCHABLE_RULES = new Set([...ALL_RULES.map((r) => r.id), METADATA_LINES]);

/** A step the user can switch off for the article at hand: a built-in one, or one of their site rules. */
export function isSwitchable(id: string): boolean {
  return SWITCHABLE_RULES.has(id) || id.startsWith(RULE_SWITCH_PREFIX);
}

/**
 * "seo-links" → its localized name in messages.json (rule_seo_links); a site rule's switch →
 * 站点规则「its label」; the id itself if none.
 */
export function ruleLabel(id: string, siteRuleLabels: ReadonlyMap<string, string> = new Map()): string {
  if (id.startsWith(RULE_SWITCH_PREFIX)) {
    const ruleId = id.slice(RULE_SWITCH_PREFIX.length);
    return t('siteRuleReport', siteRuleLabels.get(ruleId) ?? ruleId);
  }
  const key = `rule_${id.replace(/-/g, '_')}` as Parameters<typeof t>[0];
  try {
    return t(key);
  } catch {
    return id;
  }
}
