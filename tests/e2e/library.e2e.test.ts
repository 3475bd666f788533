import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, clickToolbar, openPopup, savedParagraphs, until, useExtension } from './harness';

const suite = useExtension();


/**
 * Clicks the toolbar on an open page, then 保存到文库; returns the popup's notice. The click is
 * not the user's, so the production build cannot ask for the picture sites: pictures stay links
 * and the notice says so after the first sentence (pictures.e2e.test.ts covers keeping them).
 */
async function saveOpenPage(page: Page): Promise<string> {
  const popup = await clickToolbar(suite.browser, page);
  await popup.waitFor('#save');
  await popup.evaluate('document.querySelector("#save").click()');
  let notice = '';
  await until(async () => !!(notice = (await popup.text('#notice')) ?? ''));
  return notice;
}

const firstSentence = (notice: string) => notice.split(' ')[0];

async function saveFromPopup(path: string): Promise<string> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.base}/${path}`);
  const notice = await saveOpenPage(page);
  await page.close();
  return notice;
}

describe('library', () => {
  it('saves from the popup, finds the article across scripts, opens it in the reader and exports a zip', async () => {
    expect(firstSentence(await saveFromPopup('discuz--party-members-thread.html'))).toBe('已保存到文库');
    expect(firstSentence(await saveFromPopup('pinyin-mirror--two-burdens.html'))).toBe('已保存到文库');
    expect(firstSentence(await saveFromPopup('discuz--party-members-thread.html'))).toBe('已更新文库中的这篇文章');

    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library.waitForSelector('#articles tr');
    expect(await library.locator('#articles tr').count()).toBe(2);

    // 复工 (Simplified query) finds the Traditional mirror article (開工復工) and the Simplified thread.
    await library.fill('#search', '复工');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length === 2);
    await library.fill('#search', '兩副擔子');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length === 1);
    expect(await library.textContent('#articles .title a')).toContain('兩副擔子');
    await library.fill('#search', '');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length === 2);

    // With nothing selected the button says it exports every listed article, and it does.
    expect(await library.textContent('#export-zip')).toBe('导出全部 2 篇 (zip)');
    // Each row: site, date and family in words (not ids), nothing empty between them, and the article's opening.
    for (const facts of await library.locator('#articles .sub').allTextContents()) {
      expect(facts).toMatch(/ · (Discuz! 论坛帖子|带拼音注音的转载站)$/);
      expect(facts).not.toMatch(/·\s*·|^\s*·/);
    }
    expect((await library.locator('#articles .excerpt').allTextContents()).every((x) => x.length >= 8)).toBe(true);
    // Sorted by title on request.
    await library.selectOption('#sort', 'title');
    await library.waitForFunction(() => document.querySelector('#articles tr .title a')?.textContent?.startsWith('杭锦旗'));
    await library.selectOption('#sort', 'published');
    await library.waitForFunction(() => document.querySelector('#articles tr .title a')?.textContent?.startsWith('王潤宇')); // 2020-03-13, then 03-05
    await library.selectOption('#sort', 'saved');
    await library.waitForFunction(() => document.querySelector('#articles tr .title a')?.textContent?.startsWith('杭锦旗')); // saved again last
    const [download] = await Promise.all([library.waitForEvent('download'), library.click('#export-zip')]);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const zipPath = join(OUTPUT_DIR, 'library-export.zip');
    await download.saveAs(zipPath);
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const names = Object.keys(files).sort();
    expect(names).toEqual(['2020-03-05 杭锦旗：党员闻令而动 堡垒因战而坚.md', '2020-03-13 王潤宇：疫情防控和開工復工“兩副擔子”一起挑.md']);
    const md = strFromU8(files[names[0]!]!);
    expect(md).toMatch(/^---\ntitle: "杭锦旗：党员闻令而动 堡垒因战而坚"/);
    expect(md).toContain('editor: "华发网Mary"');
    expect(md).toContain('党员干部职工对进出人员测量体温一丝不苟');
    expect(md).not.toContain('wHIj');

    // Both unread until opened in the reader.
    expect(await library.locator('#articles tr.unread .unread-mark').count()).toBe(2);
    // Reader view, switched to Simplified.
    await library.click('#articles tr:last-child .title a');
    await library.waitForSelector('#title');
    expect(await library.textContent('#title')).toBe('王潤宇：疫情防控和開工復工“兩副擔子”一起挑');
    await library.selectOption('#reader-script', 'cn');
    await library.waitForFunction(() => document.querySelector('#title')?.textContent === '王润宇：疫情防控和开工复工“两副担子”一起挑');
    await library.click('#reader-settings summary');
    await library.selectOption('#theme', 'dark');
    await library.click('#reader-settings summary');
    await library.screenshot({ path: join(OUTPUT_DIR, 'reader-dark.png') });
    await library.goBack();

    // The article read is marked so; the filter lists the other, and it can be unread again.
    await library.waitForSelector('#articles tr.read');
    expect(await library.textContent('#articles tr.read .title a')).toContain('王潤宇');
    await library.selectOption('#read-filter', 'unread');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length === 1);
    expect(await library.textContent('#articles .title a')).toContain('杭锦旗');
    await library.selectOption('#read-filter', 'read');
    await library.waitForFunction(() => document.querySelector('#articles .title a')?.textContent?.includes('王潤宇'));
    await library.click('#articles tr.read .mark-read');
    await library.waitForSelector('#empty-filter, .empty');
    await library.selectOption('#read-filter', '');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr.unread').length === 2);

    // Delete with undo.
    await library.waitForSelector('#articles tr');
    await library.click('#articles tr:first-child .delete');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length === 1);
    await library.click('#undo');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length === 2);
    await library.close();
  });

  it('keeps the earlier save when the site edits the article, and the reader can show it', async () => {
    const FIRST = '入冬以来，东湖湿地自然保护区迎来大批越冬候鸟';
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.base}/news-portal--wetland-birds.html`);
    expect(firstSentence(await saveOpenPage(page))).toBe('已保存到文库');
    // The site corrects its article after we saved it.
    await page.evaluate((first) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(first))!;
      p.textContent = '更正：今冬最早一批越冬候鸟于十一月初抵达东湖湿地自然保护区，清晨的浅滩上不时传来鸣叫声，成群的豆雁在水面起落。';
    }, FIRST);
    expect(firstSentence(await saveOpenPage(page))).toBe('已更新文库中的这篇文章');

    const reader = await suite.browser.context.newPage();
    await reader.goto(`chrome-extension://${suite.browser.extensionId}/reader.html?url=${encodeURIComponent(page.url())}`);
    await reader.waitForSelector('#content');
    expect(await reader.textContent('#content')).toContain('更正：今冬最早一批');
    expect(await reader.locator('#reader-version option').count()).toBe(2);
    await reader.selectOption('#reader-version', '0');
    await reader.waitForFunction((first) => document.querySelector('#content')?.textContent?.includes(first), FIRST);
    expect(await reader.textContent('#content')).not.toContain('更正');
    expect(await reader.textContent('#version-note')).toContain('早期版本');
    await reader.close();
    await page.close();
  });

  it('opens the popup article in the reader without saving it, and saves from there', async () => {
    const { page, popup } = await openPopup(suite, 'epaper--county-spring-farming.html', '#open-reader');
    const title = await popup.text('#title');
    const [reader] = await Promise.all([suite.browser.context.waitForEvent('page'), popup.evaluate('document.querySelector("#open-reader").click()')]);
    await reader.waitForSelector('#title');
    expect(await reader.textContent('#title')).toBe(title);
    expect(await reader.textContent('#content')).toContain('春耕');

    const inLibrary = async () => (await reader.evaluate<number | null>(savedParagraphs(page.url()))) !== null;
    expect(await inLibrary()).toBe(false);
    await reader.click('#reader-save');
    await reader.waitForSelector('#notice');
    expect(await reader.textContent('#notice')).toBe('已保存到文库');
    expect(await inLibrary()).toBe(true);
    await reader.close();
    await page.close();
  });

  it('keeps a note and tags written in the reader, and the library filters and searches by them', async () => {
    expect(firstSentence(await saveFromPopup('phpwind--riverside-trip-notes.html'))).toBe('已保存到文库');
    const reader = await suite.browser.context.newPage();
    await reader.goto(`chrome-extension://${suite.browser.extensionId}/reader.html?url=${encodeURIComponent(`${suite.base}/phpwind--riverside-trip-notes.html`)}`);
    await reader.fill('#note-tags', '骑行， 游记');
    await reader.fill('#note-text', '路线可供周末参考');
    await reader.click('#save-notes');
    await reader.waitForSelector('#notes-status');
    expect(await reader.textContent('#notes-status')).toBe('笔记已保存');

    await reader.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await reader.waitForSelector('#articles tr');
    await reader.selectOption('#tag-filter', '游记');
    await reader.waitForFunction(() => document.querySelectorAll('#articles tr').length === 1);
    expect(await reader.textContent('#articles tr .title')).toContain('#骑行');
    expect(await reader.textContent('#articles tr .note')).toBe('路线可供周末参考');
    await reader.selectOption('#tag-filter', '');
    await reader.fill('#search', '周末参考');
    await reader.waitForFunction(() => document.querySelectorAll('#articles tr').length === 1);
    await reader.close();
  });

  it('gives a long article a table of contents, and prints the article alone', async () => {
    const { page, popup } = await openPopup(suite, 'pinyin-mirror--rare-earth-park.html', '#open-reader');
    const [reader] = await Promise.all([suite.browser.context.waitForEvent('page'), popup.evaluate('document.querySelector("#open-reader").click()')]);
    await reader.setViewportSize({ width: 800, height: 400 });
    await reader.waitForSelector('#toc');
    expect(await reader.locator('#toc li').count()).toBe(4);
    await reader.click('#toc summary');
    const third = await reader.locator('#toc li').nth(2).textContent();
    await reader.locator('#toc li a').nth(2).click();
    // The page scrolls until that section's heading is on screen.
    await reader.waitForFunction((text) => {
      const h = [...document.querySelectorAll('#content h2')].find((e) => e.textContent === text)!;
      const box = h.getBoundingClientRect();
      return window.scrollY > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    }, third);

    await reader.emulateMedia({ media: 'print' });
    expect(await reader.isVisible('.reader-bar')).toBe(false);
    expect(await reader.isVisible('#content')).toBe(true);
    await reader.close();
    await page.close();
  });

  it('exports the library as an EPUB e-book, one chapter per article', async () => {
    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library.waitForSelector('#articles tr');
    const titles = await library.locator('#articles .title a').allTextContents();
    const [download] = await Promise.all([library.waitForEvent('download'), library.click('#export-epub')]);
    expect(download.suggestedFilename()).toMatch(/^jingdu-\d{4}-\d{2}-\d{2}\.epub$/);
    const path = join(OUTPUT_DIR, 'library.epub');
    await download.saveAs(path);
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    expect(Object.keys(files)[0]).toBe('mimetype');
    const nav = strFromU8(files['OEBPS/nav.xhtml']!);
    for (const title of titles) expect(nav).toContain(title.replace(/&/g, '&amp;'));
    expect(Object.keys(files).filter((n) => /^OEBPS\/a\d+\.xhtml$/.test(n))).toHaveLength(titles.length);
    await library.close();
  });
});
