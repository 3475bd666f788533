import type { AppliedRule } from '../../lib/site-rules/apply';
import { t } from '../../platform/i18n';

const FIELD_LABEL = { title: 'pickerTitle', author: 'metaAuthor', date: 'metaPublished', source: 'metaSource', editor: 'metaEditor' } as const;

/**
 * Which of the user's rules shaped this article, what each did, and that it came before the
 * family's automatic cleaning: a fix the user made is shown where it acts.
 */
export function SiteRulesLine({ rules, family }: { rules: AppliedRule[]; family: string }) {
  return (
    <ul class="site-rules" id="site-rules">
      {rules.map((r) => {
        const did = [
          r.content === 'chosen' ? t('ruleContentChosen') : r.content === 'fell-back' ? t('ruleContentFellBack') : '',
          r.removed ? t('ruleRemovedCount', r.removed) : '',
          r.fields.length ? t('ruleFieldsSet', r.fields.map((f) => t(FIELD_LABEL[f])).join('、')) : '',
        ].filter(Boolean);
        return (
          <li key={r.id} data-rule-id={r.id} class={r.content === 'fell-back' ? 'fell-back' : ''}>
            <b>{t('yourRule', r.label, t(`ruleScope_${r.scope}`))}</b>
            {did.length > 0 && `：${did.join('；')}`}
            <span class="outranks"> · {t('ruleOutranks', family)}</span>
          </li>
        );
      })}
    </ul>
  );
}
