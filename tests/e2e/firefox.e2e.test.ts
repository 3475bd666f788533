import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PictureServer, servePictures } from '../helpers/pictures';
import { ROOT, serveFixtures } from './harness';

/**
 * Firefox (Debian's firefox-esr) over WebDriver BiDi with the add-on installed temporarily.
 * BiDi cannot click the toolbar or open moz-extension:// pages, so this drives the e2e build
 * (`wxt build -b firefox --mode e2e`): a fixture page opened with #jingdu-e2e asks the
 * background to run the real flows on its tab, and the outcome is read off the page.
 */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON = join(ROOT, '.output', 'firefox-mv2-e2e');

let browser: Browser;
let server: Server;
let base = '';

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox is needed at ${FIREFOX} (apt-get install firefox-esr)`);
  if (!existsSync(join(ADDON, 'manifest.json'))) throw new Error('Build the e2e add-on first: npx wxt build -b firefox --mode e2e');
  ({ server, base } = await serveFixtures());
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'xpinstall.signatures.required': false },
  });
  await browser.installExtension(ADDON);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface Outcome {
  ok: boolean;
  reason?: string;
  title?: string;
  template?: string;
  paragraphs?: number;
  headingTraditional?: string;
  headingRestored?: string;
  saved?: boolean;
  readBack?: { title: string; paragraphs: number; pictures: number; picturesMissed: number } | null;
  pictureJob?: { total: number; kept: number; finished: boolean } | null;
  text?: string;
  mergedPages?: number;
  ruleSaved?: boolean;
  siteRules?: string[];
}

async function probe(path: string, site = base): Promise<Outcome> {
  const page = await browser.newPage();
  await page.goto(`${site}/${path}`);
  await page.waitForSelector('html[data-jingdu-e2e]', { timeout: 30_000 });
  const outcome = JSON.parse((await page.$eval('html', (el) => el.getAttribute('data-jingdu-e2e')))!) as Outcome;
  await page.close();
  return outcome;
}

describe('Firefox, driven for real', () => {
  it('cleans a forum thread, shows the page in 繁體 and back, and saves the article to the library', async () => {
    const outcome = await probe('discuz--party-members-thread.html#jingdu-e2e');
    expect(outcome, outcome.reason).toMatchObject({
      ok: true,
      title: '杭锦旗：党员闻令而动 堡垒因战而坚',
      template: 'discuz',
      headingTraditional: '杭錦旗:黨員聞令而動 堡壘因戰而堅', // the page itself, as written (ASCII colon)
      headingRestored: '杭锦旗:党员闻令而动 堡垒因战而坚',
      saved: true,
      readBack: { title: '杭锦旗：党员闻令而动 堡垒因战而坚', paragraphs: outcome.paragraphs },
    });
    expect(outcome.paragraphs).toBeGreaterThan(3);
  });

  it('applies a site rule kept through the picker\'s path: the replies it removes are gone, and the article says which rule acted', async () => {
    const before = await probe('site-rules/news-with-comments.html#jingdu-e2e');
    expect(before.text).toContain('我们小区去年就开始协商了');
    const outcome = await probe('site-rules/news-with-comments.html#jingdu-e2e-rule');
    expect(outcome, outcome.reason).toMatchObject({ ok: true, ruleSaved: true, siteRules: ['e2e-local-replies:1'], paragraphs: 5 });
    expect(outcome.text).not.toContain('我们小区去年就开始协商了');
    expect(outcome.text).toContain('加装电梯最难的是邻里协商');
  });

  it('merges an article’s later pages (GBK, same site) in order', async () => {
    const outcome = await probe('paged/report.htm#jingdu-e2e-merge');
    expect(outcome, outcome.reason).toMatchObject({ ok: true, title: '南湖镇农村生活污水治理两年全覆盖', mergedPages: 2 });
    const text = outcome.text ?? '';
    expect(text.indexOf('入夏以来')).toBeLessThan(text.indexOf('试点过程中'));
    expect(text.indexOf('试点过程中')).toBeLessThan(text.indexOf('目前，全镇'));
  });

  it('keeps a saved article\'s pictures, fetched by the add-on from another site that refuses hotlinks', async () => {
    // Pictures on one server, the page on another: the page's own Referer would be refused.
    let pictures: PictureServer | null = null;
    let pages: PictureServer | null = null;
    try {
      pictures = await servePictures();
      pages = await servePictures({ pictureHost: pictures.base });
      const outcome = await probe('pages/wechat-pictures.html#jingdu-e2e', pages.base);
      // Kept by the add-on's background page after the save, as a job it ran to the end.
      expect(outcome).toMatchObject({ ok: true, saved: true, pictureJob: { total: 3, kept: 3, finished: true }, readBack: { title: '茶园里的春天：采茶季的一天', pictures: 3, picturesMissed: 0 } });
      const fetched = pictures.requests.filter((r) => r.path.startsWith('/p/'));
      expect(fetched.length).toBeGreaterThanOrEqual(3);
      expect(fetched.every((r) => !r.referer && !r.cookie)).toBe(true);
    } finally {
      await pictures?.close();
      await pages?.close();
    }
  });
});
