import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openDB } from 'idb';
import { load } from 'js-yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { convertArticle } from '../../lib/convert/article';
import { loadConverter } from '../../lib/convert/load';
import { zipArticles } from '../../lib/export/bundle';
import { backupZip, importBackupFile } from '../../lib/storage/backup-zip';
import { LibraryFullError, RecordTooLargeError, applyFilter, openLibrary } from '../../lib/storage/library';
import { makeRecord, parseTags } from '../../lib/storage/records';
import { DB_NAME, type SavedArticleV1 } from '../../lib/storage/schema';
import { cleanText } from '../../lib/text-pipeline';
import type { CleanArticle } from '../../lib/types';
import { loadGolden } from '../helpers/golden';
import { pngPicture } from '../helpers/pictures';
import { keepPictures } from '../../lib/pictures/keep-pictures';
import { nodeSanitizer } from '../../cli/node-dom';

const seeds = loadGolden();
const article = (i: number, url = `https://example.com/${i}`): CleanArticle => ({ ...cleanText(seeds[i]!.seedText), url });

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('saving', () => {
  it('saves an article with everything needed to read and export it offline', async () => {
    const lib = await openLibrary();
    const { status, record } = await lib.save(article(0), 'original', null, '2026-01-01T00:00:00Z');
    expect(status).toBe('created');
    const got = await lib.get('https://example.com/0');
    expect(got).toMatchObject({ title: record.title, template: 'discuz', site: 'example.com', savedAt: '2026-01-01T00:00:00Z' });
    expect(got!.article.contentHtml).toContain('<p>');
    expect(got!.article.removed.length).toBeGreaterThan(0);
  });

  it('updates the same URL instead of duplicating, keeping the earlier text as a version', async () => {
    const lib = await openLibrary();
    await lib.save(article(0), 'original', null, '2026-01-01T00:00:00Z');
    const changed = { ...article(0), paragraphs: ['改过的一段。'] };
    const { status, record } = await lib.save(changed, 'original', null, '2026-02-01T00:00:00Z');
    expect(status).toBe('updated');
    expect(await lib.list()).toHaveLength(1);
    expect(record.savedAt).toBe('2026-01-01T00:00:00Z');
    expect(record.updatedAt).toBe('2026-02-01T00:00:00Z');
    expect(record.versions[0]!.article.paragraphs).toEqual(article(0).paragraphs);
  });

  it('keeps the original text beside the chosen script', async () => {
    const lib = await openLibrary();
    const original = article(2);
    const cn = convertArticle(original, await loadConverter('cn'));
    const { record } = await lib.save(original, 'cn', cn);
    expect(record.article.title).toBe(original.title);
    expect(record.converted!.title).toBe(cn.title);
    expect(record.variant).toBe('cn');
  });
});

describe('fields longer than the library keeps', () => {
  const withLongAlt = (a: CleanArticle): CleanArticle => ({ ...a, images: [...a.images, { src: 'https://img.example.com/a.jpg', alt: '图'.repeat(12_000) }] });

  it('cuts decoration (a 12,000-character alt, a 10,000-character heading) before the write, so the article is listed', async () => {
    const lib = await openLibrary();
    const long = { ...withLongAlt(article(0)), headings: ['标'.repeat(11_000)] };
    const { record, trimmed } = await lib.save(long);
    expect(trimmed).toEqual(expect.arrayContaining(['article.images.' + (long.images.length - 1) + '.alt', 'article.headings.0']));
    expect(record.article.images.at(-1)!.alt.length).toBeLessThanOrEqual(10_000);
    expect((await lib.list()).map((r) => r.url)).toEqual([long.url]);
    expect(await lib.damaged()).toEqual([]);
  });

  it('leaves a picture whose address is over 10,000 characters out of the pictures to keep, and saves the rest', async () => {
    const lib = await openLibrary();
    const a = { ...article(0), images: [{ src: `https://img.example.com/${'x'.repeat(10_050)}.jpg`, alt: '' }, { src: 'https://img.example.com/ok.jpg', alt: '好' }] };
    const { record } = await lib.save(a);
    expect(record.article.images.map((i) => i.src)).toEqual(['https://img.example.com/ok.jpg']);
    expect(await lib.list()).toHaveLength(1);
  });

  it('refuses, writing nothing, what cannot be cut: text over 5 MB or an address over 10,000 characters', async () => {
    const lib = await openLibrary();
    await expect(lib.save({ ...article(0), contentHtml: `<p>${'字'.repeat(5_000_001)}</p>` })).rejects.toThrow(RecordTooLargeError);
    await expect(lib.save(article(0, `https://example.com/${'a'.repeat(10_000)}`))).rejects.toThrow(/article\.url|url/);
    expect(await lib.list()).toEqual([]);
    expect(await lib.damaged()).toEqual([]);
  });

  it('keeps the note, tags and versions through a re-save with a 12,000-character alt and another after the site is back to normal', async () => {
    const lib = await openLibrary();
    const a = article(0);
    await lib.save(a, 'original', null, '2026-01-01T00:00:00Z');
    await lib.setNotes(a.url!, '我的笔记', ['存档']);
    await lib.save({ ...withLongAlt(a), paragraphs: [...a.paragraphs, '网站加了一段。'] }, 'original', null, '2026-02-01T00:00:00Z');
    expect((await lib.list()).map((r) => [r.note, r.tags])).toEqual([['我的笔记', ['存档']]]);
    const { record } = await lib.save(a, 'original', null, '2026-03-01T00:00:00Z');
    expect([record.note, record.tags, record.savedAt]).toEqual(['我的笔记', ['存档'], '2026-01-01T00:00:00Z']);
    expect(record.versions.map((v) => v.savedAt)).toEqual(['2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z']);
  });

  it('a record damaged by an older build is repaired or salvaged on re-save: the note and tags survive', async () => {
    const lib = await openLibrary();
    const a = article(0);
    const { record } = await lib.save(a, 'original', null, '2026-01-01T00:00:00Z');
    const db = await openDB(DB_NAME);
    // Written as an older build did: an over-long alt (repairable), then a broken field (not).
    await db.put('articles', { ...record, note: '旧笔记', tags: ['甲'], article: withLongAlt(record.article) });
    expect(await lib.damaged()).toHaveLength(1);
    const resaved = await lib.save(a, 'original', null, '2026-02-01T00:00:00Z');
    expect([resaved.record.note, resaved.record.tags]).toEqual(['旧笔记', ['甲']]);
    await db.put('articles', { ...resaved.record, article: { broken: true }, template: 42 });
    const again = await lib.save(a, 'original', null, '2026-03-01T00:00:00Z');
    expect([again.record.note, again.record.tags, again.record.savedAt]).toEqual(['旧笔记', ['甲'], '2026-01-01T00:00:00Z']);
    expect(await lib.damaged()).toEqual([]);
    db.close();
  });
});

describe('finding', () => {
  it('searches title and body, Chinese in either script via the converted query', async () => {
    const lib = await openLibrary();
    for (let i = 0; i < 5; i++) await lib.save(article(i));
    const query = '复工';
    const needles = [query, (await loadConverter('t'))(query)];
    const found = (await lib.list({ needles })).map((r) => r.template);
    expect(found).toContain('pinyin-mirror'); // 開工復工 in Traditional
    expect(found).toContain('discuz'); // 复工 in Simplified
    expect(found).not.toContain('epaper');
  });

  it('filters by site and by template', async () => {
    const lib = await openLibrary();
    await lib.save(article(0, 'https://a.example/1'));
    await lib.save(article(3, 'https://b.example/2'));
    expect((await lib.list({ site: 'a.example' })).map((r) => r.url)).toEqual(['https://a.example/1']);
    expect((await lib.list({ template: 'phpwind' })).map((r) => r.url)).toEqual(['https://b.example/2']);
  });
});

describe('deleting', () => {
  it('deletes with undo that restores the record exactly', async () => {
    const lib = await openLibrary();
    await lib.save(article(1));
    const removed = await lib.remove('https://example.com/1');
    expect(await lib.list()).toHaveLength(0);
    await lib.restore(removed!);
    expect(await lib.get('https://example.com/1')).toEqual(removed!.record);
  });
});

describe('upgrades', () => {
  it('keeps an article saved under schema v2 after the upgrade to v3, ready for notes and tags', async () => {
    const v2 = await openDB(DB_NAME, 2, {
      upgrade(db) {
        const store = db.createObjectStore('articles', { keyPath: 'url' });
        for (const index of ['site', 'template', 'savedAt']) store.createIndex(index, index);
      },
    });
    const { note: _note, tags: _tags, ...old } = makeRecord(article(1, 'https://v2.example/a'), 'original', null, '2025-09-09T09:09:09Z');
    await v2.put('articles', old);
    v2.close();

    const lib = await openLibrary();
    const got = await lib.get('https://v2.example/a');
    expect(got).toEqual({ ...old, note: '', tags: [] });
    await lib.setNotes('https://v2.example/a', '', ['电子报']);
    expect((await lib.list({ tag: '电子报' })).map((r) => r.url)).toEqual(['https://v2.example/a']);
  });

  it('imports a backup written under schema v2', async () => {
    const { note: _note, tags: _tags, ...old } = makeRecord(article(2, 'https://v2.example/b'), 'original', null, '2025-09-09T09:09:09Z');
    const lib = await openLibrary();
    expect(await lib.importBackup(JSON.stringify({ format: 'jingdu-backup', version: 2, exported: '2025-10-01T00:00:00Z', articles: [old] }), nodeSanitizer())).toEqual({ added: 1, merged: 0, rejected: [] });
    expect(await lib.get('https://v2.example/b')).toMatchObject({ note: '', tags: [] });
  });

  it('keeps an article saved under schema v1 after the upgrades', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => db.createObjectStore('articles', { keyPath: 'url' }) });
    const old: SavedArticleV1 = { url: 'https://old.example/a', savedAt: '2025-05-05T05:05:05Z', article: article(4, 'https://old.example/a') };
    await v1.put('articles', old);
    v1.close();

    const lib = await openLibrary();
    const got = await lib.get('https://old.example/a');
    expect(got!.article).toEqual(old.article);
    expect(got).toMatchObject({ savedAt: '2025-05-05T05:05:05Z', template: 'pinyin-mirror', variant: 'original', versions: [] });
    expect((await lib.list({ needles: ['稀土'] })).map((r) => r.url)).toEqual(['https://old.example/a']);
    expect((await lib.list({ template: 'pinyin-mirror' }))).toHaveLength(1);
  });
});

describe('the newest rows first', () => {
  it('reads the most recently saved articles by the index, with how many there are, skipping a damaged record', async () => {
    const lib = await openLibrary();
    for (let i = 0; i < 5; i++) await lib.save(article(i % 5, `https://n.example/${i}`), 'original', null, `2026-01-0${i + 1}T00:00:00Z`);
    await lib.save(article(0, 'https://n.example/0'), 'original', null, '2026-02-01T00:00:00Z'); // saved again: the newest now
    lib.close();
    const raw = await openDB(DB_NAME);
    await raw.put('articles', { url: 'https://n.example/bad', updatedAt: '2026-03-01T00:00:00Z', title: 42 });
    raw.close();
    const again = await openLibrary();
    const { rows, total } = await again.newest(3);
    expect(rows.map((r) => r.url)).toEqual(['https://n.example/0', 'https://n.example/4', 'https://n.example/3']);
    expect(total).toBe(6);
  });

  it('builds the index over a library saved under schema v4', async () => {
    const v4 = await openDB(DB_NAME, 4, {
      upgrade(db) {
        const store = db.createObjectStore('articles', { keyPath: 'url' });
        for (const index of ['site', 'template', 'savedAt']) store.createIndex(index, index);
        store.createIndex('tags', 'tags', { multiEntry: true });
        db.createObjectStore('pictures', { keyPath: 'hash' }).createIndex('articles', 'articles', { multiEntry: true });
      },
    });
    await v4.put('articles', makeRecord(article(1, 'https://v4.example/a'), 'original', null, '2025-09-09T09:09:09Z'));
    await v4.put('articles', makeRecord(article(2, 'https://v4.example/b'), 'original', null, '2025-10-10T10:10:10Z'));
    v4.close();
    const lib = await openLibrary();
    expect((await lib.newest(1)).rows.map((r) => r.url)).toEqual(['https://v4.example/b']);
  });
});

describe('notes and tags', () => {
  it('keeps the reader’s note and tags, searches them and filters by tag', async () => {
    const lib = await openLibrary();
    await lib.save(article(0, 'https://a.example/1'));
    await lib.save(article(1, 'https://a.example/2'));
    await lib.setNotes('https://a.example/1', '可作为基层动员的案例', parseTags('疫情，基层 党建, 基层'));
    const got = await lib.get('https://a.example/1');
    expect(got).toMatchObject({ note: '可作为基层动员的案例', tags: ['疫情', '基层', '党建'] });
    expect((await lib.list({ needles: ['基层动员'] })).map((r) => r.url)).toEqual(['https://a.example/1']);
    expect((await lib.list({ tag: '党建' })).map((r) => r.url)).toEqual(['https://a.example/1']);
    expect(await lib.list({ tag: '党建', site: 'b.example' })).toEqual([]);
  });

  it('keeps them when the same page is saved again', async () => {
    const lib = await openLibrary();
    await lib.save(article(0));
    await lib.setNotes('https://example.com/0', '待核实', ['待读']);
    const { record } = await lib.save({ ...article(0), paragraphs: ['更新后的正文。'] });
    expect(record).toMatchObject({ note: '待核实', tags: ['待读'] });
    expect((await lib.list({ needles: ['待核实'] }))).toHaveLength(1);
  });

  it('writes them into the Markdown front matter of exports', async () => {
    const lib = await openLibrary();
    await lib.save(article(0));
    await lib.setNotes('https://example.com/0', '引用时注意"时区"', ['疫情', '基层']);
    const files = unzipSync(zipArticles(await lib.list()));
    const md = strFromU8(Object.values(files)[0]!);
    expect(md).toContain('note: "引用时注意\\"时区\\""');
    expect(load(md.split('---\n')[1]!)).toMatchObject({ note: '引用时注意"时区"', tags: ['疫情', '基层'] });
  });
});

describe('read and unread', () => {
  it('starts unread, is marked read and unread again, and filters by it', async () => {
    const lib = await openLibrary();
    await lib.save(article(0), 'original', null, '2026-01-01T00:00:00Z');
    await lib.save(article(1), 'original', null, '2026-01-02T00:00:00Z');
    expect((await lib.get('https://example.com/0'))!.readAt).toBeUndefined();
    await lib.setRead('https://example.com/0', true, '2026-01-03T00:00:00Z');
    const all = await lib.list();
    expect(applyFilter(all, { reading: 'read' }).map((r) => r.url)).toEqual(['https://example.com/0']);
    expect(applyFilter(all, { reading: 'unread' }).map((r) => r.url)).toEqual(['https://example.com/1']);
    await lib.setRead('https://example.com/0', false);
    expect((await lib.get('https://example.com/0'))!.readAt).toBeUndefined();
  });

  it('saving again keeps the mark; a backup carries it, and merging keeps the later reading', async () => {
    const lib = await openLibrary();
    await lib.save(article(0), 'original', null, '2026-01-01T00:00:00Z');
    await lib.setRead('https://example.com/0', true, '2026-01-03T00:00:00Z');
    await lib.save(article(0), 'original', null, '2026-01-04T00:00:00Z');
    expect((await lib.get('https://example.com/0'))!.readAt).toBe('2026-01-03T00:00:00Z');
    const zip = concatChunks(await backupZip(lib));
    globalThis.indexedDB = new IDBFactory();
    const fresh = await openLibrary();
    await fresh.save(article(0), 'original', null, '2026-01-01T00:00:00Z');
    await importBackupFile(fresh, zip, nodeSanitizer());
    expect((await fresh.get('https://example.com/0'))!.readAt).toBe('2026-01-03T00:00:00Z');
  });

  it('refuses a read mark that is not a time in a backup record', async () => {
    const lib = await openLibrary();
    const record = { ...makeRecord(article(0), 'original', null, '2026-01-01T00:00:00Z'), readAt: '<script>' };
    const r = await lib.importBackup(JSON.stringify({ format: 'jingdu-backup', version: 4, exported: '2026-01-01T00:00:00Z', articles: [record] }), nodeSanitizer());
    expect(r.added).toBe(0);
    expect(r.rejected[0]!.reason).toMatch(/readAt/);
  });
});

describe('a full disk', () => {
  it('says so clearly and keeps what was already saved', async () => {
    const lib = await openLibrary();
    await lib.save(article(0));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    });
    await expect(lib.save(article(1))).rejects.toBeInstanceOf(LibraryFullError);
    await expect(lib.save(article(1))).rejects.toThrow(/library is full.*Nothing already saved was lost/);
    put.mockRestore();
    expect((await lib.list()).map((r) => r.url)).toEqual(['https://example.com/0']);
  });
});

describe('backup and bulk export', () => {
  describe('as a zip, for a library of any size', () => {
    const picture = new Uint8Array(pngPicture(16, 16, [10, 120, 200]));
    const withPicture = (a: CleanArticle): CleanArticle => ({ ...a, images: [{ src: 'https://img.example.cn/a.png', alt: '图' }] });

    it('round-trips articles, notes, pictures, site rules and phrases, each article and picture a file of its own', async () => {
      const lib = await openLibrary();
      const a = withPicture(article(0));
      await lib.save(a, 'original', null, undefined, await keepPictures(['https://img.example.cn/a.png'], { fetch: async () => new Response(picture) }));
      await lib.setNotes(a.url!, '笔记', ['甲']);
      const phrases = [{ from: '鉅亨網', to: '鉅亨網', toward: 'both' }];
      const zip = concatChunks(await backupZip(lib, { siteRules: [{ schema: 1, id: 'r1', match: { hosts: ['example.com'] }, remove: ['.ad'] }], userPhrases: phrases }));
      const names = Object.keys(unzipSync(zip));
      expect(names).toEqual(expect.arrayContaining(['jingdu-backup.json', 'articles/000001.json', 'site-rules.json', 'user-phrases.json']));
      expect(names.filter((n) => n.startsWith('pictures/'))).toHaveLength(1);
      globalThis.indexedDB = new IDBFactory();
      const fresh = await openLibrary();
      const r = await importBackupFile(fresh, zip, nodeSanitizer());
      expect([r.added, r.rejected, r.siteRules]).toEqual([1, [], [{ schema: 1, id: 'r1', match: { hosts: ['example.com'] }, remove: ['.ad'] }]]);
      expect(r.userPhrases).toEqual(phrases);
      const back = (await fresh.get(a.url!))!;
      expect([back.note, back.tags]).toEqual(['笔记', ['甲']]);
      expect((await fresh.pictureFiles(back)).get('https://img.example.cn/a.png')?.bytes).toEqual(picture);
    });

    it('refuses by declared size before inflating, and by the bytes themselves when the zip lies about them', async () => {
      const lib = await openLibrary();
      const hash = 'a'.repeat(64);
      const manifest = strToU8(JSON.stringify({ format: 'jingdu-backup', version: 4, exported: '2026-12-01T00:00:00Z' }));
      const huge = zipSync({ 'jingdu-backup.json': manifest, [`pictures/${hash}.png`]: new Uint8Array(60 << 20) });
      const declared = await importBackupFile(lib, huge, nodeSanitizer());
      expect(declared.rejected.map((x) => x.reason)).toEqual([`pictures/${hash}.png: larger than any picture kept (50 MB)`]);
      // The same entry claiming 1 KB in its local header inflates past the limit: stopped there.
      const lying = zipSync({ 'jingdu-backup.json': manifest, [`pictures/${hash}.png`]: new Uint8Array(60 << 20) });
      const at = findLocalHeader(lying, `pictures/${hash}.png`);
      new DataView(lying.buffer, lying.byteOffset).setUint32(at + 22, 1024, true);
      const counted = await importBackupFile(lib, lying, nodeSanitizer());
      expect(counted.rejected.map((x) => x.reason)).toEqual([`pictures/${hash}.png: inflates past 50 MB`]);
    });

    it('reads nothing a backup does not write (a path out of the folder), and still reads a JSON backup', async () => {
      const lib = await openLibrary();
      const manifest = strToU8(JSON.stringify({ format: 'jingdu-backup', version: 4, exported: '2026-12-01T00:00:00Z' }));
      const zip = zipSync({ 'jingdu-backup.json': manifest, '../../evil.sh': strToU8('rm -rf ~'), 'articles/000001.json': strToU8('{not json') });
      const r = await importBackupFile(lib, zip, nodeSanitizer());
      expect(r.rejected.map((x) => x.reason)).toEqual(['../../evil.sh: not part of a Jingdu backup', 'articles/000001.json: not JSON']);
      await expect(importBackupFile(lib, zipSync({ 'a.txt': strToU8('x') }), nodeSanitizer())).rejects.toThrow(/not a Jingdu backup/);
      await lib.save(article(0));
      const json = JSON.stringify(await lib.backup());
      globalThis.indexedDB = new IDBFactory();
      expect((await (await openLibrary()).importBackup(json, nodeSanitizer())).added).toBe(1);
    });
  });

  it('imports a backup back without duplicates', async () => {
    const lib = await openLibrary();
    for (let i = 0; i < 3; i++) await lib.save(article(i));
    const backup = JSON.stringify(await lib.backup());
    expect(await lib.importBackup(backup, nodeSanitizer())).toEqual({ added: 0, merged: 3, rejected: [] });
    expect(await lib.list()).toHaveLength(3);

    globalThis.indexedDB = new IDBFactory();
    const fresh = await openLibrary();
    expect(await fresh.importBackup(backup, nodeSanitizer())).toEqual({ added: 3, merged: 0, rejected: [] });
    expect(await fresh.list()).toHaveLength(3);
  });

  it('rejects files that are not backups', async () => {
    const lib = await openLibrary();
    await expect(lib.importBackup('not json', nodeSanitizer())).rejects.toThrow(/not a Jingdu backup/);
    await expect(lib.importBackup('{"a":1}', nodeSanitizer())).rejects.toThrow(/not a Jingdu backup/);
  });

  it('zips Markdown files with safe, unique names', async () => {
    const lib = await openLibrary();
    await lib.save(article(0, 'https://a.example/1'));
    await lib.save(article(0, 'https://a.example/2'));
    const files = unzipSync(zipArticles(await lib.list()));
    const names = Object.keys(files).sort();
    expect(names).toEqual(['2020-03-05 杭锦旗：党员闻令而动 堡垒因战而坚 (2).md', '2020-03-05 杭锦旗：党员闻令而动 堡垒因战而坚.md']);
    const md = strFromU8(files[names[0]!]!);
    expect(md).toMatch(/^---\ntitle: "杭锦旗/);
    expect(md).toContain('saved: "');
  });
});

function concatChunks(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

/** Where a zip's local file header for `name` starts. */
function findLocalHeader(zip: Uint8Array, name: string): number {
  const wanted = strToU8(name);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 3 || zip[i + 3] !== 4) continue;
    const nameLength = zip[i + 26]! | (zip[i + 27]! << 8);
    if (nameLength === wanted.length && wanted.every((b, k) => zip[i + 30 + k] === b)) return i;
  }
  throw new Error(`no entry ${name}`);
}
