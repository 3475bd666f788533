import { backupZip, importBackupFile } from '../../lib/storage/backup-zip';
import { LIBRARY_ORDERS, type LibraryOrder, excerptOf, ordered, rowFacts } from '../../lib/storage/order';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type PictureJob, jobProgress } from '../../lib/pictures/picture-job';
import { pictureJobs, wakePictureJobs } from '../../platform/picture-jobs';
import { rulePack } from '../../lib/site-rules/store';
import { importRulePack, storedRules } from '../../platform/site-rules';
import { importUserPhrases } from '../../platform/user-phrases';
import { readUserPhrases } from '../../platform/settings';
import { queryVariants, warmQueryConverters } from '../../lib/convert/query';
import { readingCopy, zipArticles } from '../../lib/export/bundle';
import { toEpub } from '../../lib/export/epub';
import { type DamagedRecord, type Library, type RemovedArticle, matching, openLibrary } from '../../lib/storage/library';
import { createSanitizer } from '../../lib/sanitize';
import type { SavedArticle } from '../../lib/storage/schema';
import { pictureBytes } from '../../lib/storage/records';
import type { PictureFiles } from '../../lib/export/pictures';
import { byteSize } from '../../platform/format-label';
import { downloadBlob } from '../../platform/download';
import { familyLabel } from '../../platform/family';
import { t } from '../../platform/i18n';

/** Rows drawn before 显示更多: a few screenfuls, cheap enough to draw again at each keystroke. */
const FIRST_ROWS = 50;

/** The 简/繁 converters load when the reader goes to the search box, so the first keystroke does not wait for them. */
const warmSearch = () => void warmQueryConverters().catch(() => undefined);

const ORDER_LABELS = { saved: 'sortSaved', published: 'sortPublished', title: 'sortTitle' } as const;

/** The saved articles: search, filter, open in the reader, delete with undo, export. */
export function LibraryApp() {
  const [lib, setLib] = useState<Library | null>(null);
  const [all, setAll] = useState<SavedArticle[]>([]);
  /** Whether the library has been read at all: until then it is not called empty. */
  const [loaded, setLoaded] = useState(false);
  const [shown, setShown] = useState<SavedArticle[]>([]);
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [template, setTemplate] = useState('');
  const [readFilter, setReadFilter] = useState<'' | 'unread' | 'read'>('');
  /** While the whole library is still being read after its newest rows were shown: how many records it holds. */
  const [readingAll, setReadingAll] = useState(0);
  const [tag, setTag] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [undo, setUndo] = useState<RemovedArticle | null>(null);
  const [message, setMessage] = useState('');
  const [details, setDetails] = useState<string[]>([]);
  const [damaged, setDamaged] = useState<DamagedRecord[]>([]);
  const [version, setVersion] = useState(0);
  const [jobs, setJobs] = useState<Record<string, PictureJob>>({});
  const [order, setOrder] = useState<LibraryOrder>('saved');
  // Rows drawn: a library of thousands draws its first rows at once and the rest when asked.
  const [rows, setRows] = useState(FIRST_ROWS);
  // The search the list now answers (it lags the box while the dictionaries load): data-query on the page says it.
  const [shownFor, setShownFor] = useState('');

  // Pictures still being kept by the background: each row shows its progress, the list refreshes as they arrive.
  useEffect(() => {
    wakePictureJobs();
    void pictureJobs.getValue().then(setJobs);
    // A batch only moves a row's counter; the list is read again when a job ends (its pictures are in).
    return pictureJobs.watch((next, previous) => {
      setJobs(next ?? {});
      const ended = Object.entries(next ?? {}).some(([url, job]) => job.finishedAt && !previous?.[url]?.finishedAt);
      if (ended) setVersion((v) => v + 1);
    });
  }, []);

  useEffect(() => {
    document.title = t('libraryTitle');
    openLibrary().then(setLib, (err) => setMessage(String(err)));
  }, []);

  // The library is read once per change (a save, a delete, an import, a job ended); a keystroke only filters what was read.
  // On opening, the newest rows are painted first, while the whole library is read and checked.
  useEffect(() => {
    if (!lib) return;
    let live = true;
    // The whole read waits for the newest rows: begun together, it would hold the first paint back.
    const first =
      version === 0
        ? lib.newest(FIRST_ROWS).then(({ rows, total }) => {
            if (!live || total <= rows.length) return;
            setAll((read) => (read.length ? read : rows));
            setReadingAll(total);
            setLoaded(true);
          })
        : Promise.resolve();
    // Were the newest rows not to be read, the whole read still comes.
    void first.catch(() => undefined).then(() => lib.view()).then((view) => {
      if (!live) return;
      setDamaged(view.damaged);
      setAll(view.all);
      setReadingAll(0);
      setLoaded(true);
      // The library is for finding: its 简/繁 converters load once it is read, so the first search keystroke needs no wait.
      if (view.all.length && 'requestIdleCallback' in window) requestIdleCallback(warmSearch);
    });
    return () => {
      live = false;
    };
  }, [lib, version]);

  // Sorted once per read or order chosen; each keystroke then only filters, keeping that order.
  const sorted = useMemo(() => ordered(all, order), [all, order]);
  useEffect(() => {
    let live = true;
    void queryVariants(query).then((needles) => {
      if (!live) return;
      setShown(matching(sorted, { site: site || undefined, template: template || undefined, tag: tag || undefined, reading: readFilter || undefined, needles }));
      if (!readingAll) setShownFor(query); // a query is answered once the whole library is read
      setRows(FIRST_ROWS);
    });
    return () => {
      live = false;
    };
  }, [sorted, query, site, template, tag, readFilter, readingAll]);

  const sites = useMemo(() => [...new Set(all.map((r) => r.site).filter(Boolean))].sort(), [all]);
  const templates = useMemo(() => [...new Set(all.map((r) => r.template))].sort(), [all]);
  const tags = useMemo(() => [...new Set(all.flatMap((r) => r.tags))].sort(), [all]);
  const refresh = () => setVersion((v) => v + 1);

  const remove = async (r: SavedArticle) => {
    const removed = await lib!.remove(r.url);
    setUndo(removed ?? null);
    selected.delete(r.url);
    refresh();
  };
  const restore = async () => {
    if (undo) await lib!.restore(undo);
    setUndo(null);
    refresh();
  };
  const toggle = (url: string) => {
    const next = new Set(selected);
    next.has(url) ? next.delete(url) : next.add(url);
    setSelected(next);
  };
  const chosen = shown.filter((r) => selected.has(r.url)).length;
  /** The selection, or every listed article when none is selected, with their kept pictures. */
  const exported = async (): Promise<{ records: SavedArticle[]; pictures: PictureFiles[] }> => {
    const picked = shown.filter((r) => selected.has(r.url));
    const records = picked.length ? picked : shown;
    return { records, pictures: await Promise.all(records.map((r) => lib!.pictureFiles(r))) };
  };
  const exportZip = async () => {
    const { records, pictures } = await exported();
    const byUrl = new Map(records.map((r, i) => [r.url, pictures[i]!]));
    downloadBlob(`jingdu-${new Date().toISOString().slice(0, 10)}.zip`, zipArticles(records, 'md', byUrl), 'application/zip');
  };
  const exportEpub = async () => {
    const { records, pictures } = await exported();
    const today = new Date().toISOString();
    const title = `${t('libraryTitle')} ${today.slice(0, 10)}`;
    const book = toEpub(records.map(readingCopy), { title, doc: document, id: `urn:jingdu:${today}`, modified: today, pictures });
    downloadBlob(`jingdu-${today.slice(0, 10)}.epub`, book, 'application/epub+zip');
  };
  const markRead = async (r: SavedArticle, read: boolean) => {
    await lib!.setRead(r.url, read);
    refresh();
  };
  const dropPictures = async (r: SavedArticle) => {
    await lib!.dropPictures(r.url);
    refresh();
  };
  const picturesTotal = all.reduce((sum, r) => sum + pictureBytes(r), 0);
  const exportBackup = async () => {
    // The user's site rules and phrases travel with their articles: a fix made once is theirs to keep.
    // A zip: each article and picture a file of its own, so a library of any size fits (a JSON backup is still read on import).
    const zip = await backupZip(lib!, { siteRules: rulePack(await storedRules()).rules, userPhrases: await readUserPhrases() });
    downloadBlob(`jingdu-backup-${new Date().toISOString().slice(0, 10)}.zip`, zip, 'application/zip');
  };
  const importBackup = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await importBackupFile(lib!, new Uint8Array(await file.arrayBuffer()), createSanitizer(window));
      // The backup's site rules, each checked like any imported rule.
      const rules = r.siteRules ? await importRulePack(r.siteRules) : null;
      const phrases = r.userPhrases !== undefined ? await importUserPhrases(r.userPhrases) : null;
      setMessage(
        [
          t('imported', r.added, r.merged, r.rejected.length),
          rules && t('optRulesImported', rules.added.length, rules.unchanged.length, rules.keptYours.length),
          phrases && t('phrasesImported', phrases.added, phrases.unchanged, phrases.keptYours, phrases.refused),
        ].filter(Boolean).join(' '),
      );
      setDetails([
        ...r.rejected.map((x) => t('rejectedEntry', x.entry, x.url ?? '—', x.reason)),
        ...(rules?.refused ?? []).map((x) => t('optRuleRefused', `#${x.index}${x.id ? ` (${x.id})` : ''}`, x.reason)),
      ]);
    } catch (err) {
      setMessage((err as Error).message);
      setDetails([]);
    }
    refresh();
  };

  return (
    <main class="library" data-query={shownFor}>
      <h1>{t('libraryTitle')}</h1>
      <div class="controls">
        <input id="search" type="search" aria-label={t('search')} placeholder={t('search')} value={query} onFocus={warmSearch} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        <select id="site-filter" aria-label={t('siteFilterLabel')} value={site} onChange={(e) => setSite((e.target as HTMLSelectElement).value)}>
          <option value="">{t('allSites')}</option>
          {sites.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <select id="template-filter" aria-label={t('templateFilterLabel')} value={template} onChange={(e) => setTemplate((e.target as HTMLSelectElement).value)}>
          <option value="">{t('allTemplates')}</option>
          {templates.map((s) => <option key={s} value={s}>{familyLabel(s)}</option>)}
        </select>
        <select id="read-filter" aria-label={t('readFilterLabel')} value={readFilter} onChange={(e) => setReadFilter((e.target as HTMLSelectElement).value as typeof readFilter)}>
          <option value="">{t('readFilterAll')}</option>
          <option value="unread">{t('readFilterUnread')}</option>
          <option value="read">{t('readFilterRead')}</option>
        </select>
        <select id="sort" aria-label={t('sortLabel')} value={order} onChange={(e) => setOrder((e.target as HTMLSelectElement).value as LibraryOrder)}>
          {LIBRARY_ORDERS.map((o) => <option key={o} value={o}>{t(ORDER_LABELS[o])}</option>)}
        </select>
        <select id="tag-filter" aria-label={t('tagFilterLabel')} value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
          <option value="">{t('allTags')}</option>
          {tags.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        {/* The buttons say what they export: the selection, or every article listed when none is selected. */}
        <button id="export-zip" onClick={exportZip} disabled={!shown.length || readingAll > 0}>{chosen ? t('exportSelectedZip', chosen) : t('exportAllZip', shown.length)}</button>
        <button id="export-epub" onClick={exportEpub} disabled={!shown.length || readingAll > 0}>{chosen ? t('exportSelectedEpub', chosen) : t('exportAllEpub', shown.length)}</button>
        <button id="export-backup" onClick={exportBackup}>{t('exportBackup')}</button>
        <label class="import">
          {t('importBackup')}
          <input id="import-backup" type="file" accept="application/zip,.zip,application/json,.json" onChange={(e) => importBackup((e.target as HTMLInputElement).files?.[0])} />
        </label>
      </div>
      {picturesTotal > 0 && <p class="sub" id="pictures-total">{t('picturesTotal', byteSize(picturesTotal))}</p>}
      <p class="message" id="library-message" role="status">{message}</p>
      {details.length > 0 && (
        <ul id="import-rejected" class="message">
          {details.map((d) => <li key={d}>{d}</li>)}
        </ul>
      )}
      {damaged.length > 0 && (
        <section id="damaged">
          <h2>{t('damagedTitle')}</h2>
          <ul>
            {damaged.map((d) => (
              <li key={d.key} data-key={d.key}>
                <code>{d.key}</code> — {d.reason}{' '}
                <button class="delete-damaged" onClick={async () => { await lib!.removeKey(d.key); refresh(); }}>{t('delete')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {undo && (
        <p class="undo" role="status">
          {t('deleted', undo.record.title)} <button id="undo" onClick={restore}>{t('undo')}</button>
        </p>
      )}
      <p class="sub" id="library-reading" role="status">{readingAll > 0 ? t('libraryReading', all.length, readingAll) : ''}</p>
      {!loaded ? null : all.length === 0 ? (
        <p class="empty">{t('empty')}</p>
      ) : shown.length === 0 ? (
        <p class="empty">{t('noMatches')}</p>
      ) : (
        <table id="articles">
          <tbody>
            {shown.slice(0, rows).map((r) => {
              const pictureSpace = pictureBytes(r);
              return (
                <tr key={r.url} data-url={r.url} class={r.readAt ? 'read' : 'unread'}>
                  <td><input type="checkbox" class="select" aria-label={t('selectArticle', (r.converted ?? r.article).title)} checked={selected.has(r.url)} onChange={() => toggle(r.url)} /></td>
                  <td class="title">
                    {!r.readAt && <span class="unread-mark" title={t('unread')}><span class="visually-hidden">{t('unread')}</span></span>}
                    <a href={`reader.html?url=${encodeURIComponent(r.url)}`}>{(r.converted ?? r.article).title}</a>
                    <div class="sub">
                      {rowFacts(r, r.template === 'generic' ? null : familyLabel(r.template)).join(' · ')}
                      {r.tags.map((x) => <span key={x} class="tag user-tag">#{x}</span>)}
                    </div>
                    <div class="excerpt">{excerptOf(r.converted ?? r.article)}</div>
                    {r.note && <div class="note">{r.note}</div>}
                  </td>
                  <td class="when">
                    {t('savedOn')} {r.savedAt.slice(0, 10)}
                    {pictureSpace > 0 && <div class="picture-space">{t('pictureSpace', byteSize(pictureSpace))}</div>}
                    {jobs[r.url] && !jobs[r.url]!.finishedAt ? (
                      <div class="pictures-saving" role="status">{t('picturesSavingRow', jobProgress(jobs[r.url]!).done, jobs[r.url]!.total)}</div>
                    ) : (
                      (r.picturesMissed ?? 0) > 0 && <div class="pictures-missed">{t('picturesAsLinks', r.picturesMissed!)}</div>
                    )}
                  </td>
                  <td>
                    <button class="mark-read" onClick={() => markRead(r, !r.readAt)}>{r.readAt ? t('markUnread') : t('markRead')}</button>
                    <button class="delete" onClick={() => remove(r)}>{t('delete')}</button>
                    {pictureSpace > 0 && <button class="drop-pictures" onClick={() => dropPictures(r)}>{t('dropPictures')}</button>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > rows && (
        <p>
          <button id="show-more" onClick={() => setRows((n) => n + FIRST_ROWS)}>{t('showMoreRows', Math.min(FIRST_ROWS, shown.length - rows), shown.length)}</button>
        </p>
      )}
    </main>
  );
}
