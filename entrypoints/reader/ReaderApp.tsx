import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type ScriptVariant, VARIANTS } from '../../lib/convert/variants';
import { articleFilename } from '../../lib/export/filename';
import { type ExportFormat, FORMAT_INFO, exportArticle, metaLine } from '../../lib/export/formats';
import { type PictureFiles, localizePictures } from '../../lib/export/pictures';
import { holdPictures, showClickedPicture } from '../../lib/pictures/held';
import { createSanitizer } from '../../lib/sanitize';
import { openLibrary } from '../../lib/storage/library';
import { makeRecord } from '../../lib/storage/records';
import type { SavedArticle } from '../../lib/storage/schema';
import type { CleanArticle } from '../../lib/types';
import { convertArticleOffThread } from '../../platform/convert-article';
import { downloadBlob } from '../../platform/download';
import { NotesPanel } from './NotesPanel';
import { MENU_FORMATS } from '../../platform/format-label';
import { t } from '../../platform/i18n';
import { keepPicturesEnabled, followPictureJob, pictureChoice, pictureJobNotice, saveArticle } from '../../platform/library-actions';
import { wakePictureJobs, watchPictureJob } from '../../platform/picture-jobs';
import { readerDraft, readerPrefs, readingPositions } from '../../platform/settings';
import { type ReaderAction, readerAction, readingProgress } from '../../lib/reader/keys';
import { withPosition } from '../../lib/reader/positions';
import { READER_DEFAULTS, type ReaderPrefs, readerPrefsFrom, readerStyle } from '../../lib/reader/typography';
import { KeysHelp, ReaderSettings } from './ReaderSettings';
import { variantLabel } from '../../platform/variant-label';

const THEMES: ReaderPrefs['theme'][] = ['auto', 'light', 'dark'];

/** "2026-11-23 09:41" in the reader's own time zone. */
function savedTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The popup's unsaved article, shaped like a library record (nothing is written). */
async function loadDraft(): Promise<SavedArticle | undefined> {
  const draft = await readerDraft.getValue();
  return draft ? makeRecord(draft.article, draft.variant, null, new Date().toISOString()) : undefined;
}

/** Kept pictures as object URLs for as long as the page shows them: no request to the site. */
function usePictureUrls(files: PictureFiles): Map<string, string> {
  const urls = useMemo(() => new Map([...files].map(([src, f]) => [src, URL.createObjectURL(new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type }))])), [files]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return urls;
}

/** A saved article in clean Chinese typography, with theme, font size and script switch. */
export function ReaderApp() {
  const params = new URLSearchParams(location.search);
  const url = params.get('url') ?? '';
  // ?draft=1: an article the popup opened here without saving it.
  const isDraft = params.has('draft');
  const [record, setRecord] = useState<SavedArticle | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [variant, setVariant] = useState<ScriptVariant>('original');
  const [shown, setShown] = useState<CleanArticle | null>(null);
  const [prefs, setPrefs] = useState<ReaderPrefs>(READER_DEFAULTS);
  const [prefsLoaded, setPrefsLoaded] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [progress, setProgress] = useState(0);
  const [pictures, setPictures] = useState<PictureFiles>(new Map());
  const [picturesPending, setPicturesPending] = useState(false);
  const [keepPics, setKeepPics] = useState(true);
  const pictureUrls = usePictureUrls(pictures);

  useEffect(() => {
    const load = isDraft
      ? loadDraft()
      : openLibrary().then(async (lib) => {
          const r = await lib.get(url);
          if (!r) return void lib.close();
          // The text first; its kept pictures follow once read (until then their places say so).
          if (r.pictures?.length) setPicturesPending(true);
          void lib
            .pictureFiles(r)
            .then(setPictures)
            .finally(() => setPicturesPending(false))
            // Opened in the reader is read: the library shows it so (and can mark it unread again).
            .then(() => (r.readAt ? undefined : lib.setRead(url, true)))
            .catch(() => undefined)
            .finally(() => lib.close());
          return r;
        });
    load
      .then((r) => {
        setRecord(r ?? null);
        if (r) setVariant(r.variant);
      }, () => setRecord(null));
    keepPicturesEnabled().then(setKeepPics);
    readerPrefs.getValue().then((p) => {
      setPrefs(readerPrefsFrom(p));
      setPrefsLoaded(true);
    });
  }, [url, isDraft]);

  // A saved article whose pictures are still being kept: progress here, and the pictures once they are in.
  const [pictureLoad, setPictureLoad] = useState(0);
  useEffect(() => {
    if (isDraft) return;
    wakePictureJobs();
    let finished: string | null | undefined;
    return watchPictureJob(url, (job) => {
      if (!job) return;
      if (!job.finishedAt || finished === null) setNotice(pictureJobNotice(job));
      if (finished === null && job.finishedAt) setPictureLoad((n) => n + 1);
      finished = job.finishedAt;
    });
  }, [url, isDraft]);
  useEffect(() => {
    if (!pictureLoad) return;
    void openLibrary().then(async (lib) => {
      const r = await lib.get(url);
      if (r) setPictures(await lib.pictureFiles(r));
      lib.close();
    });
  }, [pictureLoad]);

  // Which save to read: -1 the latest, i the earlier save record.versions[i].
  const [version, setVersion] = useState(-1);
  useEffect(() => {
    if (!record) return;
    const base = record.versions[version]?.article ?? record.article;
    if (variant === 'original') return setShown(base);
    // Always converted from the original: a stored conversion is never trusted to match its label.
    let live = true;
    convertArticleOffThread(base, variant).then((converted) => live && setShown(converted));
    return () => {
      live = false;
    };
  }, [record, variant, version]);

  useEffect(() => {
    document.documentElement.dataset.theme = prefs.theme;
    for (const [name, value] of Object.entries(readerStyle(prefs))) document.documentElement.style.setProperty(name, value);
    if (prefsLoaded) void readerPrefs.setValue(prefs);
  }, [prefs, prefsLoaded]);

  // Reading progress, and for a saved article the place it was left at, kept a moment after scrolling stops:
  // only once the place kept before has been read back (the page settling as it loads is no reading).
  const placeRead = useRef(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      const at = readingProgress(window.scrollY, document.documentElement.scrollHeight, window.innerHeight);
      setProgress(at);
      // A page briefly shorter than the window (its content being set again as pictures arrive) says nothing of the place.
      if (isDraft || !url || !placeRead.current || document.documentElement.scrollHeight <= window.innerHeight) return;
      clearTimeout(timer);
      timer = setTimeout(() => void readingPositions.getValue().then((all) => readingPositions.setValue(withPosition(all, url, at, new Date().toISOString()))), 400);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    };
  }, [url, isDraft]);

  // Continue where the reader left off, once the saved article is on the page.
  const [resumed, setResumed] = useState(false);
  useEffect(() => {
    if (resumed || isDraft || !shown || !url) return;
    setResumed(true);
    void readingPositions.getValue().then((all) => {
      const at = all[url]?.at;
      if (at) {
        window.scrollTo(0, at * (document.documentElement.scrollHeight - window.innerHeight));
        setNotice(t('resumedReading', String(Math.round(at * 100))));
      }
      placeRead.current = true;
      // A reader who scrolled before the place was read back: where they are now is the place.
      if (!at && window.scrollY > 0) window.dispatchEvent(new Event('scroll'));
    });
  }, [shown, url, isDraft, resumed]);

  // The keyboard: every action of the bar has a key (? lists them).
  useEffect(() => {
    const actions: Record<ReaderAction, () => void> = {
      down: () => window.scrollBy({ top: window.innerHeight * 0.85, behavior: 'smooth' }),
      up: () => window.scrollBy({ top: -window.innerHeight * 0.85, behavior: 'smooth' }),
      larger: () => setPrefs((p) => readerPrefsFrom({ ...p, fontSize: p.fontSize + 1 })),
      smaller: () => setPrefs((p) => readerPrefsFrom({ ...p, fontSize: p.fontSize - 1 })),
      contents: () => {
        const toc = document.getElementById('toc') as HTMLDetailsElement | null;
        if (toc) toc.open = !toc.open;
      },
      theme: () => setPrefs((p) => ({ ...p, theme: THEMES[(THEMES.indexOf(p.theme) + 1) % THEMES.length]! })),
      settings: () => setSettingsOpen((o) => !o),
      help: () => setHelpOpen((o) => !o),
      library: () => void (location.href = 'library.html'),
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') return setHelpOpen(false);
      const action = readerAction(e);
      if (!action) return;
      e.preventDefault();
      actions[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Sanitized first; then kept pictures point at their object URLs (which the sanitizer would refuse).
  // A picture not kept is not fetched from its site until the reader clicks it (then under a time bound).
  const sanitized = useMemo(() => (shown ? createSanitizer(window)(shown.contentHtml) : ''), [shown]);
  const html = useMemo(() => {
    const kept = new Set(record?.pictures?.map((p) => p.src));
    const label = (alt: string, src: string) => (picturesPending && kept.has(src) ? t('pictureReading') : t('heldPicture', alt));
    return sanitized ? holdPictures(localizePictures(sanitized, (src) => pictureUrls.get(src)), () => false, label).html : '';
  }, [sanitized, pictureUrls, picturesPending, record]);
  useEffect(() => {
    if (shown) document.title = shown.title;
  }, [shown]);

  if (record === undefined) return null;
  if (record === null || !shown) return <p class="reader-empty" id="message">{t('notFound')}</p>;

  const download = (format: ExportFormat) => {
    const info = FORMAT_INFO[format];
    const notes = isDraft ? {} : { saved: record.savedAt, note: record.note, tags: record.tags };
    downloadBlob(articleFilename(shown, info.extension), exportArticle(shown, format, notes, pictures), info.mime);
  };
  const saveDraft = async () => {
    const choice = await pictureChoice(record.article, keepPics, true);
    const converted = variant === 'original' ? null : await convertArticleOffThread(record.article, variant);
    const saved = await saveArticle(record.article, variant, converted, { pictures: choice });
    setNotice(saved.message);
    if (saved.pictureJob) followPictureJob(saved.pictureJob, setNotice);
  };
  // Labels in the article's own script (來源 under 繁體), as the exports write them.
  const meta = metaLine(shown);

  return (
    <>
      <nav class="reader-bar">
        <a id="back-to-library" href="library.html">{t('backToLibrary')}</a>
        <label>{t('articleScript')} <select id="reader-script" value={variant} onChange={(e) => setVariant((e.target as HTMLSelectElement).value as ScriptVariant)}>
          {VARIANTS.map((v) => <option key={v.id} value={v.id}>{variantLabel(v.id)}</option>)}
        </select></label>
        <ReaderSettings prefs={prefs} onChange={setPrefs} open={settingsOpen} onToggle={setSettingsOpen} />
        <button id="show-keys" aria-expanded={helpOpen} onClick={() => setHelpOpen((o) => !o)} title={t('readerKeys')}>?</button>
        {record.versions.length > 0 && (
          <label>{t('version')} <select id="reader-version" value={version} onChange={(e) => setVersion(Number((e.target as HTMLSelectElement).value))}>
            <option value={-1}>{t('latestVersion', savedTime(record.updatedAt))}</option>
            {record.versions.map((v, i) => <option key={v.savedAt} value={i}>{savedTime(v.savedAt)}</option>)}
          </select></label>
        )}
        {isDraft && <button id="reader-save" onClick={saveDraft}>{t('save')}</button>}
        {/* Always there, so a screen reader announces each notice (save, pictures kept) as it changes. */}
        <span class="notice" id="notice" role="status">{notice}</span>
        <span class="exports">{MENU_FORMATS.map((f) => <button key={f} onClick={() => download(f)}>.{f}</button>)}</span>
        <div id="reading-progress" role="progressbar" aria-label={t('readingProgress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} style={{ width: `${progress * 100}%` }} />
      </nav>
      {helpOpen && <KeysHelp onClose={() => setHelpOpen(false)} />}
      <article class="reader">
        <h1 id="title">{shown.title}</h1>
        {shown.subtitle && <p class="subtitle">{shown.subtitle}</p>}
        <p class="meta">{meta}</p>
        {version >= 0 && <p class="meta" id="version-note">{t('earlierVersion', savedTime(record.versions[version]!.savedAt))}</p>}
        {shown.headings.length >= 3 && (
          <details class="toc" id="toc">
            <summary>{t('contents', shown.headings.length)}</summary>
            <ol>
              {shown.headings.map((h, i) => (
                <li key={i}><a href="#" onClick={(e) => (e.preventDefault(), document.querySelectorAll('#content h2')[i]?.scrollIntoView({ behavior: 'smooth' }))}>{h}</a></li>
              ))}
            </ol>
          </details>
        )}
        <div class="content" id="content" onClick={showClickedPicture} dangerouslySetInnerHTML={{ __html: html }} />
        {shown.url && /^https?:/.test(shown.url) && <p class="meta source-link"><a href={shown.url} rel="noreferrer">{t('original')}</a></p>}
        {!isDraft && <NotesPanel record={record} onSaved={setRecord} />}
      </article>
    </>
  );
}
