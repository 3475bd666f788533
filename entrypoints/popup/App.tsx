import { useEffect, useMemo, useState } from 'preact/hooks';
import { type FieldEdits, withEdits } from '../../lib/article/edits';
import type { ScriptVariant } from '../../lib/convert/variants';
import { articleFilename } from '../../lib/export/filename';
import { clipboardPayload } from '../../lib/export/clipboard';
import { type ExportFormat, FORMAT_INFO, exportArticle } from '../../lib/export/formats';
import type { CleanArticle, CleanOptions } from '../../lib/types';
import { t } from '../../platform/i18n';
import { keepPicturesEnabled, openExtensionPage, followPictureJob, pictureChoice, saveArticle } from '../../platform/library-actions';
import { articleScript, defaultFormat, readerDraft, readerPrefs, siteCleanOptions, type SiteCleanOptions } from '../../platform/settings';
import { previewTypography } from '../../lib/reader/typography';
import { ArticleView } from './ArticleView';
import { type FirstCleaning, type PopupState, cleanTab, hostnameOf } from './clean-tab';
import { convertArticleOffThread } from '../../platform/convert-article';
import { downloadBlob } from '../../platform/download';
import { MENU_FORMATS, formatLabel } from '../../platform/format-label';
import { ScriptControls } from './ScriptControls';
import { MergeStatus } from './MergeStatus';
import { type PageSize, STOPPED_BY_READER } from '../../lib/messages';
import { EditFields } from './EditFields';
import { MoreMenu } from './MoreMenu';
import { openPicker } from '../../platform/picker';

async function rememberForSite(hostname: string, choice: SiteCleanOptions): Promise<void> {
  if (!hostname) return;
  const sites = await siteCleanOptions.getValue();
  await siteCleanOptions.setValue({ ...sites, [hostname]: { ...sites[hostname], ...choice } });
}

function tooLargeMessage(size: PageSize | undefined): string {
  const n = (x: number | undefined) => (x ?? 0).toLocaleString();
  return t('tooLarge', n(size?.elements), n(size?.characters));
}

/** "已合并全部 3 页", or what was merged and the first page that was not, with why. */
function mergedNotice(later: number, notMerged: Array<{ url: string; reason: string }>): string {
  if (!notMerged.length) return t('pagesMerged', later + 1);
  const reason = notMerged[0]!.reason;
  return t('pagesMergedPartly', later + 1, reason === STOPPED_BY_READER ? t('mergeStopped') : reason);
}

export function App({ first }: { first: FirstCleaning }) {
  const [state, setState] = useState<PopupState>(first.settled?.state ?? { kind: 'loading' });
  const [format, setFormat] = useState<ExportFormat>('md');
  const [notice, setNotice] = useState('');
  const [recleaning, setRecleaning] = useState(false);
  const [variant, setVariant] = useState<ScriptVariant>('original');
  // The article as shown, with the script it was converted to: it lags the label while converting.
  const [shown, setShown] = useState<{ variant: ScriptVariant; article: CleanArticle; from: CleanArticle } | null>(null);
  // Cleaning options the user changed for this article; changing one cleans the page again.
  const [options, setOptions] = useState<CleanOptions>(first.settled?.options ?? {});
  // Read ahead, so the save click can ask for picture access at once.
  const [keepPics, setKeepPics] = useState(true);
  // Title, author, source, date as the user typed them: what is saved, exported and named on disk.
  const [edits, setEdits] = useState<FieldEdits>({});
  // Labels of the user's rules seen on this page, so a rule switched off is still named.
  const [ruleLabels, setRuleLabels] = useState<ReadonlyMap<string, string>>(new Map());
  // The preview is set as the reader is: the same font, spacing and theme chosen in its 排版 panel.
  const [typography, setTypography] = useState<Record<string, string> | undefined>(undefined);

  useEffect(() => {
    first.options.then(setOptions);
    first.state.then(setState);
    articleScript.getValue().then(setVariant);
    defaultFormat.getValue().then(setFormat);
    keepPicturesEnabled().then(setKeepPics);
    readerPrefs.getValue().then((stored) => {
      const { theme, style } = previewTypography(stored);
      document.documentElement.dataset.theme = theme;
      setTypography(style);
    });
  }, []);

  // The converted view is derived from the original article (with the user's edits), which is never changed.
  const cleaned = state.kind === 'ready' ? state.result.article : null;
  const original = useMemo(() => (cleaned ? withEdits(cleaned, edits) : null), [cleaned, edits]);
  useEffect(() => {
    if (cleaned?.siteRules?.length) setRuleLabels((m) => new Map([...m, ...cleaned.siteRules!.map((r) => [r.id, r.label] as const)]));
  }, [cleaned]);
  const fixPage = async (tabId: number) => {
    try {
      await openPicker(tabId);
      window.close(); // the page is where the picking happens
    } catch (err) {
      setNotice(String((err as Error).message ?? err));
    }
  };
  useEffect(() => {
    if (!original) return;
    if (variant === 'original') return setShown({ variant, article: original, from: original });
    let live = true;
    convertArticleOffThread(original, variant).then((converted) => live && setShown({ variant, article: converted, from: original }));
    return () => {
      live = false;
    };
  }, [original, variant]);

  const cleanAnyway = () => {
    const next = { ...options, cleanLargePages: true };
    setOptions(next);
    setState({ kind: 'loading' });
    cleanTab(next).then(setState, (err) => setState({ kind: 'failed', reason: 'error', message: String(err) }));
  };
  if (state.kind === 'loading')
    return (
      <main>
        <p class="status" role="status">{t('cleaning')}</p>
        <MergeStatus />
      </main>
    );
  if (state.kind === 'restricted') return <p class="status error" id="message">{t('restricted')}</p>;
  if (state.kind === 'failed')
    return (
      <main>
        <p class="status error" id="message">
          {state.reason === 'no-article' ? t('noArticle') : state.reason === 'too-slow' ? t('tooSlow') : state.reason === 'too-large' ? tooLargeMessage(state.size) : t('cleanError') + state.message}
        </p>
        {state.reason === 'too-large' && (
          <p>
            <button id="clean-anyway" onClick={cleanAnyway}>{t('cleanAnyway')}</button>
          </p>
        )}
        {state.tabId !== undefined && (
          <p>
            <button id="fix-page" onClick={() => fixPage(state.tabId!)}>{t('fixPage')}</button>
            <span class="notice" role="status">{notice}</span>
          </p>
        )}
        {state.tabId !== undefined && <ScriptControls tabId={state.tabId} hostname={hostnameOf(state.url)} />}
      </main>
    );

  const edited = original!;
  const current = shown?.from === edited && shown.variant === variant ? shown.article : null;
  const article = current ?? (shown?.variant === variant ? shown.article : edited);
  const converting = !current && variant !== 'original';
  /** The article in the script its label says, waiting for a conversion still running: what is saved or exported is what it says. */
  const labelled = async (): Promise<CleanArticle> => {
    if (variant === 'original') return edited;
    return current ?? convertArticleOffThread(edited, variant);
  };
  const chooseVariant = (v: ScriptVariant) => {
    setVariant(v);
    void articleScript.setValue(v);
  };
  const copy = async () => {
    const payload = clipboardPayload(await labelled(), format);
    try {
      const parts = Object.fromEntries(Object.entries(payload).map(([type, text]) => [type, new Blob([text], { type })]));
      await navigator.clipboard.write([new ClipboardItem(parts)]);
    } catch {
      await navigator.clipboard.writeText(payload['text/plain']!); // a browser without rich clipboard writes
    }
    setNotice(`${t('copied')} ${formatLabel(format)}`);
  };
  const download = async () => {
    const info = FORMAT_INFO[format];
    const current = await labelled();
    downloadBlob(articleFilename(current, info.extension), exportArticle(current, format), info.mime);
    setNotice(`${t('downloaded')} .${info.extension}`);
  };
  const reclean = (next: CleanOptions) => {
    setOptions(next);
    setNotice(t('cleaning')); // merging later pages can take a moment
    setRecleaning(true);
    cleanTab(next)
      .then(setState, (err) => setState({ kind: 'failed', reason: 'error', message: String(err) }))
      .finally(() => {
        setNotice('');
        setRecleaning(false);
      });
  };
  /** 只看楼主 and merging pages are remembered for the site; rule switches are for this article only. */
  const chooseForSite = (choice: SiteCleanOptions) => {
    reclean({ ...options, ...choice });
    void rememberForSite(hostnameOf(state.result.article.url), choice);
  };
  const disabledRules = options.disabledRules ?? [];
  const toggleRule = (rule: string, on: boolean) =>
    reclean({ ...options, disabledRules: on ? disabledRules.filter((r) => r !== rule) : [...disabledRules, rule] });
  const openReader = async () => {
    try {
      await readerDraft.setValue({ article: edited, variant });
      openExtensionPage('/reader.html', '?draft=1');
    } catch (err) {
      setNotice(String((err as Error).message ?? err)); // e.g. an article beyond the session storage quota
    }
  };
  const save = async () => {
    const pictures = await pictureChoice(edited, keepPics, true);
    const converted = variant === 'original' ? null : await labelled();
    const result = await saveArticle(edited, variant, converted, { pictures });
    setNotice(result.message);
    // The pictures are kept by the background: this window may close, the notice follows while it is open.
    if (result.pictureJob) followPictureJob(result.pictureJob, setNotice);
  };

  return (
    <main>
      {/* One primary action; export in one group; what is used less behind 更多. */}
      <header class="toolbar">
        <button id="save" class="primary" onClick={save}>{t('save')}</button>
        <button id="open-reader" onClick={openReader}>{t('readerView')}</button>
        <span class="export" role="group" aria-label={t('exportGroup')}>
          <select id="format" aria-label={t('exportFormat')} value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)}>
            {MENU_FORMATS.map((f) => <option key={f} value={f}>{formatLabel(f)}</option>)}
          </select>
          <button id="copy" onClick={copy}>{t('copy')}</button>
          <button id="download" onClick={download}>{t('download')}</button>
        </span>
        <MoreMenu>
          <button id="fix-page" onClick={() => fixPage(state.tabId)}>{t('fixPage')}</button>
          <button id="open-library" onClick={() => openExtensionPage('/library.html')}>{t('openLibrary')}</button>
          <button id="open-options" onClick={() => void browser.runtime.openOptionsPage()}>{t('openOptions')}</button>
        </MoreMenu>
      </header>
      <p class="notice" id="notice" role="status">{notice || (converting ? t('converting') : '')}</p>
      {article.template.id === 'discuz' && (
        <label class="option">
          <input id="starter-posts" type="checkbox" checked={!!options.allPostsByStarter} onChange={(e) => chooseForSite({ allPostsByStarter: (e.target as HTMLInputElement).checked })} />
          {t('starterPosts')}
        </label>
      )}
      {recleaning && <MergeStatus />}
      {(state.result.laterPages > 0 || options.mergePages) && (
        <label class="option">
          <input id="merge-pages" type="checkbox" checked={!!options.mergePages} onChange={(e) => chooseForSite({ mergePages: (e.target as HTMLInputElement).checked })} />
          {options.mergePages ? mergedNotice(state.result.article.mergedPages?.length ?? 0, state.result.notMerged ?? []) : t('mergePages', state.result.laterPages)}
        </label>
      )}
      <ScriptControls variant={variant} onVariant={chooseVariant} originalScript={state.result.article.script} tabId={state.tabId} hostname={hostnameOf(original?.url)} />
      <EditFields article={state.result.article} edits={edits} onEdit={(field, value) => setEdits((e) => ({ ...e, [field]: value }))} />
      <ArticleView article={article} disabledRules={disabledRules} onToggleRule={toggleRule} siteRuleLabels={ruleLabels} loadedPictures={state.result.loadedPictures ?? []} typography={typography} />
    </main>
  );
}
