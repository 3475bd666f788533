/**
 * A backup file is untrusted: it may be crafted to hide the library, to carry script into
 * exports, or to overwrite what the reader wrote. And the library itself must survive a
 * bad record, a full disk mid-import and an older tab that holds the database open.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { openDB } from 'idb';
import { load } from 'js-yaml';
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeSanitizer } from '../../cli/node-dom';
import { toEpub } from '../../lib/export/epub';
import { toMarkdown, toStandaloneHtml } from '../../lib/export/formats';
import { LibraryFullError, openLibrary } from '../../lib/storage/library';
import { makeRecord } from '../../lib/storage/records';
import { DB_NAME } from '../../lib/storage/schema';
import { cleanText } from '../../lib/text-pipeline';
import type { CleanArticle } from '../../lib/types';
import { loadGolden } from '../helpers/golden';

const seeds = loadGolden();
const article = (i: number, url = `https://example.com/${i}`): CleanArticle => ({ ...cleanText(seeds[i]!.seedText), url });
const backupOf = (articles: unknown[]) => JSON.stringify({ format: 'jingdu-backup', version: 3, exported: '2026-01-01T00:00:00Z', articles });
const sanitize = nodeSanitizer();

const HOSTILE_HTML =
  '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>正文<script>window.__pwned=1</script></p>' +
  '<p><a href="javascript:window.__pwned=1">点我</a></p><p><img src="data:text/html,<script>alert(1)</script>" alt="x"></p>';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('importing a crafted backup', () => {
  it('rejects malformed entries with a reason and keeps listing the reader’s articles', async () => {
    const lib = await openLibrary();
    await lib.save(article(0));
    const crafted = { url: 'https://evil.example/x', title: 'x', tags: '不是列表', article: { title: 'x' } };
    const good = makeRecord(article(1, 'https://example.com/new'), 'original', null, '2026-02-02T00:00:00Z');
    const result = await lib.importBackup(backupOf([crafted, good]), sanitize);
    expect(result.added).toBe(1);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ entry: 1, url: 'https://evil.example/x' });
    expect(result.rejected[0]!.reason).toMatch(/^[\w.]+: /);
    expect((await lib.list()).map((r) => r.url).sort()).toEqual(['https://example.com/0', 'https://example.com/new']);
  });

  it('refuses a record whose address is not a web address, or whose numbers are out of their range, with the reason', async () => {
    const lib = await openLibrary();
    const good = makeRecord(article(1, 'https://example.com/ok'), 'original', null, '2026-02-02T00:00:00Z');
    const script = { ...good, url: 'javascript:alert(1)' };
    const scriptInArticle = { ...good, url: 'https://example.com/a', article: { ...good.article, url: 'javascript:alert(1)' } };
    const negative = { ...good, url: 'https://example.com/b', picturesMissed: -1 };
    const result = await lib.importBackup(backupOf([script, scriptInArticle, negative, good]), sanitize);
    expect(result.added).toBe(1);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^url: not a web address/),
      expect.stringMatching(/^article\.url: /),
      expect.stringMatching(/^picturesMissed: /),
    ]);
    expect((await lib.list()).map((r) => r.url)).toEqual(['https://example.com/ok']);
  });

  it('never writes a non-web address into an export, whatever the article says', () => {
    const hostile = { ...article(0), url: 'javascript:alert(1)' };
    expect(toStandaloneHtml(hostile)).not.toContain('javascript:');
    expect(toMarkdown(hostile)).not.toContain('javascript:');
  });

  it('sanitizes imported HTML, and every export sanitizes again what it writes', async () => {
    const lib = await openLibrary();
    const record = makeRecord({ ...article(0, 'https://example.com/h'), contentHtml: HOSTILE_HTML }, 'original', null, '2026-01-01T00:00:00Z');
    await lib.importBackup(backupOf([record]), sanitize);
    const stored = (await lib.get('https://example.com/h'))!.article.contentHtml;
    expect(stored).not.toMatch(/refresh|<script|javascript:|data:/i);
    // Exports of an article whose stored HTML was never cleaned (an older library) are clean too.
    const raw = { ...record.article, contentHtml: HOSTILE_HTML };
    const doc = new JSDOM('').window.document;
    const epub = unzipSync(toEpub([raw], { title: 'b', doc, id: 'urn:x', modified: '2026-01-01T00:00:00Z' }));
    const chapters = Object.entries(epub).filter(([name]) => name.endsWith('.xhtml')).map(([, data]) => strFromU8(data)).join('\n');
    for (const out of [toStandaloneHtml(raw), toMarkdown(raw), chapters]) {
      expect(out).not.toMatch(/http-equiv="refresh"|<script|javascript:|data:text/i);
    }
  });

  it('merges an existing article instead of replacing it: note, tags and versions are kept', async () => {
    const lib = await openLibrary();
    await lib.save(article(0), 'original', null, '2026-01-01T00:00:00Z');
    await lib.save({ ...article(0), paragraphs: ['第二次保存的正文。'] }, 'original', null, '2026-01-02T00:00:00Z');
    await lib.setNotes('https://example.com/0', '我的笔记', ['待读']);
    const newer = { ...makeRecord({ ...article(0), paragraphs: ['备份里的新正文。'] }, 'original', null, '2026-03-03T00:00:00Z'), note: '备份的笔记', tags: ['备份'] };
    expect(await lib.importBackup(backupOf([newer]), sanitize)).toMatchObject({ added: 0, merged: 1 });
    const got = (await lib.get('https://example.com/0'))!;
    expect(got.article.paragraphs).toEqual(['备份里的新正文。']);
    expect(got.note).toContain('我的笔记');
    expect(got.note).toContain('备份的笔记');
    expect(got.tags.sort()).toEqual(['备份', '待读']);
    expect(got.versions.map((v) => v.article.paragraphs[0])).toContain('第二次保存的正文。');
    expect(got.versions.length).toBeGreaterThanOrEqual(2);
  });

  it('a full disk mid-import imports nothing and says so', async () => {
    const lib = await openLibrary();
    const records = [0, 1, 2].map((i) => makeRecord(article(i, `https://example.com/q${i}`), 'original', null, '2026-01-01T00:00:00Z'));
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 2) throw new DOMException('quota', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const importing = lib.importBackup(backupOf(records), sanitize);
    await expect(importing).rejects.toBeInstanceOf(LibraryFullError);
    await expect(importing).rejects.toThrow(/nothing from this backup was imported/);
    put.mockRestore();
    expect(await lib.list()).toEqual([]);
  });
});

describe('a library with a damaged record', () => {
  it('lists the good articles and the damaged record apart, which can be deleted', async () => {
    const lib = await openLibrary();
    await lib.save(article(0));
    lib.close();
    const raw = await openDB(DB_NAME);
    await raw.put('articles', { url: 'https://bad.example/', tags: 'x' });
    raw.close();
    const again = await openLibrary();
    expect((await again.list()).map((r) => r.url)).toEqual(['https://example.com/0']);
    const damaged = await again.damaged();
    expect(damaged.map((d) => d.key)).toEqual(['https://bad.example/']);
    await again.removeKey('https://bad.example/');
    expect(await again.damaged()).toEqual([]);
  });

  it('upgrades a v1 database with one malformed record: the rest migrate, the index exists, listing works', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => db.createObjectStore('articles', { keyPath: 'url' }) });
    await v1.put('articles', { url: 'https://old.example/a', savedAt: '2025-05-05T05:05:05Z', article: article(4, 'https://old.example/a') });
    await v1.put('articles', { url: 'https://old.example/broken', savedAt: 5 });
    v1.close();
    const lib = await openLibrary();
    expect((await lib.list()).map((r) => r.url)).toEqual(['https://old.example/a']);
    expect((await lib.damaged()).map((d) => d.key)).toEqual(['https://old.example/broken']);
    await lib.setNotes('https://old.example/a', '', ['旧文']);
    expect((await lib.list({ tag: '旧文' })).map((r) => r.url)).toEqual(['https://old.example/a']);
    lib.close();
    const raw = await openDB(DB_NAME);
    expect([...raw.transaction('articles').store.indexNames]).toContain('tags');
    raw.close();
  });
});

describe('races', () => {
  it('two saves of one URL at once keep the earlier text as a version', async () => {
    const lib = await openLibrary();
    await lib.save(article(0), 'original', null, '2026-01-01T00:00:00Z');
    await Promise.all([
      lib.save({ ...article(0), paragraphs: ['甲版正文。'] }, 'original', null, '2026-01-02T00:00:00Z'),
      lib.save({ ...article(0), paragraphs: ['乙版正文。'] }, 'original', null, '2026-01-03T00:00:00Z'),
    ]);
    const got = (await lib.get('https://example.com/0'))!;
    const texts = [got.article, ...got.versions.map((v) => v.article)].map((a) => a.paragraphs[0]);
    expect(texts).toContain('甲版正文。');
    expect(texts).toContain('乙版正文。');
    expect(got.versions).toHaveLength(2);
  });

  it('a note saved while the article is re-saved is not lost', async () => {
    const lib = await openLibrary();
    await lib.save(article(0));
    await Promise.all([lib.save({ ...article(0), paragraphs: ['新正文。'] }), lib.setNotes('https://example.com/0', '同时写的笔记', ['并发'])]);
    const got = (await lib.get('https://example.com/0'))!;
    expect(got.note).toBe('同时写的笔记');
    expect(got.article.paragraphs).toEqual(['新正文。']);
  });

  it('an older tab holding the library open makes opening say so instead of waiting forever', async () => {
    const older = await openDB(DB_NAME, 1, { upgrade: (db) => db.createObjectStore('articles', { keyPath: 'url' }) });
    // An old version of the extension: it never closes on versionchange.
    await expect(openLibrary()).rejects.toThrow(/Another Jingdu tab holds the library open/);
    older.close();
  }, 15_000);
});

describe('titles that try to inject', () => {
  it('a title with a newline and Markdown syntax stays one literal heading, and front matter stays valid YAML', () => {
    const title = '正常标题\n[点我](javascript:alert(1)) ![x](https://tracker.example/p.gif)\u0001\u0007';
    const md = toMarkdown({ ...article(0), title });
    const heading = md.split('\n').find((l) => l.startsWith('# '))!;
    expect(heading).toContain('\\[点我\\]');
    expect(heading).toContain('!\\[x\\]');
    expect(md).not.toMatch(/^\[点我\]\(javascript/m);
    const front = load(md.split('---\n')[1]!) as { title: string };
    expect(front.title).toBe('正常标题 [点我](javascript:alert(1)) ![x](https://tracker.example/p.gif)');
  });
});

describe("a backup's site rules", () => {
  it('come back checked: what is not inert data is refused with the reason, and a rule of the same id never replaces yours', async () => {
    const { importRules } = await import('../../lib/site-rules/store');
    const lib = await openLibrary();
    const mine = { schema: 1 as const, id: 'news-site', match: { hosts: ['news.example.cn'] }, remove: ['.ad'] };
    const backup = JSON.stringify({
      format: 'jingdu-backup', version: 4, exported: '2026-01-01T00:00:00Z', articles: [],
      siteRules: [
        { schema: 1, id: 'forum', match: { dom: ['#postlist'] }, remove: ['.sign'] },
        { schema: 1, id: 'everywhere', match: {}, remove: ['p'] },
        { schema: 1, id: 'scripted', match: { hosts: ['a.cn'] }, tests: [{ url: 'javascript:alert(1)' }] },
        { schema: 1, id: 'news-site', match: { hosts: ['news.example.cn'] }, remove: ['article'] },
      ],
    });
    const result = await lib.importBackup(backup, sanitize);
    const imported = importRules([{ rule: mine, addedAt: '2026-01-01T00:00:00Z', served: 3 }], result.siteRules);
    expect(imported.added).toEqual(['forum']);
    expect(imported.keptYours).toEqual(['news-site']);
    expect(imported.refused.map((r) => r.id)).toEqual(['everywhere', 'scripted']);
    expect(imported.list.find((r) => r.rule.id === 'news-site')).toMatchObject({ rule: { remove: ['.ad'] }, served: 3 });
    lib.close();
  });
});

describe('control characters in an article', () => {
  it('never reach the Markdown, HTML or text a user exports (YAML, XML and terminals refuse or obey them)', async () => {
    const { exportArticle } = await import('../../lib/export/formats');
    const base = article(0);
    const hostile: CleanArticle = {
      ...base,
      title: `标题\u0001\u001b[31m红\uD800字`,
      author: '王\u0007明',
      paragraphs: [`第一段\u0000正文\u001b]0;x\u0007。`, ...base.paragraphs.slice(1)],
      contentHtml: `<p>第一段\u0000正文\u001b]0;x\u0007。</p>${base.contentHtml}`,
    };
    for (const format of ['md', 'html', 'txt', 'json'] as const) {
      const out = exportArticle(hostile, format);
      expect(out, format).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(out, format).toContain('第一段正文');
    }
    expect(load(toMarkdown(hostile).split('---')[1]!)).toMatchObject({ title: '标题 [31m红字', author: '王明' }) // a title is one line: its controls became a space;
  });
});
