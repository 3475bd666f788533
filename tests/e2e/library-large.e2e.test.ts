import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../lib/pipeline';
import { createSanitizer } from '../../lib/sanitize';
import { makeRecord } from '../../lib/storage/records';
import { DB_VERSION } from '../../lib/storage/schema';
import { ROOT, useExtension } from './harness';

const suite = useExtension();

/** A backup of `count` saved notices, each its own title and address, newest last. */
function backupOf(count: number): string {
  const url = 'https://gov.example.cn/notice.html';
  const dom = new JSDOM(readFileSync(join(ROOT, 'tests', 'fixtures', 'news-portal--wetland-birds.html'), 'utf8'), { url });
  const article = cleanDocument(dom.window.document, url, { sanitize: createSanitizer(dom.window as never) });
  const records = Array.from({ length: count }, (_, i) =>
    makeRecord({ ...article, title: `第${i + 1}号通知：湿地保护`, url: `https://gov.example.cn/notice/${i + 1}.html` }, 'original', null, new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString()),
  );
  const path = join(mkdtempSync(join(tmpdir(), 'jingdu-backup-')), 'backup.json');
  writeFileSync(path, JSON.stringify({ format: 'jingdu-backup', version: DB_VERSION, exported: new Date().toISOString(), articles: records }));
  return path;
}

describe('a library of many articles', () => {
  it('draws the newest rows first and the rest when asked, and its search reaches every article', async () => {
    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library.setInputFiles('#import-backup', backupOf(120));
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length > 0 && /120/.test(document.querySelector('.message')?.textContent ?? ''));
    expect(await library.locator('#articles tr').count()).toBe(50);
    expect(await library.textContent('#articles tr .title a')).toBe('第120号通知：湿地保护');
    expect(await library.textContent('#show-more')).toBe('再显示 50 篇（共 120 篇）');
    // Every article is searched, drawn or not; in either script.
    await library.fill('#search', '第3号通知');
    await library.waitForFunction(() => document.querySelector('main')?.dataset.query === '第3号通知');
    expect(await library.locator('#articles tr .title a').allTextContents()).toEqual(['第3号通知：湿地保护']);
    await library.fill('#search', '第7號通知');
    await library.waitForFunction(() => document.querySelector('main')?.dataset.query === '第7號通知');
    expect(await library.locator('#articles tr .title a').allTextContents()).toEqual(['第7号通知：湿地保护']);
    await library.fill('#search', '');
    await library.waitForFunction(() => document.querySelector('main')?.dataset.query === '' && document.querySelectorAll('#articles tr').length === 50);
    await library.click('#show-more');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length === 100);
    expect(await library.textContent('#show-more')).toBe('再显示 20 篇（共 120 篇）');
    await library.click('#show-more');
    await library.waitForFunction(() => document.querySelectorAll('#articles tr').length === 120);
    expect(await library.locator('#show-more').count()).toBe(0);
    await library.close();
  });
});
