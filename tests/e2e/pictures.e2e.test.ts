import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PictureServer, servePictures } from '../helpers/pictures';
import { E2E_EXTENSION_DIR, type ExtensionBrowser, OUTPUT_DIR, clickToolbar, launchWithExtension, until } from './harness';

/**
 * Pictures kept on save. The picture host refuses requests carrying another site's page as
 * Referer (as sinaimg and mmbiz do); the article pages are on "localhost", the pictures on
 * 127.0.0.1, so the page's own Referer would be refused. The e2e build holds access to
 * 127.0.0.1 from install, in place of the permission prompt automation cannot click.
 */
let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension('zh-CN', E2E_EXTENSION_DIR);
});
afterAll(() => browser?.close());

/** Opens the page, clicks the toolbar and 保存到文库 (as the user: a click may ask for access), and returns the final notice. */
async function save(url: string, done: RegExp): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const popup = await clickToolbar(browser, page);
  await popup.waitFor('#save');
  await popup.clickAsUser('#save');
  let notice = '';
  await until(async () => done.test((notice = (await popup.text('#notice')) ?? '')), 60_000).catch(() => {
    throw new Error(`the save did not finish; the popup says: ${notice}`);
  });
  await page.close();
  return notice;
}

async function libraryPage(): Promise<Page> {
  const library = await browser.context.newPage();
  await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
  await library.waitForSelector('#articles tr');
  return library;
}

/** Every picture in the reader: its address scheme and decoded width, once all have loaded. */
async function readerPictures(page: Page): Promise<Array<{ scheme: string; width: number }>> {
  await page.waitForSelector('#content img');
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#content img')].every((i) => i.complete));
  return page.$$eval('#content img', (imgs) => imgs.map((i) => ({ scheme: new URL((i as HTMLImageElement).src).protocol, width: (i as HTMLImageElement).naturalWidth })));
}

async function download(page: Page, button: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, name);
  await file.saveAs(path);
  return path;
}

describe('pictures kept with a saved article', () => {
  it('saves a WeChat article\'s lazy pictures past hotlink protection; with the site gone, the reader, exports and backup still have them', async () => {
    let host: PictureServer | null = await servePictures();
    const article = `${host.base.replace('127.0.0.1', 'localhost')}/pages/wechat-pictures.html`;
    expect(await save(article, /已存图片/)).toBe('已保存到文库 已存图片 3/3 张。');
    // Every request for a picture (the popup's preview and the save) went without Referer or cookies.
    const pictureRequests = host.requests.filter((r) => r.path.startsWith('/p/'));
    expect(new Set(pictureRequests.map((r) => r.path)).size).toBe(3);
    expect(pictureRequests.every((r) => !r.referer && !r.cookie)).toBe(true);
    await host.close(); // the site is gone: everything below is read from the library
    host = null;

    const library = await libraryPage();
    expect(await library.textContent('#articles .picture-space')).toMatch(/^图片 \d+ KB$/);
    expect(await library.textContent('#pictures-total')).toMatch(/^图片共占 \d+ KB。$/);

    const zip = unzipSync(new Uint8Array(readFileSync(await download(library, '#export-zip', 'pictures-export.zip'))));
    expect(Object.keys(zip).filter((n) => n.startsWith('assets/')).sort()).toEqual(['assets/0.png', 'assets/640.png', 'assets/炒茶.png']);
    const md = strFromU8(zip[Object.keys(zip).find((n) => n.endsWith('.md'))!]!);
    expect(md).toContain('](assets/炒茶.png)');
    const book = unzipSync(new Uint8Array(readFileSync(await download(library, '#export-epub', 'pictures-export.epub'))));
    expect(Object.keys(book).filter((n) => n.startsWith('OEBPS/images/'))).toHaveLength(3);

    await library.click('#articles .title a');
    expect(await readerPictures(library)).toEqual(Array(3).fill({ scheme: 'blob:', width: 320 }));
    await library.goBack();

    // The backup carries the pictures: delete the article, import the backup, and they are back.
    await library.waitForSelector('#articles tr');
    const backup = await download(library, '#export-backup', 'pictures-backup.json');
    await library.click('#articles .delete');
    await library.waitForSelector('#articles', { state: 'detached' });
    await library.setInputFiles('#import-backup', backup);
    await library.waitForSelector('#articles tr');
    expect(await library.textContent('#articles .picture-space')).toMatch(/^图片 \d+ KB$/);
    await library.click('#articles .title a');
    expect(await readerPictures(library)).toEqual(Array(3).fill({ scheme: 'blob:', width: 320 }));

    // Dropping the pictures turns them back into links.
    await library.goBack();
    await library.waitForSelector('#articles .drop-pictures');
    await library.click('#articles .drop-pictures');
    await library.waitForFunction(() => document.querySelector('#articles .pictures-missed')?.textContent === '3 张图片为链接');
    expect(await library.$('#pictures-total')).toBeNull();
    await library.close();
  });

  it('an 80 MB picture or 200 large ones end at the 50 MB cap with a working save that keeps what fits', async () => {
    const host = await servePictures();
    const site = host.base.replace('127.0.0.1', 'localhost');
    try {
      expect(await save(`${site}/pages/huge-picture.html`, /上限/)).toBe('已保存到文库 已存图片 1/2 张。 1 张仍为链接：已达每篇 50 MB 上限。');
      const notice = await save(`${site}/many.html?n=200&kb=400`, /上限/);
      const [, kept, total, missed] = /已存图片 (\d+)\/(\d+) 张。 (\d+) 张仍为链接/.exec(notice) ?? [];
      expect(Number(total)).toBe(200);
      expect(Number(kept)).toBeGreaterThan(100); // 50 MB of 400 KB pictures
      expect(Number(kept) + Number(missed)).toBe(200);
    } finally {
      await host.close();
    }
    const library = await libraryPage();
    expect(await library.locator('#articles tr:has-text("长江入海口")').count()).toBe(1);
    expect(await library.textContent('#articles tr:has-text("组图") .pictures-missed')).toMatch(/^\d+ 张图片为链接$/);
    await library.close();
  });
});

describe('pictures the popup does not load by itself', () => {
  it('a lazy picture the page never loaded is not requested by the preview; asked for, a picture that never ends is stopped and the popup keeps answering', async () => {
    const host = await servePictures();
    try {
      const page = await browser.context.newPage();
      await page.goto(`${host.base}/pages/lazy-endless.html`); // pictures on the page's own host: the page shows them
      const popup = await clickToolbar(browser, page);
      await popup.waitFor('#content .held-picture');
      // The picture the page showed is shown; the lazy one waits as a button with its description.
      await until(() => popup.evaluate<boolean>('[...document.querySelectorAll("#content img")].every((i) => i.complete && i.naturalWidth > 0)'), 60_000);
      expect(await popup.evaluate<number>('document.querySelectorAll("#content img").length')).toBe(1);
      expect(await popup.text('#content .held-picture')).toContain('晾晒稻谷的农户');
      expect(host.requests.some((r) => r.path === '/trickle.png')).toBe(false); // the site cannot tell the button was clicked
      await popup.clickAsUser('#content .held-picture');
      await until(async () => host.requests.some((r) => r.path === '/trickle.png'), 60_000);
      // The endless picture is stopped under the time bound; the popup answered throughout.
      await until(() => popup.evaluate<boolean>('!!document.querySelector("#content img[data-stopped=timeout]")'), 120_000);
      expect(await popup.text('#title')).toBe('秋收时节稻谷飘香');
      await page.close();
    } finally {
      await host.close();
    }
  });
});
