import { type KeepResult, PICTURE_CAP_BYTES, type PictureFailure } from './keep-pictures';

/**
 * Keeping a saved article's pictures, as a job that outlives the page that started it. The
 * article is written at once; its pictures are fetched afterwards a few at a time, each batch
 * written to the library as it arrives, and the job (kept in extension storage) says what is
 * left. So a closed popup, a stopped background worker or a browser restart costs at most the
 * batch in flight: the job resumes from `pending`.
 */
export type JobFailure = PictureFailure | 'library-full' | 'article-gone';

export interface PictureJob {
  /** The saved article's key in the library. */
  url: string;
  /** The article's page, for the private-address check (null for text without a page). */
  pageUrl: string | null;
  /** Distinct picture addresses of the article. */
  total: number;
  /** Kept so far, earlier saves included. */
  kept: number;
  pending: string[];
  failed: Array<{ src: string; reason: JobFailure }>;
  /** Bytes fetched by this job, against the per-article cap. */
  usedBytes: number;
  /** Timeouts per picture host: a host that does not answer twice is not asked again. */
  timeouts: Record<string, number>;
  /** Identifies this job: a new save of the same article replaces it. */
  startedAt: string;
  finishedAt: string | null;
  /** 'created' or 'updated': what the save that started it said. */
  status: 'created' | 'updated';
}

/** Pictures fetched and written per step. */
export const BATCH_SIZE = 4;
/** A host that timed out this often is given up for the rest of the job. */
export const HOST_TIMEOUTS_TO_GIVE_UP = 2;
/** Finished jobs are kept this long so a reopened popup or reader can say how the save ended. */
export const FINISHED_JOB_KEPT_MS = 24 * 60 * 60 * 1000;

export function newPictureJob(init: { url: string; pageUrl: string | null; sources: string[]; alreadyKept: string[]; status: PictureJob['status']; now: string }): PictureJob {
  const kept = new Set(init.alreadyKept);
  const pending = [...new Set(init.sources)].filter((s) => !kept.has(s));
  return {
    url: init.url,
    pageUrl: init.pageUrl,
    total: pending.length + kept.size,
    kept: kept.size,
    pending,
    failed: [],
    usedBytes: 0,
    timeouts: {},
    startedAt: init.now,
    finishedAt: pending.length ? null : init.now,
    status: init.status,
  };
}

function hostOf(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return '';
  }
}

/** The job with every pending picture failed for `reason`, finished. */
export function finishJob(job: PictureJob, reason: JobFailure, now: string): PictureJob {
  return { ...job, pending: [], failed: [...job.failed, ...job.pending.map((src) => ({ src, reason }))], finishedAt: now };
}

/** The next pictures to fetch; pictures of a host given up are failed on the way, unasked. */
export function takeBatch(job: PictureJob, size = BATCH_SIZE): { batch: string[]; job: PictureJob } {
  const givenUp = (src: string) => (job.timeouts[hostOf(src)] ?? 0) >= HOST_TIMEOUTS_TO_GIVE_UP;
  const skipped = job.pending.filter(givenUp);
  const askable = job.pending.filter((s) => !givenUp(s));
  const failed = [...job.failed, ...skipped.map((src) => ({ src, reason: 'timeout' as const }))];
  return { batch: askable.slice(0, size), job: { ...job, failed, pending: askable } };
}

/** The job after a batch came back: what was kept counts, what failed is listed, the cap ends it. */
export function afterBatch(job: PictureJob, batch: string[], result: KeepResult, now: string): PictureJob {
  const asked = new Set(batch);
  const timeouts = { ...job.timeouts };
  for (const f of result.failed) if (f.reason === 'timeout') timeouts[hostOf(f.src)] = (timeouts[hostOf(f.src)] ?? 0) + 1;
  const next: PictureJob = {
    ...job,
    kept: job.kept + result.refs.length,
    pending: job.pending.filter((s) => !asked.has(s)),
    failed: [...job.failed, ...result.failed],
    usedBytes: job.usedBytes + result.pictures.reduce((sum, p) => sum + p.size, 0),
    timeouts,
  };
  if (result.failed.some((f) => f.reason === 'cap')) return finishJob(next, 'cap', now);
  return next.pending.length ? next : { ...next, finishedAt: now };
}

/** What the next batch may still fetch under the per-article cap. */
export function roomLeft(job: PictureJob): number {
  return Math.max(0, PICTURE_CAP_BYTES - job.usedBytes);
}

export function jobProgress(job: PictureJob): { done: number; total: number } {
  return { done: job.total - job.pending.length, total: job.total };
}

/** Jobs still worth keeping: running ones, and finished ones for a day. */
export function liveJobs(jobs: Record<string, PictureJob>, now: string): Record<string, PictureJob> {
  const cutoff = Date.parse(now) - FINISHED_JOB_KEPT_MS;
  return Object.fromEntries(Object.entries(jobs).filter(([, j]) => !j.finishedAt || Date.parse(j.finishedAt) >= cutoff));
}
