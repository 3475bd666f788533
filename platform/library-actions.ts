import type { ScriptVariant } from '../lib/convert/variants';
import { type PictureJob, jobProgress } from '../lib/pictures/picture-job';
import { LibraryFullError, RecordTooLargeError, openLibrary } from '../lib/storage/library';
import { pictureSources } from '../lib/storage/records';
import type { CleanArticle } from '../lib/types';
import { t } from './i18n';
import { queuePictureJob, wakePictureJobs, watchPictureJob } from './picture-jobs';
import { askPictureAccess, hasPictureAccess } from './pictures';
import { keepPictures as keepPicturesSetting } from './settings';

/** What to do with an article's pictures on save: fetch them, or leave links (and say why). */
export type PictureChoice = 'keep' | 'denied' | 'off';

/**
 * Decides before saving, given the reader's setting (read ahead: a click may ask for access
 * only while it is handled, before other awaits): access to the picture sites, asked for here
 * when missing, or only checked when there is no click (shortcut, menu).
 */
export async function pictureChoice(article: CleanArticle, enabled: boolean, fromClick: boolean): Promise<PictureChoice> {
  const sources = pictureSources(article);
  if (!enabled || !sources.length) return 'off';
  const granted = fromClick ? await askPictureAccess(sources) : await hasPictureAccess(sources);
  return granted ? 'keep' : 'denied';
}

/** The reader's "keep pictures" setting, to read before the click that saves. */
export function keepPicturesEnabled(): Promise<boolean> {
  return keepPicturesSetting.getValue();
}

/** "已存图片 10/12 张。2 张仍为链接：已达每篇 50 MB 上限。" — what became of the pictures. */
export function picturesMessage(job: PictureJob): string {
  if (!job.total) return '';
  const missed = job.total - job.kept;
  const why = job.failed.some((f) => f.reason === 'cap') ? 'picturesMissedCap' : job.failed.some((f) => f.reason === 'library-full') ? 'picturesMissedFull' : 'picturesMissed';
  return [t('picturesKept', job.kept, job.total), missed ? t(why, missed) : ''].filter(Boolean).join(' ');
}

/** The notice for a save whose pictures are kept in the background: progress, then how it ended. */
export function pictureJobNotice(job: PictureJob): string {
  const saved = t(job.status === 'created' ? 'saved' : 'updated');
  if (job.finishedAt) return [saved, picturesMessage(job)].filter(Boolean).join(' ');
  const { done, total } = jobProgress(job);
  return [saved, t('savingPictures', done, total), t('picturesInBackground')].join(' ');
}

/** Shows a save's notice as its pictures come in, until it ends; returns the unwatch function. */
export function followPictureJob(url: string, show: (notice: string) => void): () => void {
  return watchPictureJob(url, (job) => job && show(pictureJobNotice(job)));
}

export interface SaveOptions {
  pictures?: PictureChoice;
  /** How to start the background's picture jobs: a message from pages, a direct call in the background itself. */
  runJobs?: () => void;
}

export interface SaveOutcome {
  ok: boolean;
  message: string;
  /** The saved article's key when its pictures are being kept in the background: watch its job. */
  pictureJob?: string;
}

/**
 * Saves from the popup, the reader or the menu. The article is written at once; its
 * pictures are then kept by the background (see picture-jobs), so closing the page that
 * saved loses nothing. Answers with a message for the reader.
 */
export async function saveArticle(article: CleanArticle, variant: ScriptVariant, converted: CleanArticle | null, options: SaveOptions = {}): Promise<SaveOutcome> {
  try {
    const lib = await openLibrary();
    let saved: Awaited<ReturnType<typeof lib.save>>;
    try {
      saved = await lib.save(article, variant, converted);
    } finally {
      lib.close();
    }
    const said = [t(saved.status === 'created' ? 'saved' : 'updated'), saved.trimmed.length ? t('savedTrimmed') : ''];
    if (options.pictures === 'denied') return { ok: true, message: [...said, t('picturesNoAccess')].filter(Boolean).join(' ') };
    if (options.pictures !== 'keep') return { ok: true, message: said.filter(Boolean).join(' ') };
    const job = await queuePictureJob(saved.record, saved.status);
    if (!job || job.finishedAt) return { ok: true, message: [...said, job ? picturesMessage(job) : ''].filter(Boolean).join(' ') };
    (options.runJobs ?? wakePictureJobs)();
    return { ok: true, message: pictureJobNotice(job), pictureJob: job.url };
  } catch (err) {
    if (err instanceof LibraryFullError) return { ok: false, message: t('libraryFull') };
    if (err instanceof RecordTooLargeError) return { ok: false, message: t('saveRefused', err.reason) };
    return { ok: false, message: String((err as Error).message ?? err) };
  }
}

export function openExtensionPage(path: '/library.html' | '/reader.html', query = ''): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path) + query });
}
