import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PictureServer, servePictures } from '../helpers/pictures';
import { E2E_EXTENSION_DIR, type ExtensionBrowser, clickToolbar, launchWithExtension, until } from './harness';

/**
 * A save whose pictures arrive after the popup is gone. The picture host holds every picture
 * request unanswered until the test lets it answer, so each case stops the save in the middle
 * by construction, not by timing: the article is in the library first, then the popup closes,
 * the background worker is stopped, or the disk fills up, and only then do the pictures come.
 */
let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension('zh-CN', E2E_EXTENSION_DIR);
});
afterAll(() => browser?.close());

const PICTURES = 50;

/** The saved record's picture counts, read from the library's database by an extension page. */
async function savedPictures(page: Page, url: string): Promise<{ kept: number; missed: number; valid: boolean } | null> {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('jingdu-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('articles').objectStore('articles').get(key);
          get.onsuccess = () => {
            const r = get.result;
            open.result.close();
            resolve(r ? { kept: r.pictures?.length ?? 0, missed: r.picturesMissed ?? 0, valid: Array.isArray(r.article?.paragraphs) && typeof r.note === 'string' } : null);
          };
        };
      }),
    url,
  );
}

/** Waits until every picture of the save is kept, then checks the record is whole. */
async function untilAllKept(watcher: Page, url: string): Promise<void> {
  await until(async () => (await savedPictures(watcher, url))?.kept === PICTURES, 120_000);
  expect(await savedPictures(watcher, url)).toEqual({ kept: PICTURES, missed: 0, valid: true });
}

async function extensionPage(path = 'library.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/**
 * Opens a 50-picture photo report, holds the picture host, clicks 保存到文库 and waits until
 * the article is in the library and the background has asked for pictures it has not got.
 */
async function startHeldSave(host: PictureServer, kb: number) {
  const url = `${host.base.replace('127.0.0.1', 'localhost')}/many.html?n=${PICTURES}&kb=${kb}`;
  const page = await browser.context.newPage();
  await page.goto(url);
  host.hold();
  const popup = await clickToolbar(browser, page);
  await popup.waitFor('#save');
  await popup.clickAsUser('#save');
  await until(async () => (await popup.hasText('#notice', '后台')), 60_000);
  const watcher = await extensionPage('options.html');
  await until(async () => (await savedPictures(watcher, url)) !== null, 60_000);
  await until(async () => host.held() > 0, 60_000);
  return { url, page, popup, watcher };
}

async function stopBackgroundWorker(): Promise<void> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  const isOurs = (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`);
  const worker = (await cdp.send('Target.getTargets')).targetInfos.find(isOurs);
  if (!worker) throw new Error('the background worker is not running');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await until(async () => !(await cdp.send('Target.getTargets')).targetInfos.some(isOurs), 60_000);
  await cdp.detach();
}

describe('a save that outlives the popup', () => {
  it('closing the popup in the middle of a 50-picture save: the background keeps every picture', async () => {
    const host = await servePictures();
    try {
      const { url, page, popup, watcher } = await startHeldSave(host, 0);
      expect(await savedPictures(watcher, url)).toMatchObject({ kept: 0, valid: true }); // the text is saved already
      await popup.close();
      await page.close();
      host.release();
      await untilAllKept(watcher, url);
      // The library shows it as whole: no row says pictures are links or still coming.
      const library = await extensionPage();
      await library.waitForSelector('#articles tr:has-text("春耕时节田间忙") .picture-space');
      expect(await library.locator('#articles .pictures-missed, #articles .pictures-saving').count()).toBe(0);
      await library.close();
      await watcher.close();
    } finally {
      await host.close();
    }
  });

  it('stopping the background worker in the middle: the save resumes when the worker starts again, and finishes', async () => {
    const host = await servePictures();
    try {
      const { url, page, popup, watcher } = await startHeldSave(host, 0);
      await popup.close();
      await page.close();
      await stopBackgroundWorker(); // its fetches die with it
      host.release();
      expect((await savedPictures(watcher, url))?.kept).toBeLessThan(PICTURES);
      // Opening the library starts the worker again; the job picks up where it stopped.
      const library = await extensionPage();
      await untilAllKept(watcher, url);
      await library.close();
      await watcher.close();
    } finally {
      await host.close();
    }
  });

  it('the disk filling up in the middle: the article stays, readable and listed, with each picture kept or a link', async () => {
    const host = await servePictures();
    try {
      const { url, page, watcher } = await startHeldSave(host, 200);
      // Room for a few of the 200 KB pictures only (see e2eDiskRoom: Chromium gives automation no quota control over an extension's origin).
      await watcher.evaluate('chrome.storage.local.set({ e2eDiskRoom: 2 * 1024 * 1024 })');
      host.release();
      // The popup closed when the watching page opened; the job in extension storage says how the save ended.
      type Job = { finishedAt: string | null; kept: number; failed: Array<{ reason: string }> };
      const job = async () => ((await watcher.evaluate(`chrome.storage.local.get('pictureJobs')`)) as { pictureJobs: Record<string, Job> }).pictureJobs[url];
      await until(async () => !!(await job())?.finishedAt, 180_000);
      const saved = (await savedPictures(watcher, url))!;
      expect(saved.valid).toBe(true);
      expect(saved.kept).toBeGreaterThan(0);
      expect(saved.kept).toBeLessThan(PICTURES);
      expect(saved.kept + saved.missed).toBe(PICTURES);
      expect((await job())!.kept).toBe(saved.kept);
      expect((await job())!.failed.some((f) => f.reason === 'library-full')).toBe(true);
      await watcher.evaluate(`chrome.storage.local.remove('e2eDiskRoom')`);
      const library = await extensionPage();
      await library.waitForSelector('#articles tr:has-text("春耕时节田间忙") .pictures-missed');
      expect(await library.textContent('#articles tr:has-text("春耕时节田间忙") .pictures-missed')).toBe(`${saved.missed} 张图片为链接`);
      expect(await library.locator('#damaged').count()).toBe(0);
      await library.close();
      await page.close();
      await watcher.close();
    } finally {
      await host.close();
    }
  });
});
