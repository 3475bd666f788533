import { storage } from 'wxt/utils/storage';
import { type KeepResult, keepPictures } from '../lib/pictures/keep-pictures';
import { type PictureJob, afterBatch, finishJob, liveJobs, newPictureJob, roomLeft, takeBatch } from '../lib/pictures/picture-job';
import { LibraryFullError, openLibrary } from '../lib/storage/library';
import { pictureSources } from '../lib/storage/records';
import type { SavedArticle } from '../lib/storage/schema';

/**
 * Saved articles whose pictures are still being kept, by article key. Local storage, not
 * memory: the background worker may be stopped at any time and picks the jobs up when it
 * starts again; every page that shows the article watches its job for progress.
 */
export const pictureJobs = storage.defineItem<Record<string, PictureJob>>('local:pictureJobs', { fallback: {} });

/** What pages send to wake the background so it keeps (or resumes keeping) pictures. */
export const KEEP_PICTURES_MESSAGE = { jingduKeepPictures: true } as const;

/** Starts keeping a just-saved record's pictures (those an earlier save did not keep); replaces a job for the same article. */
export async function queuePictureJob(record: SavedArticle, status: PictureJob['status']): Promise<PictureJob | null> {
  const now = new Date().toISOString();
  const job = newPictureJob({
    url: record.url,
    pageUrl: record.article.url,
    sources: pictureSources(record.article),
    alreadyKept: (record.pictures ?? []).map((p) => p.src),
    status,
    now,
  });
  await pictureJobs.setValue({ ...liveJobs(await pictureJobs.getValue(), now), [job.url]: job });
  return job;
}

/** From an extension page: asks the background to run the jobs (a no-op when it already is). */
export function wakePictureJobs(): void {
  void browser.runtime.sendMessage(KEEP_PICTURES_MESSAGE).catch(() => undefined);
}

/** Calls `onChange` with the article's job now and at every change; returns the unwatch function. */
export function watchPictureJob(url: string, onChange: (job: PictureJob | undefined) => void): () => void {
  void pictureJobs.getValue().then((jobs) => onChange(jobs[url]));
  return pictureJobs.watch((jobs) => onChange(jobs?.[url]));
}

/** Writes a job's next state, unless a newer save replaced it meanwhile. */
async function storeJob(job: PictureJob): Promise<void> {
  const jobs = await pictureJobs.getValue();
  if (jobs[job.url]?.startedAt !== job.startedAt) return;
  await pictureJobs.setValue({ ...jobs, [job.url]: job });
}

/**
 * Test builds only: room left on a pretend disk, in picture bytes. Chromium lets automation
 * lower the storage quota of web origins but not of an extension's, so the end-to-end test of
 * a disk filling up mid-save sets this; the library then refuses as a full disk does.
 */
async function e2eDiskFills(kept: KeepResult): Promise<boolean> {
  if (import.meta.env.MODE !== 'e2e') return false;
  const e2eDiskRoom = storage.defineItem<number | null>('local:e2eDiskRoom', { fallback: null });
  const room = await e2eDiskRoom.getValue();
  if (room === null) return false;
  const left = room - kept.pictures.reduce((sum, p) => sum + p.size, 0);
  await e2eDiskRoom.setValue(Math.max(left, 0));
  return left < 0;
}

/** One batch of one job: fetched, written to the library, then the job's state. */
async function step(job: PictureJob): Promise<void> {
  const now = () => new Date().toISOString();
  const { batch, job: taken } = takeBatch(job);
  if (!batch.length) return storeJob({ ...taken, finishedAt: now() });
  const kept = await keepPictures(batch, { capBytes: roomLeft(taken), pageUrl: taken.pageUrl });
  const lib = await openLibrary();
  try {
    if (await e2eDiskFills(kept)) throw new LibraryFullError();
    const record = await lib.attachPictures(taken.url, kept);
    await storeJob(record ? afterBatch(taken, batch, kept, now()) : finishJob(taken, 'article-gone', now()));
  } catch (err) {
    if (!(err instanceof LibraryFullError)) throw err;
    await storeJob(finishJob(taken, 'library-full', now()));
  } finally {
    lib.close();
  }
}

let running: Promise<void> | null = null;

/** Background only: runs every unfinished job, one batch at a time, until none is left. */
export function runPictureJobs(): Promise<void> {
  running ??= (async () => {
    try {
      for (;;) {
        const job = Object.values(await pictureJobs.getValue()).find((j) => !j.finishedAt);
        if (!job) return;
        await step(job);
      }
    } finally {
      running = null;
    }
  })();
  return running;
}
