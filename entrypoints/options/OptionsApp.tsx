import { useEffect, useState } from 'preact/hooks';
import { type ScriptVariant, type TargetVariant, VARIANTS, isTraditionalTarget } from '../../lib/convert/variants';
import { openLibrary } from '../../lib/storage/library';
import { MENU_FORMATS, formatLabel } from '../../platform/format-label';
import { t } from '../../platform/i18n';
import { type SiteCleanOptions, defaultFormat, everyPageScript, keepPictures, preferredTraditional, siteCleanOptions, siteScripts } from '../../platform/settings';
import { rememberSite, setEveryPageScript } from '../../platform/site-memory';
import { PhrasesSection } from './PhrasesSection';
import { SiteRulesSection } from './SiteRulesSection';
import { variantLabel } from '../../platform/variant-label';

const TRADITIONAL = VARIANTS.filter((v) => isTraditionalTarget(v.id));
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** What a remembered site does, in words. */
function siteChoices(script: ScriptVariant | undefined, clean: SiteCleanOptions | undefined): string {
  return [
    script && t('optionsSiteScript', variantLabel(script)),
    clean?.allPostsByStarter && t('starterPosts'),
    clean?.mergePages && t('optionsSiteMerge'),
  ].filter(Boolean).join('；');
}

export function OptionsApp() {
  const [traditional, setTraditional] = useState<TargetVariant>('t');
  const [format, setFormat] = useState<(typeof MENU_FORMATS)[number]>('md');
  const [scripts, setScripts] = useState<Record<string, ScriptVariant>>({});
  const [cleaning, setCleaning] = useState<Record<string, SiteCleanOptions>>({});
  const [size, setSize] = useState<{ articles: number; usage: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [pictures, setPictures] = useState(true);
  const [everyPage, setEveryPage] = useState<TargetVariant | null>(null);
  const [everyPageNote, setEveryPageNote] = useState('');

  useEffect(() => {
    preferredTraditional.getValue().then(setTraditional);
    defaultFormat.getValue().then(setFormat);
    siteScripts.getValue().then(setScripts);
    siteCleanOptions.getValue().then(setCleaning);
    keepPictures.getValue().then(setPictures);
    everyPageScript.getValue().then(setEveryPage);
    void navigator.storage?.persisted?.().then(setPersisted);
    void (async () => {
      const lib = await openLibrary();
      try {
        const articles = (await lib.list()).length;
        const usage = (await navigator.storage?.estimate?.())?.usage ?? 0;
        setSize({ articles, usage });
      } finally {
        lib.close();
      }
    })();
  }, []);

  const forget = async (host: string) => {
    if (scripts[host]) await rememberSite(host, null);
    const { [host]: _gone, ...rest } = await siteCleanOptions.getValue();
    await siteCleanOptions.setValue(rest);
    setScripts(await siteScripts.getValue());
    setCleaning(rest);
  };
  // Access to every site is asked in this click, before anything else is awaited (the browser asks only during a user's gesture).
  const chooseEveryPage = async (choice: TargetVariant | null) => {
    const done = await setEveryPageScript(choice);
    setEveryPageNote(done ? '' : t('optionsEveryPageRefused'));
    setEveryPage(done ? choice : await everyPageScript.getValue());
  };
  const keep = async () => setPersisted(await navigator.storage.persist());
  const hosts = [...new Set([...Object.keys(scripts), ...Object.keys(cleaning)])].sort();

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <section>
        <h2 id="traditional-heading">{t('optionsTraditional')}</h2>
        <select id="preferred-traditional" aria-labelledby="traditional-heading" value={traditional} onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value as TargetVariant;
          setTraditional(v);
          void preferredTraditional.setValue(v);
        }}>
          {TRADITIONAL.map((v) => <option key={v.id} value={v.id}>{variantLabel(v.id)}</option>)}
        </select>
        <p class="note">{t('optionsTraditionalNote')}</p>
      </section>
      <section>
        <h2 id="every-page-heading">{t('optionsEveryPage')}</h2>
        <select id="every-page" aria-labelledby="every-page-heading" aria-describedby="every-page-note" value={everyPage ?? ''} onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          void chooseEveryPage(v ? (v as TargetVariant) : null);
        }}>
          <option value="">{t('optionsEveryPageOff')}</option>
          <option value="cn">{variantLabel('cn')}</option>
          <option value={traditional}>{variantLabel(traditional)}</option>
        </select>
        <p class="note" id="every-page-note">{t('optionsEveryPageNote')}</p>
        {everyPageNote && <p class="error" role="alert">{everyPageNote}</p>}
      </section>
      <PhrasesSection />
      <section>
        <h2 id="format-heading">{t('optionsFormat')}</h2>
        <select id="default-format" aria-labelledby="format-heading" value={format} onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value as (typeof MENU_FORMATS)[number];
          setFormat(v);
          void defaultFormat.setValue(v);
        }}>
          {MENU_FORMATS.map((f) => <option key={f} value={f}>{formatLabel(f)}</option>)}
        </select>
      </section>
      <section>
        <h2>{t('optionsSites')}</h2>
        {hosts.length ? (
          <ul id="sites">
            {hosts.map((h) => (
              <li key={h}>
                {h}：{siteChoices(scripts[h], cleaning[h])}
                <button class="forget" onClick={() => forget(h)}>{t('optionsForget')}</button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="note" id="no-sites">{t('optionsNoSites')}</p>
        )}
      </section>
      <SiteRulesSection />
      <section>
        <h2>{t('optionsLibrary')}</h2>
        <label>
          <input id="keep-pictures" type="checkbox" checked={pictures} onChange={(e) => {
            const on = (e.target as HTMLInputElement).checked;
            setPictures(on);
            void keepPictures.setValue(on);
          }} />
          {t('keepPicturesOption')}
        </label>
        <p id="library-size">{size ? t('optionsLibrarySize', size.articles, megabytes(size.usage)) : '…'}</p>
        <p id="persist-state">{persisted === null ? '' : persisted ? t('optionsPersisted') : t('optionsNotPersisted')}</p>
        {!persisted && <button id="persist" onClick={keep}>{t('optionsPersist')}</button>}
      </section>
    </main>
  );
}
