import { useEffect, useRef, useState } from 'preact/hooks';
import { type ScriptVariant, type TargetVariant, VARIANTS } from '../../lib/convert/variants';
import { currentPageScript, pageScriptProgress, setPageScript } from '../../platform/page-script';
import { everyPageScript, preferredTraditional, siteScripts } from '../../platform/settings';
import { rememberSite } from '../../platform/site-memory';
import { t } from '../../platform/i18n';
import { variantLabel } from '../../platform/variant-label';
import type { ScriptKind } from '../../lib/types';

/** How the 原文 choice names the article's own script; a mixed or unknown one is not named. */
const SCRIPT_NAME: Partial<Record<ScriptKind, 'scriptSimplified' | 'scriptTraditional'>> = { simplified: 'scriptSimplified', traditional: 'scriptTraditional' };

interface Props {
  /** The article's script switch; absent where there is no article (the page toggle still works). */
  variant?: ScriptVariant;
  onVariant?(v: ScriptVariant): void;
  /** The article's own script, named in the 原文 choice (原文（简体）). */
  originalScript?: ScriptKind;
  tabId: number;
  hostname: string;
}

/** The article's script switch, the page's own 简/繁 toggle and the per-site memory. */
export function ScriptControls({ variant, onVariant, originalScript, tabId, hostname }: Props) {
  const [page, setPage] = useState<ScriptVariant>('original');
  const [remembered, setRemembered] = useState<ScriptVariant | null>(null);
  // With every page converted as it loads, 原文 can be remembered too: the site is then never converted.
  const [everyPage, setEveryPage] = useState<TargetVariant | null>(null);
  const [busy, setBusy] = useState(false);
  /** Share of the page converted so far, while a conversion runs in the tab. */
  const [percent, setPercent] = useState<number | null>(null);
  // The 繁 button shows the page in the Traditional form chosen in the options (繁體, 臺灣正體…).
  const [traditional, setTraditional] = useState<TargetVariant>('t');

  useEffect(() => {
    currentPageScript(tabId).then(setPage, () => undefined);
    siteScripts.getValue().then((s) => setRemembered(s[hostname] ?? null));
    preferredTraditional.getValue().then(setTraditional);
    everyPageScript.getValue().then(setEveryPage);
  }, [tabId, hostname]);

  // The tab converts in slices, the screen's part first; the popup asks how far it has got.
  // 原文 stays clickable during a conversion: it stops it and puts the page back.
  const latest = useRef(0);
  const showPage = async (v: ScriptVariant) => {
    const request = ++latest.current;
    setBusy(true);
    const poll = setInterval(() => {
      pageScriptProgress(tabId).then(
        (p) => setPercent(p && p.total ? Math.min(99, Math.floor((100 * p.done) / p.total)) : null),
        () => undefined,
      );
    }, 250);
    try {
      const result = await setPageScript(tabId, v);
      if (request === latest.current && !result?.superseded) setPage(v);
    } finally {
      clearInterval(poll);
      if (request === latest.current) {
        setPercent(null);
        setBusy(false);
      }
    }
  };

  const remember = async (on: boolean) => {
    const choice = page === 'original' && !everyPage ? null : page;
    if (await rememberSite(hostname, on ? choice : null)) setRemembered(on ? choice : null);
  };

  return (
    <section class="scripts">
      {onVariant && (
        <label class="article-script">
          <span>{t('articleScript')}</span>
          <select id="article-script" value={variant} onChange={(e) => onVariant((e.target as HTMLSelectElement).value as ScriptVariant)}>
            {VARIANTS.map((v) => (
              <option key={v.id} value={v.id}>{v.id === 'original' && originalScript && SCRIPT_NAME[originalScript] ? t('originalIn', t(SCRIPT_NAME[originalScript])) : variantLabel(v.id)}</option>
            ))}
          </select>
        </label>
      )}
      <span class="page-toggle" role="group" aria-label={t('pageGroup')} aria-busy={busy}>
        <span aria-hidden="true">{t('page')}</span>
        <button id="page-cn" disabled={busy || page === 'cn'} onClick={() => showPage('cn')}>{t('pageSimplified')}</button>
        <button id="page-t" disabled={busy || page === traditional} onClick={() => showPage(traditional)}>{t('pageTraditional')}</button>
        <button id="page-original" disabled={!busy && page === 'original'} onClick={() => showPage('original')}>{t('pageOriginal')}</button>
        <span id="page-progress" role="status">{busy && percent !== null ? t('pageConverting', String(percent)) : ''}</span>
      </span>
      {hostname && (page !== 'original' || remembered || everyPage) && (
        <label class="remember">
          <input id="remember-site" type="checkbox" checked={remembered !== null} onChange={(e) => remember((e.target as HTMLInputElement).checked)} />
          {t('rememberSite', variantLabel(remembered ?? page), hostname)}
        </label>
      )}
    </section>
  );
}
