import { useEffect, useState } from 'preact/hooks';
import { ruleFileData } from '../../lib/site-rules/rule-file';
import { type SiteRule, parseRules, ruleLabel } from '../../lib/site-rules/schema';
import { type StoredRule, rulePack } from '../../lib/site-rules/store';
import { downloadBlob } from '../../platform/download';
import { t } from '../../platform/i18n';
import { deleteRule, importRulePack, saveRule, storedRules, undoDelete, watchRules } from '../../platform/site-rules';

/** The browser's own selector parser decides what a rule's selectors may be. */
const selectorWorks = (selector: string) => {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
};

/** Where a rule acts, in a few words: its hosts, its pages, or the markup it looks for. */
function whereText(rule: SiteRule): string {
  const m = rule.match;
  return [...(m.urls ?? []), ...(m.hosts ?? []).map((h) => `${h}${m.paths?.length ? ` ${m.paths.join(' ')}` : ''}`), ...(m.dom?.length ? [m.dom.join(' + ')] : [])].join('，');
}

function RuleRow({ stored, onDeleted }: { stored: StoredRule; onDeleted: (r: StoredRule, at: number) => void }) {
  const { rule } = stored;
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState('');
  const saveEdit = async () => {
    let data: unknown;
    try {
      data = JSON.parse(text!);
    } catch (err) {
      return setError(t('optRuleInvalid', (err as Error).message));
    }
    const { rules, refused } = parseRules(data, selectorWorks);
    if (!rules[0]) return setError(t('optRuleInvalid', refused[0]?.reason ?? ''));
    await saveRule(rules[0]);
    if (rules[0].id !== rule.id) await deleteRule(rule.id); // the id was changed: the edit replaces the rule
    setText(null);
    setError('');
  };
  const remove = async () => {
    const { removed, at } = await deleteRule(rule.id);
    if (removed) onDeleted(removed, at);
  };
  return (
    <li data-rule-id={rule.id}>
      <label>
        <input type="checkbox" class="rule-enabled" checked={rule.enabled !== false} onChange={(e) => void saveRule({ ...rule, enabled: (e.target as HTMLInputElement).checked })} />
        <b>{ruleLabel(rule)}</b>
      </label>{' '}
      <span class="note">{whereText(rule)} · {stored.served ? t('optRuleUsage', stored.served, stored.lastUsed?.slice(0, 10) ?? '') : t('optRuleNeverUsed')}</span>
      <button class="rule-edit" onClick={() => setText(JSON.stringify(rule, null, 2))}>{t('optRuleEdit')}</button>
      <button class="rule-delete" onClick={remove}>{t('delete')}</button>
      {text !== null && (
        <div class="rule-editor">
          <textarea class="rule-text" rows={12} value={text} spellcheck={false} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          <button class="rule-save" onClick={saveEdit}>{t('optRuleSaveEdit')}</button>
          <button onClick={() => (setText(null), setError(''))}>{t('optRuleCancel')}</button>
          {error && <p class="error rule-error">{error}</p>}
        </div>
      )}
    </li>
  );
}

/** The user's site rules: listed, switched, edited as text, deleted with undo, exported and imported. */
export function SiteRulesSection() {
  const [rules, setRules] = useState<StoredRule[]>([]);
  const [deleted, setDeleted] = useState<{ removed: StoredRule; at: number } | null>(null);
  const [report, setReport] = useState<string[]>([]);
  useEffect(() => {
    const load = () => void storedRules().then(setRules);
    load();
    return watchRules(load);
  }, []);

  const exportPack = () => downloadBlob(`jingdu-rules-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(rulePack(rules), null, 1), 'application/json');
  const importFiles = async (files: FileList | null) => {
    const lines: string[] = [];
    let added = 0;
    let unchanged = 0;
    let kept = 0;
    for (const file of [...(files ?? [])]) {
      const read = ruleFileData(file.name, await file.text());
      if ('error' in read) {
        lines.push(t('optRuleRefused', file.name, read.error));
        continue;
      }
      for (const n of read.notImported) lines.push(t('optRuleRefused', `${file.name}${n.line ? `:${n.line}` : ''}`, `${n.reason} (${n.text})`));
      const result = await importRulePack(read.data, selectorWorks);
      added += result.added.length;
      unchanged += result.unchanged.length;
      kept += result.keptYours.length;
      for (const r of result.refused) lines.push(t('optRuleRefused', `${file.name} #${r.index}${r.id ? ` (${r.id})` : ''}`, r.reason));
    }
    setReport([t('optRulesImported', added, unchanged, kept), ...lines]);
  };

  return (
    <section id="site-rules">
      <h2>{t('optRules')}</h2>
      {rules.length ? (
        <ul id="rules">
          {rules.map((r) => <RuleRow key={r.rule.id} stored={r} onDeleted={(removed, at) => setDeleted({ removed, at })} />)}
        </ul>
      ) : (
        <p class="note" id="no-rules">{t('optRulesEmpty')}</p>
      )}
      {deleted && (
        <p id="rule-deleted" role="status">
          {t('optRuleDeleted', ruleLabel(deleted.removed.rule))}
          <button id="undo-rule-delete" onClick={() => void undoDelete(deleted.removed, deleted.at).then(() => setDeleted(null))}>{t('undo')}</button>
        </p>
      )}
      <p>
        <button id="export-rules" onClick={exportPack} disabled={!rules.length}>{t('optRulesExport')}</button>{' '}
        <label>
          {t('optRulesImport')}
          <input id="import-rules" type="file" multiple accept=".json,.txt,application/json,text/plain" onChange={(e) => void importFiles((e.target as HTMLInputElement).files)} />
        </label>
      </p>
      {report.length > 0 && (
        <ul id="rules-import-report">
          {report.map((line, i) => <li key={i}>{line}</li>)}
        </ul>
      )}
    </section>
  );
}
