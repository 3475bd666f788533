import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { decode } from '../cli/encoding';
import { nodeSanitizer, parseHtml } from '../cli/node-dom';
import { cleanDocument } from '../lib/pipeline';
import { makeRecord } from '../lib/storage/records';
import { DB_VERSION, type SavedArticle } from '../lib/storage/schema';
import type { CleanArticle } from '../lib/types';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../tests/e2e/harness';
import { median, percentile } from './stats';

/** A small PNG of one colour: 50 of them are 50 different pictures (each kept once, by its hash). */
function png(shade: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const size = 64;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, shade)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** An article of about 100,000 characters with 50 pictures, cleaned by the pipeline like any page. */
function longArticle(): { article: CleanArticle; pictures: Buffer[] } {
  const url = 'https://long.example.cn/2025/report.html';
  const paragraph = (i: number) => `<p>第${i + 1}段：${'记者从市政府新闻发布会上获悉，今年以来全市经济运行总体平稳、稳中有进，各项重点工作扎实推进。'.repeat(22)}</p>`;
  const body = Array.from({ length: 100 }, (_, i) => `${paragraph(i)}${i % 2 ? '' : `<figure><img src="https://long.example.cn/pic/${i / 2}.png" alt="图${i / 2 + 1}"></figure>`}`).join('');
  const doc = parseHtml(`<html><head><title>长篇报道</title></head><body><h1>长篇报道</h1>${body}</body></html>`, url, 'fast');
  return { article: cleanDocument(doc, url, { sanitize: nodeSanitizer(), ownsDocument: true }), pictures: Array.from({ length: 50 }, (_, i) => png(i * 5)) };
}

/** A backup of `count` saved articles (the dev pages' articles under many sites) and the long one with its pictures kept. */
function backupFile(devDir: string, count: number): { path: string; longUrl: string; dir: string } {
  const sanitize = nodeSanitizer();
  const articles: CleanArticle[] = [];
  for (const f of readdirSync(devDir).filter((x) => x.endsWith('.html'))) {
    const url = 'https://bench.example.cn/page.html';
    try {
      articles.push(cleanDocument(parseHtml(decode(readFileSync(join(devDir, f))).text, url, 'fast'), url, { sanitize, ownsDocument: true }));
    } catch {
      // a page without an article is not saved
    }
  }
  const start = Date.UTC(2025, 0, 1);
  const records: SavedArticle[] = Array.from({ length: count - 1 }, (_, i) => {
    const article = { ...articles[i % articles.length]!, url: `https://site${i % 97}.example.cn/news/${i}.html` };
    return makeRecord(article, 'original', null, new Date(start + i * 60_000).toISOString());
  });
  const long = longArticle();
  const hashes = long.pictures.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
  const longRecord = makeRecord(long.article, 'original', null, new Date(start + count * 60_000).toISOString());
  longRecord.pictures = long.article.images.map((img, i) => ({ src: img.src, hash: hashes[i]!, type: 'image/png', size: long.pictures[i]!.length }));
  records.push(longRecord);
  const pictures = long.pictures.map((bytes, i) => ({ hash: hashes[i]!, type: 'image/png', data: bytes.toString('base64') }));
  const dir = mkdtempSync(join(tmpdir(), 'jingdu-library-'));
  const path = join(dir, 'backup.json');
  writeFileSync(path, JSON.stringify({ format: 'jingdu-backup', version: DB_VERSION, exported: new Date().toISOString(), articles: records, pictures }));
  return { path, longUrl: long.article.url!, dir };
}

/** Types `text` into the library's search one character at a time; each keystroke's time until the list answering it is painted. */
const TYPE_QUERY = `async (text) => {
  const search = document.querySelector('#search');
  const main = document.querySelector('main');
  search.focus(); // as a reader clicks into the box before typing
  const times = [];
  for (let i = 1; i <= text.length; i++) {
    const query = text.slice(0, i);
    const answered = new Promise((resolve) => {
      const done = () => main.dataset.query === query;
      const seen = new MutationObserver(() => done() && (seen.disconnect(), resolve()));
      seen.observe(main, { attributes: true, attributeFilter: ['data-query'] });
    });
    const t = performance.now();
    search.value = query;
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await answered;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    times.push(performance.now() - t);
  }
  return { times, rows: document.querySelectorAll('#articles tr').length };
}`;

/**
 * Opens `url` and returns when (ms after its navigation began) `selector` first matched `count`
 * elements, just after that frame: watched from the moment the page commits; if the page was
 * quicker than that, the time it is seen is taken (an upper bound).
 */
async function shownAt(page: Page, url: string, selector: string, count: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // A string, not a function: the page runs it as written (a compiled function may call helpers the page lacks).
  return page.evaluate<number>(`new Promise((resolve) => {
    const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    const enough = () => document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count};
    if (enough()) return painted();
    const seen = new MutationObserver(() => enough() && (seen.disconnect(), painted()));
    seen.observe(document, { childList: true, subtree: true });
  })`);
}

/**
 * A library of `count` saved articles in Chromium (imported as a backup, the way a reader moves
 * a library): the list's opening, each search keystroke in either script, and a 100,000-character
 * article with 50 kept pictures opened in the reader.
 */
export async function libraryAndReader(devDir: string, count = 5000) {
  const backup = backupFile(devDir, count);
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    const library = `chrome-extension://${browser.extensionId}/library.html`;
    await page.goto(library);
    await page.setInputFiles('#import-backup', backup.path);
    await page.waitForFunction((n) => document.querySelectorAll('#articles tr').length > 0 && /\d/.test(document.querySelector('.message')?.textContent ?? ''), count, { timeout: 1_200_000, polling: 500 });
    const imported = await page.textContent('.message');

    const opened = await browser.context.newPage();
    const listShownMs = await shownAt(opened, library, '#articles tr', 1);
    // The newest rows come first; the search answers for the whole library once it is read.
    await opened.waitForFunction(() => !document.querySelector('#library-reading')?.textContent, null, { timeout: 600_000, polling: 'raf' });
    const listReadMs = await opened.evaluate(() => performance.now());
    const simplified = await opened.evaluate(`(${TYPE_QUERY})('经济运行总体平稳')`) as { times: number[]; rows: number };
    await opened.evaluate(`(() => { const s = document.querySelector('#search'); s.value = ''; s.dispatchEvent(new Event('input', { bubbles: true })); })()`);
    await opened.waitForFunction(() => document.querySelector('main')?.dataset.query === '');
    const traditional = await opened.evaluate(`(${TYPE_QUERY})('經濟運行總體平穩')`) as { times: number[]; rows: number };

    const reader = await browser.context.newPage();
    const readerShownMs = await shownAt(reader, `chrome-extension://${browser.extensionId}/reader.html?url=${encodeURIComponent(backup.longUrl)}`, '#content p', 100);
    const readerFirstPaintMs = await reader.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    // The text is painted first; its kept pictures follow once read from the library.
    const picturesShownMs = await reader.evaluate<number>(`new Promise((resolve) => {
      const kept = () => [...document.querySelectorAll('#content img')].filter((i) => i.src.startsWith('blob:')).length >= 50;
      const check = () => (kept() ? resolve(performance.now()) : requestAnimationFrame(check));
      check();
    })`);
    const keptPictures = await reader.evaluate(() => [...document.querySelectorAll('#content img')].filter((i) => (i as HTMLImageElement).src.startsWith('blob:')).length);
    const keystrokes = [...simplified.times, ...traditional.times];
    return {
      articles: count,
      imported,
      listShownMs: Math.round(listShownMs),
      listReadMs: Math.round(listReadMs),
      keystrokesMs: keystrokes.map(Math.round),
      keystrokeMedianMs: Math.round(median(keystrokes)),
      keystrokeP90Ms: Math.round(percentile(keystrokes, 0.9)),
      rowsFound: { simplified: simplified.rows, traditional: traditional.rows },
      readerFirstPaintMs: readerFirstPaintMs === null ? null : Math.round(readerFirstPaintMs),
      readerArticleShownMs: Math.round(readerShownMs),
      readerPicturesShownMs: Math.round(picturesShownMs),
      keptPictures,
    };
  } finally {
    await browser.close();
    rmSync(backup.dir, { recursive: true, force: true });
  }
}
