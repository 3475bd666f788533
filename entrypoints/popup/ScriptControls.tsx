import { useEffect, useState } from 'preact/hooks';
import { type ScriptVariant, type TargetVariant, VARIANTS } from '../../lib/convert/variants';
import { currentPageScript, setPageScript } from '../../platform/page-script';
import { preferredTraditional, siteScripts } from '../../platform/settings';
import { rememberSite } from '../../platform/site-memory';
import { t } from '../../platform/i18n';

interface Props {
  /** The article's script switch; absent where there is no article (the page toggle still works). */
  variant?: ScriptVariant;
  onVariant?(v: ScriptVariant): void;
  tabId: number;
  hostname: string;
}

/** The article's script switch, the page's own 简/繁 toggle and the per-site memory. */
export function ScriptControls({ variant, onVariant, tabId, hostname }: Props) {
  const [page, setPage] = useState<ScriptVariant>('original');
  const [remembered, setRemembered] = useState<TargetVariant | null>(null);
  const [busy, setBusy] = useState(false);
  // The 繁 button shows the page in the Traditional form chosen in the options (繁體, 臺灣正體…).
  const [traditional, setTraditional] = useState<TargetVariant>('t');

  useEffect(() => {
    currentPageScript(tabId).then(setPage, () => undefined);
    siteScripts.getValue().then((s) => setRemembered(s[hostname] ?? null));
    preferredTraditional.getValue().then(setTraditional);
  }, [tabId, hostname]);

  const showPage = async (v: ScriptVariant) => {
    setBusy(true);
    try {
      await setPageScript(tabId, v);
      setPage(v);
    } finally {
      setBusy(false);
    }
  };

  const remember = async (on: boolean) => {
    const target = page === 'original' ? null : (page as TargetVariant);
    if (await rememberSite(hostname, on ? target : null)) setRemembered(on ? target : null);
  };

  return (
    <section class="scripts">
      {onVariant && (
        <label>
          {t('articleScript')}
          <select id="article-script" value={variant} onChange={(e) => onVariant((e.target as HTMLSelectElement).value as ScriptVariant)}>
            {VARIANTS.map((v) => (
              <option key={v.id} value={v.id}>{v.label}</option>
            ))}
          </select>
        </label>
      )}
      <span class="page-toggle">
        {t('page')}
        <button id="page-cn" disabled={busy || page === 'cn'} onClick={() => showPage('cn')}>简</button>
        <button id="page-t" disabled={busy || page === traditional} onClick={() => showPage(traditional)}>繁</button>
        <button id="page-original" disabled={busy || page === 'original'} onClick={() => showPage('original')}>{t('pageOriginal')}</button>
      </span>
      {hostname && (page !== 'original' || remembered) && (
        <label class="remember">
          <input id="remember-site" type="checkbox" checked={remembered !== null} onChange={(e) => remember((e.target as HTMLInputElement).checked)} />
          {t('rememberSite', VARIANTS.find((v) => v.id === (remembered ?? page))?.label ?? '', hostname)}
        </label>
      )}
    </section>
  );
}
