import { METADATA_LINES } from '../../lib/article/body';
import { ALL_RULES } from '../../lib/rules';
import { t } from '../../platform/i18n';

/** Cleanup steps the user can switch off for one article: the rule registry's ids and the metadata-line step. */
export const SWITCHABLE_RULES = new Set([...ALL_RULES.map((r) => r.id), METADATA_LINES]);

/** "seo-links" → its localized name in messages.json (rule_seo_links); the id itself if none. */
export function ruleLabel(id: string): string {
  const key = `rule_${id.replace(/-/g, '_')}` as Parameters<typeof t>[0];
  try {
    return t(key);
  } catch {
    return id;
  }
}
