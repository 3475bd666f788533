import { useEffect, useMemo, useRef } from 'preact/hooks';
import { previewHtml } from '../../lib/article/preview';
import { addsToTitle } from '../../lib/article/subtitle';
import { displayTime } from '../../lib/metadata/display';
import { boundRemotePictures, holdPictures, showClickedPicture } from '../../lib/pictures/held';
import { createSanitizer } from '../../lib/sanitize';
import type { CleanArticle } from '../../lib/types';
import { familyLabel } from '../../platform/family';
import { t } from '../../platform/i18n';
import { isSwitchable, ruleLabel } from './rule-labels';
import { SiteRulesLine } from './SiteRulesLine';


/** A User Timing mark, visible only to the popup's own page. */
export const ARTICLE_SHOWN = 'jingdu:article-shown';


/** One metadata line; data-field names the field whatever the UI language. */
function MetaRow({ field, label, value, guessed = false }: { field: string; label: string; value: string | number | null | undefined; guessed?: boolean }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-field={field}>
        {value}
        {/* An inferred author or date is marked, not stated as fact. */}
        {guessed && <span class="guessed" data-guessed={field} title={t('lowConfidenceHint')}>（{t('lowConfidence')}）</span>}
      </dd>
    </>
  );
}

interface Props {
  article: CleanArticle;
  /** Cleanup rules the user switched off for this article. */
  disabledRules: string[];
  onToggleRule: (rule: string, on: boolean) => void;
  /** Labels of the user's site rules by id, for the report (a rule switched off is no longer in the article). */
  siteRuleLabels: ReadonlyMap<string, string>;
  /** Pictures the page itself loaded: shown as they are; the others wait for a click. */
  loadedPictures: string[];
  /** The reader's typography as custom properties (lib/reader/typography.ts), for the preview. */
  typography?: Record<string, string>;
}

export function ArticleView({ article, disabledRules, onToggleRule, siteRuleLabels, loadedPictures, typography }: Props) {
  // Sanitized again here: the popup never trusts HTML that came out of a page.
  const preview = useMemo(() => previewHtml(article.contentHtml, document), [article.contentHtml]);
  const html = useMemo(() => {
    const loaded = new Set(loadedPictures);
    return holdPictures(createSanitizer(window)(preview.html), (src) => loaded.has(src), (alt) => t('heldPicture', alt)).html;
  }, [preview.html, loadedPictures]);
  const content = useRef<HTMLDivElement>(null);
  // Effects run after the frame that painted the article: the bench reads this mark (click→article).
  useEffect(() => void performance.mark(ARTICLE_SHOWN), []);
  useEffect(() => {
    if (content.current) boundRemotePictures(content.current);
  }, [html]);
  return (
    <article>
      {article.siteRules?.length ? <SiteRulesLine rules={article.siteRules} family={familyLabel(article.template.id, article.template.label)} /> : null}
      <h1 id="title">{article.title}</h1>
      {addsToTitle(article.title, article.subtitle) && <h2 class="subtitle">{article.subtitle}</h2>}
      <dl class="meta">
        {/* A byline that only credits the editor is shown once, as the editor. */}
        <MetaRow field="author" label={t('metaAuthor')} value={article.author ?? (article.editor && article.byline?.includes(article.editor) ? null : article.byline)} guessed={article.confidence?.author === 'low'} />
        <MetaRow field="source" label={t('metaSource')} value={article.source} />
        <MetaRow field="editor" label={t('metaEditor')} value={article.editor} />
        <MetaRow field="credits" label={t('metaCredits')} value={article.credits?.join('；')} />
        <MetaRow field="published" label={t('metaPublished')} value={displayTime(article.published)} guessed={article.confidence?.published === 'low'} />
        <MetaRow field="edition" label={t('metaEdition')} value={article.edition} />
        <MetaRow field="poster" label={t('metaPoster')} value={article.poster} />
        <MetaRow field="views" label={t('metaViews')} value={article.stats.views} />
      </dl>
      <div class="content" id="content" ref={content} style={typography} onClick={showClickedPicture} dangerouslySetInnerHTML={{ __html: html }} />
      {preview.shown < preview.total && (
        <p class="preview-note" id="preview-note">{t('previewTruncated', preview.shown.toLocaleString(), preview.total.toLocaleString())}</p>
      )}
      {/* An ordinary article needs no family line; a recognised family is named, with what it was recognised by, after the article. */}
      {article.template.id !== 'generic' && (
        <details class="template" id="family">
          <summary>
            <span class="badge" data-template={article.template.id}>{t('familyFound', familyLabel(article.template.id, article.template.label))}</span>
          </summary>
          <ul class="evidence">
            {article.template.evidence.map((e) => <li key={e}>{e}</li>)}
          </ul>
        </details>
      )}
      {(article.removed.length > 0 || disabledRules.length > 0) && (
        <details class="removed" id="removed">
          <summary>{t('removedCount', article.removed.reduce((n, r) => n + r.count, 0))}</summary>
          <ul>
            {article.removed.map((r) => (
              <li key={r.rule} data-rule={r.rule}>
                <b>{ruleLabel(r.rule, siteRuleLabels)}</b> ×{r.count}
                {isSwitchable(r.rule) && (
                  <button class="rule-toggle" title={t('ruleOffHint')} onClick={() => onToggleRule(r.rule, false)}>{t('ruleOff')}</button>
                )}
                {r.samples.length > 0 && <span class="samples">：{r.samples.join(' · ')}</span>}
              </li>
            ))}
            {disabledRules.map((rule) => (
              <li key={rule} data-rule={rule} class="off">
                <b>{ruleLabel(rule, siteRuleLabels)}</b> {t('ruleDisabled')}
                <button class="rule-toggle" onClick={() => onToggleRule(rule, true)}>{t('ruleOn')}</button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
