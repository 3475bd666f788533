import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterBatch, newPictureJob, takeBatch } from '../../lib/pictures/picture-job';
import { openLibrary } from '../../lib/storage/library';
import type { CleanArticle } from '../../lib/types';
import { cleanText } from '../../lib/text-pipeline';
import { loadGolden } from '../helpers/golden';
import { colourOf, pngPicture } from '../helpers/pictures';

/**
 * Saves whose pictures are kept after the article is written, by the background, as a job in
 * extension storage: a stopped worker, a closed popup or a full disk never loses the article.
 */
const PAGE = 'https://news.example.cn/2026/12/01/a.html';
const pictureAt = (i: number) => `https://img.example.cn/p/${i}.png`;
const seed = loadGolden()[0]!;
function articleWith(n: number): CleanArticle {
  return { ...cleanText(seed.seedText), url: PAGE, images: Array.from({ length: n }, (_, i) => ({ src: pictureAt(i), alt: `图${i}` })) };
}

/** A picture host: each answer is a different PNG; `hold` makes the listed pictures never answer. */
function pictureHost(hold: (i: number) => boolean = () => false) {
  const asked: number[] = [];
  const fetch = vi.fn(async (src: string, init?: RequestInit) => {
    const i = Number(/\/p\/(\d+)\.png/.exec(src)![1]);
    asked.push(i);
    if (hold(i)) return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    return new Response(new Uint8Array(pngPicture(8, 8, colourOf(i + 1))), { headers: { 'content-type': 'image/png' } });
  });
  return { fetch, asked };
}

/** The picture-jobs module as a freshly started background worker sees it (nothing in memory). */
async function freshWorker() {
  vi.resetModules();
  return import('../../platform/picture-jobs');
}

async function saveWithoutWaiting(article: CleanArticle) {
  const jobs = await freshWorker();
  const lib = await openLibrary();
  const { record, status } = await lib.save(article);
  lib.close();
  return { job: await jobs.queuePictureJob(record, status), jobs };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});
afterEach(() => vi.unstubAllGlobals());

describe('a save keeps its pictures in the background', () => {
  it('writes the article at once; the background then keeps all 50 pictures and the job says so', async () => {
    const host = pictureHost();
    vi.stubGlobal('fetch', host.fetch);
    const { job, jobs } = await saveWithoutWaiting(articleWith(50));
    expect(job).toMatchObject({ total: 50, kept: 0, finishedAt: null });
    const lib = await openLibrary();
    expect((await lib.get(PAGE))!.article.title).toBe(articleWith(0).title); // readable before any picture came
    await jobs.runPictureJobs();
    const record = (await lib.get(PAGE))!;
    expect([record.pictures!.length, record.picturesMissed]).toEqual([50, 0]);
    expect((await lib.pictureFiles(record)).size).toBe(50);
    expect((await jobs.pictureJobs.getValue())[PAGE]).toMatchObject({ kept: 50, pending: [], finishedAt: expect.any(String) });
    lib.close();
  });

  it('resumes where a stopped worker left off: no picture is fetched twice, none is lost', async () => {
    const stopped = pictureHost((i) => i >= 12);
    vi.stubGlobal('fetch', stopped.fetch);
    const { jobs } = await saveWithoutWaiting(articleWith(50));
    void jobs.runPictureJobs(); // this worker is stopped while pictures 12… hang
    await vi.waitFor(async () => expect((await jobs.pictureJobs.getValue())[PAGE]!.kept).toBe(12), { timeout: 60_000 });

    const lib = await openLibrary();
    expect((await lib.get(PAGE))!.pictures).toHaveLength(12); // each batch was written as it came

    const restarted = pictureHost();
    vi.stubGlobal('fetch', restarted.fetch);
    await (await freshWorker()).runPictureJobs();
    expect(restarted.asked.every((i) => i >= 12)).toBe(true);
    expect(new Set(restarted.asked).size).toBe(38);
    const record = (await lib.get(PAGE))!;
    expect([record.pictures!.length, record.picturesMissed]).toEqual([50, 0]);
    lib.close();
  });

  it('a note written while the pictures arrive is kept', async () => {
    vi.stubGlobal('fetch', pictureHost().fetch);
    const { jobs } = await saveWithoutWaiting(articleWith(10));
    const lib = await openLibrary();
    await lib.setNotes(PAGE, '边存边写', ['笔记']);
    await jobs.runPictureJobs();
    expect(await lib.get(PAGE)).toMatchObject({ note: '边存边写', tags: ['笔记'], picturesMissed: 0 });
    lib.close();
  });

  it('a full disk ends the job with the article intact and every picture either kept or listed as a link', async () => {
    vi.stubGlobal('fetch', pictureHost().fetch);
    const { jobs } = await saveWithoutWaiting(articleWith(20));
    const lib = await openLibrary();
    const realAttach = (await import('../../lib/storage/library')).Library.prototype.attachPictures;
    let batches = 0;
    const { LibraryFullError, Library } = await import('../../lib/storage/library');
    vi.spyOn(Library.prototype, 'attachPictures').mockImplementation(function (this: InstanceType<typeof Library>, ...args) {
      if (++batches > 2) throw new LibraryFullError();
      return realAttach.apply(this, args);
    });
    await jobs.runPictureJobs();
    const record = (await lib.get(PAGE))!;
    expect([record.pictures!.length, record.picturesMissed]).toEqual([8, 12]);
    const job = (await jobs.pictureJobs.getValue())[PAGE]!;
    expect(job.failed.filter((f) => f.reason === 'library-full')).toHaveLength(12);
    expect(await lib.damaged()).toEqual([]);
    lib.close();
  });

  it('an article deleted while its pictures are kept stays deleted', async () => {
    vi.stubGlobal('fetch', pictureHost().fetch);
    const { jobs } = await saveWithoutWaiting(articleWith(10));
    const lib = await openLibrary();
    await lib.remove(PAGE);
    await jobs.runPictureJobs();
    expect(await lib.get(PAGE)).toBeUndefined();
    expect((await jobs.pictureJobs.getValue())[PAGE]!.failed.every((f) => f.reason === 'article-gone')).toBe(true);
    lib.close();
  });
});

describe('the job itself', () => {
  const job = () => newPictureJob({ url: PAGE, pageUrl: PAGE, sources: [pictureAt(0), pictureAt(1), pictureAt(2), pictureAt(0)], alreadyKept: [pictureAt(1)], status: 'updated', now: '2026-12-01T00:00:00Z' });

  it('asks only for the pictures an earlier save did not keep, each once', () => {
    expect(job()).toMatchObject({ total: 3, kept: 1, pending: [pictureAt(0), pictureAt(2)] });
  });

  it('gives up a host that timed out twice, without asking it again', () => {
    const hung = { pictures: [], refs: [], failed: [{ src: pictureAt(0), reason: 'timeout' as const }, { src: pictureAt(2), reason: 'timeout' as const }] };
    const many = newPictureJob({ url: PAGE, pageUrl: PAGE, sources: Array.from({ length: 10 }, (_, i) => pictureAt(i)), alreadyKept: [], status: 'created', now: '2026-12-01T00:00:00Z' });
    const { batch, job: taken } = takeBatch(many, 2);
    const after = afterBatch(taken, batch, { ...hung, failed: batch.map((src) => ({ src, reason: 'timeout' as const })) }, '2026-12-01T00:01:00Z');
    const next = takeBatch(after, 2);
    expect(next.batch).toEqual([]);
    expect(next.job.failed).toHaveLength(10);
    expect(next.job.failed.every((f) => f.reason === 'timeout')).toBe(true);
  });
});
