import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeSanitizer } from '../../cli/node-dom';
import { zipArticles } from '../../lib/export/bundle';
import { toEpub } from '../../lib/export/epub';
import { toStandaloneHtml } from '../../lib/export/formats';
import { cleanDocument } from '../../lib/pipeline';
import { holdPictures, showHeldPicture } from '../../lib/pictures/held';
import { keepPictures } from '../../lib/pictures/keep-pictures';
import { pngPicture } from '../helpers/pictures';
import { pictureSource } from '../../lib/pictures/sources';
import { sniffPictureType } from '../../lib/pictures/sniff';
import { type BackupFile, openLibrary } from '../../lib/storage/library';
import { pictureBytes } from '../../lib/storage/records';
import type { CleanArticle } from '../../lib/types';
import { type PictureServer, servePictures } from '../helpers/pictures';

let host: PictureServer;
beforeAll(async () => {
  host = await servePictures();
});
afterAll(() => host.close());
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const { window } = new JSDOM('');
const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
const paragraph = '记者从市防汛抗旱指挥部获悉，今年入汛以来全市降雨偏多，各水库均已落实24小时值班制度。'.repeat(3);

/** A news page whose pictures are on the picture host, as a CMS writes them: lazily, some under Chinese names. */
function newsPage(pictures: string[]): string {
  const figures = pictures.map((src, i) => `<p><img src="/images/loading.gif" data-src="${src}" alt="图${i + 1}" width="640"></p><p>${paragraph}</p>`).join('\n');
  return `<html><head><title>入汛以来全市水库落实值班制度_新闻中心</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<div class="article"><h1>入汛以来全市水库落实值班制度</h1><p>${paragraph}</p>${figures}<p>${paragraph}</p></div></body></html>`;
}

function cleanPage(pictures: string[]): CleanArticle {
  const doc = new JSDOM(newsPage(pictures), { url: 'https://news.example.cn/2026/11/23/flood.html' }).window.document;
  return cleanDocument(doc, doc.URL, { sanitize: nodeSanitizer() });
}

describe('where a picture is', () => {
  const img = (attrs: string) => new JSDOM(`<img ${attrs}>`).window.document.querySelector('img')!;
  it('reads the lazy source, Discuz! zoomfile and the widest srcset candidate before a placeholder src', () => {
    expect(pictureSource(img('src="static/image/common/none.gif" zoomfile="data/attachment/forum/a.jpg" file="data/attachment/forum/a.thumb.jpg"'))).toBe('data/attachment/forum/a.jpg');
    expect(pictureSource(img('src="data:image/gif;base64,R0lGOD" data-src="https://mmbiz.qpic.cn/mmbiz_jpg/x/640?wx_fmt=jpeg"'))).toBe('https://mmbiz.qpic.cn/mmbiz_jpg/x/640?wx_fmt=jpeg');
    expect(pictureSource(img('src="/s.jpg" srcset="/a.jpg 480w, /b,c.jpg 1080w, /d.jpg 720w"'))).toBe('/b,c.jpg');
    expect(pictureSource(img('src="/loading.gif" data-srcset="/a.jpg 1x, /b.jpg 2x"'))).toBe('/b.jpg');
    expect(pictureSource(img('src="/images/none.gif"'))).toBeNull();
  });

  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', `${name}.html`), 'utf8');
  const imagesOf = (html: string, url: string) => {
    const doc = new JSDOM(html, { url }).window.document;
    return cleanDocument(doc, url, { sanitize: nodeSanitizer() }).images.map((i) => i.src);
  };

  it('finds a Discuz! attachment, a WeChat picture and an e-paper page picture at their full addresses', () => {
    expect(imagesOf(fixture('discuz--party-members-thread'), 'http://bbs.example.cn/thread-1-1-1.html')).toEqual(['http://bbs.example.cn/data/attachment/forum/202003/05/085411hjq.jpg']);
    expect(imagesOf(fixture('wechat--village-library'), 'https://mp.weixin.qq.com/s/abc')).toEqual(['https://mmbiz.qpic.cn/mmbiz_jpg/abc123/640?wx_fmt=jpeg']);
    // Founder e-paper pages put the article's photo in a table above the text, addressed relative to the page.
    const epaper = fixture('epaper--county-spring-farming').replace(
      '<founder-content>',
      '<table width="100%"><tr><td align="center"><img src="../../../images/2022-04/12/03/res01_attpic_brief.jpg" border="0"></td></tr><tr><td align="center">多伦县农户在检修播种机</td></tr></table>\n<founder-content>',
    );
    expect(imagesOf(epaper, 'https://epaper.xlgl.example/html/2022-04/12/content_3.htm')).toEqual(['https://epaper.xlgl.example/images/2022-04/12/03/res01_attpic_brief.jpg']);
  });

  /** The start of a real JPEG (JFIF header, then the frame header giving 16×16), or of one without a frame. */
  const jpeg = (withFrame: boolean) =>
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, ...(withFrame ? [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1] : [0xff, 0xda, 0, 8]), ...new Array(16).fill(0)]);

  it('knows a picture by its bytes, not by what it is called', () => {
    expect(sniffPictureType(jpeg(true))).toBe('image/jpeg');
    expect(sniffPictureType(new Uint8Array(pngPicture(2, 2, [0, 0, 0])))).toBe('image/png');
    expect(sniffPictureType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffPictureType(new TextEncoder().encode('<html>'))).toBeNull();
  });

  it('a file that only starts like a picture is none: magic bytes without the header a decoder reads', () => {
    expect(sniffPictureType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
    expect(sniffPictureType(jpeg(false))).toBeNull();
    expect(sniffPictureType(new Uint8Array([...Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), ...new Array(40).fill(0)]))).toBeNull();
    expect(sniffPictureType(new TextEncoder().encode('GIF89a<html><script>alert(1)</script>'))).not.toBe('image/gif');
    expect(sniffPictureType(new Uint8Array([...Buffer.from('GIF89a', 'latin1'), 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });
});

describe('keeping pictures', () => {
  it('fetches each picture once, without Referer or cookies, in article order, and says which failed and why', async () => {
    const srcs = [`${host.base}/p/新闻图片.png?c=1`, `${host.base}/p/b.png?c=2`, `${host.base}/p/b.png?c=2`, `${host.base}/p/same.png?c=1`, `${host.base}/missing.png`, `${host.base}/not-a-picture.jpg`, 'javascript:alert(1)'];
    const progress: number[] = [];
    const kept = await keepPictures(srcs, { onProgress: (done) => progress.push(done) });
    expect(kept.refs.map((r) => r.src)).toEqual([srcs[0], srcs[1], srcs[3]]);
    expect(kept.pictures).toHaveLength(2); // colour 1 under two addresses is stored once
    expect(kept.refs[0]!.hash).toBe(kept.refs[2]!.hash);
    expect(kept.failed).toEqual([{ src: srcs[4], reason: 'http' }, { src: srcs[5], reason: 'not-a-picture' }]);
    expect(progress.at(-1)).toBe(5);
    const mine = host.requests.filter((r) => r.path.startsWith('/p/'));
    expect(mine.every((r) => !r.referer && !r.cookie)).toBe(true);
  });

  it('stops at the size cap, whether the picture says its size or not, and keeps what fits', async () => {
    const declared = await keepPictures([`${host.base}/p/a.png?c=5`, `${host.base}/huge.jpg`]);
    expect(declared.refs).toHaveLength(1);
    expect(declared.failed).toEqual([{ src: `${host.base}/huge.jpg`, reason: 'cap' }]);
    const streamed = await keepPictures([`${host.base}/endless.png`], { capBytes: 5 * 1024 * 1024 });
    expect(streamed.failed).toEqual([{ src: `${host.base}/endless.png`, reason: 'cap' }]);
    const many = await keepPictures(Array.from({ length: 40 }, (_, i) => `${host.base}/p/${i}.png?c=${i + 10}`), { capBytes: 10_000 });
    expect(many.refs.length).toBeGreaterThan(0);
    expect(many.refs.length + many.failed.length).toBe(40);
    expect(many.pictures.reduce((a, p) => a + p.size, 0)).toBeLessThanOrEqual(10_000);
  });

  it('gives up on a picture that takes too long', async () => {
    const slow = await keepPictures([`${host.base}/huge.jpg`], { capBytes: 200 * 1024 * 1024, timeoutMs: 300 });
    expect(slow.failed).toEqual([{ src: `${host.base}/huge.jpg`, reason: 'timeout' }]);
  });
});

describe('pictures in the library', () => {
  it('stores pictures once across articles, drops them when the last article goes, and undo brings them back', async () => {
    const lib = await openLibrary();
    const first = cleanPage([`${host.base}/p/甲.png?c=1`, `${host.base}/p/乙.png?c=2`, `${host.base}/missing.png`]);
    const second = { ...cleanPage([`${host.base}/p/甲.png?c=1`]), url: 'https://news.example.cn/other.html' };
    const a = await lib.save(first, 'original', null, undefined, await keepPictures(first.images.map((i) => i.src)));
    await lib.save(second, 'original', null, undefined, await keepPictures(second.images.map((i) => i.src)));
    expect(a.record.pictures).toHaveLength(2);
    expect(a.record.picturesMissed).toBe(1);
    expect(pictureBytes(a.record)).toBeGreaterThan(0);
    const files = await lib.pictureFiles(a.record);
    expect(sniffPictureType(files.get(first.images[0]!.src)!.bytes)).toBe('image/png');

    const removed = (await lib.remove(first.url!))!;
    expect(removed.pictures).toHaveLength(1); // 乙 was only in the first article; 甲 stays for the second
    expect((await lib.pictureFiles((await lib.get(second.url!))!)).size).toBe(1);
    await lib.restore(removed);
    expect((await lib.pictureFiles((await lib.get(first.url!))!)).size).toBe(2);

    const dropped = await lib.dropPictures(first.url!);
    expect(dropped!.pictures).toEqual([]);
    expect(dropped!.picturesMissed).toBe(3);
    expect((await lib.pictureFiles(a.record)).size).toBe(1); // 甲 is still the second article's
  });

  it('re-saving without fetching keeps the pictures an earlier save kept', async () => {
    const lib = await openLibrary();
    const article = cleanPage([`${host.base}/p/a.png?c=7`]);
    await lib.save(article, 'original', null, undefined, await keepPictures(article.images.map((i) => i.src)));
    const again = await lib.save(article);
    expect(again.record.pictures).toHaveLength(1);
    expect((await lib.pictureFiles(again.record)).size).toBe(1);
  });

  it('round-trips pictures through the backup, and refuses a backup picture that is not what it claims', async () => {
    const lib = await openLibrary();
    const article = cleanPage([`${host.base}/p/a.png?c=8`, `${host.base}/p/b.png?c=9`]);
    await lib.save(article, 'original', null, undefined, await keepPictures(article.images.map((i) => i.src)));
    const backup = await lib.backup();
    expect(backup.pictures).toHaveLength(2);

    globalThis.indexedDB = new IDBFactory();
    const fresh = await openLibrary();
    expect(await fresh.importBackup(JSON.stringify(backup), nodeSanitizer())).toEqual({ added: 1, merged: 0, rejected: [] });
    const restored = (await fresh.get(article.url!))!;
    expect((await fresh.pictureFiles(restored)).size).toBe(2);

    // A hostile backup: an SVG with script filed as a PNG, and a picture whose bytes are not its hash.
    globalThis.indexedDB = new IDBFactory();
    const target = await openLibrary();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64');
    const forged: BackupFile = {
      ...backup,
      pictures: [{ ...backup.pictures![0]!, data: svg }, { ...backup.pictures![1]!, hash: 'f'.repeat(64) }],
    };
    const result = await target.importBackup(JSON.stringify(forged), nodeSanitizer());
    expect(result.added).toBe(1);
    expect(result.rejected.map((r) => r.reason)).toEqual(['picture 1: not a picture', 'picture 2: its bytes do not match its hash']);
    const imported = (await target.get(article.url!))!;
    expect(imported.pictures).toEqual([]); // both stay links
    expect(imported.picturesMissed).toBe(2);
  });
});

describe('exports carry kept pictures', () => {
  async function savedWithPictures() {
    const lib = await openLibrary();
    const article = cleanPage([`${host.base}/p/%E6%B0%B4%E5%BA%93%E5%85%A8%E6%99%AF.png?c=11`, `${host.base}/p/b.png?c=12`, `${host.base}/missing.png`]);
    const { record } = await lib.save(article, 'original', null, undefined, await keepPictures(article.images.map((i) => i.src)));
    return { record, files: await lib.pictureFiles(record) };
  }

  it('a Markdown zip has an assets/ folder with Chinese names intact and relative links', async () => {
    const { record, files } = await savedWithPictures();
    const zip = unzipSync(zipArticles([record], 'md', new Map([[record.url, files]])));
    expect(Object.keys(zip).filter((n) => n.startsWith('assets/')).sort()).toEqual(['assets/b.png', 'assets/水库全景.png']);
    expect(sniffPictureType(zip['assets/水库全景.png']!)).toBe('image/png');
    const md = strFromU8(zip[Object.keys(zip).find((n) => n.endsWith('.md'))!]!);
    expect(md).toContain('![图1](assets/水库全景.png)');
    expect(md).toContain('![图2](assets/b.png)');
    expect(md).toContain(`![图3](${host.base}/missing.png)`); // not kept: still a link
  });

  it('a standalone HTML file inlines the kept pictures and its policy lets only them load', async () => {
    const { record, files } = await savedWithPictures();
    const html = toStandaloneHtml(record.article, files);
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(html).toContain("img-src data:");
    expect(html).not.toContain(`src="${host.base}`);
  });

  it('an EPUB holds the pictures as manifest items and passes EPUBCheck', async () => {
    const { record, files } = await savedWithPictures();
    const book = toEpub([record.article], { title: '净读文库', doc: window.document, id: 'urn:jingdu:test', modified: '2026-11-23T10:00:00.000Z', pictures: [files] });
    const zip = unzipSync(book);
    const opf = strFromU8(zip['OEBPS/content.opf']!);
    expect(opf).toContain('href="images/水库全景.png" media-type="image/png"');
    expect(strFromU8(zip['OEBPS/a1.xhtml']!)).toContain('<img src="images/水库全景.png" alt="图1" />');
    expect(sniffPictureType(zip['OEBPS/images/b.png']!)).toBe('image/png');
    const path = join(mkdtempSync(join(tmpdir(), 'jingdu-epub-')), 'book.epub');
    writeFileSync(path, book);
    // Debian's epubcheck package installs an executable jar; run it with Java (throws on any error).
    const report = execFileSync('java', ['-jar', EPUBCHECK_JAR, path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(report).toMatch(/No errors or warnings detected/);
  });

  it('an EPUB of an article carrying control characters (U+0001) in its title, body, alt and caption still passes EPUBCheck', async () => {
    const { record, files } = await savedWithPictures();
    const article = {
      ...record.article,
      title: `水库\u0001${record.article.title}`,
      contentHtml: record.article.contentHtml.replace('<p>', '<p>控制\u0001字符\u0008，').replace(/alt="([^"]*)"/, 'alt="$1\u0001"') + '<figure><figcaption>图注\u0001\uFFFF</figcaption></figure>',
    };
    const book = toEpub([article], { title: '净读\u0002文库', doc: window.document, id: 'urn:jingdu:test', modified: '2026-11-23T10:00:00.000Z', pictures: [files] });
    const chapterText = strFromU8(unzipSync(book)['OEBPS/a1.xhtml']!);
    expect(chapterText).toContain('控制字符，');
    expect(chapterText).not.toMatch(/[\u0001\u0008\uFFFF]/);
    const path = join(mkdtempSync(join(tmpdir(), 'jingdu-epub-')), 'book.epub');
    writeFileSync(path, book);
    const report = execFileSync('java', ['-jar', EPUBCHECK_JAR, path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(report).toMatch(/No errors or warnings detected/);
  });
});

describe('pictures on private addresses', () => {
  it("are never fetched for a page from the web: the reader's router and intranet stay out of reach", async () => {
    const { isPrivateHost, mayFetchFor } = await import('../../lib/pictures/private-address');
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '[::1]', '::ffff:127.0.0.1', 'fd00::1', '2130706433', 'router.local']) {
      expect(isPrivateHost(host), host).toBe(true);
    }
    for (const host of ['news.sina.com.cn', '8.8.8.8', '172.32.0.1', 'mmbiz.qpic.cn']) expect(isPrivateHost(host), host).toBe(false);
    expect(mayFetchFor('http://192.168.1.1/a.png', 'https://news.example.cn/a.html')).toBe(false);
    expect(mayFetchFor('http://127.0.0.1:8080/a.png', 'http://127.0.0.1:8080/page.html')).toBe(true); // a page on this machine shows its own pictures
    expect(mayFetchFor('https://n.sinaimg.cn/a.jpg', 'https://news.example.cn/a.html')).toBe(true);

    const asked: string[] = [];
    const fakeFetch = (async (url: string) => {
      asked.push(url);
      return new Response(new Uint8Array(pngPicture(4, 4, [200, 0, 0])), { headers: { 'content-type': 'image/png' } });
    }) as unknown as typeof fetch;
    const kept = await keepPictures(['http://192.168.1.1/cam.png', 'https://pics.example.cn/a.png'], { fetch: fakeFetch, pageUrl: 'https://news.example.cn/a.html' });
    expect(asked).toEqual(['https://pics.example.cn/a.png']);
    expect(kept.failed, JSON.stringify(kept.failed)).toEqual([{ src: 'http://192.168.1.1/cam.png', reason: 'private-address' }]);
  });
});

describe('a picture redirected into the reader\'s own network', () => {
  it('is not kept, whatever its bytes', async () => {
    const redirected = (to: string) => {
      const response = new Response(new Uint8Array(pngPicture(4, 4, [1, 2, 3])), { headers: { 'content-type': 'image/png' } });
      Object.defineProperties(response, { redirected: { value: true }, url: { value: to } });
      return response;
    };
    const kept = await keepPictures(['https://img.example.cn/a.png', 'https://img.example.cn/b.png'], {
      pageUrl: 'https://news.example.cn/1.html',
      fetch: async (src) => redirected(String(src).endsWith('a.png') ? 'http://192.168.1.1/admin.png' : 'https://cdn.example.cn/b.png'),
    });
    expect(kept.failed).toEqual([{ src: 'https://img.example.cn/a.png', reason: 'private-address' }]);
    expect(kept.refs.map((r) => r.src)).toEqual(['https://img.example.cn/b.png']);
  });
});

describe('pictures an extension page does not load by itself', () => {
  const sanitized = '<p>文字</p><p><img src="https://img.example.cn/a.jpg?x=1&amp;y=2" alt="村口的&quot;老槐树&quot;"></p><p><img src="blob:chrome-extension://id/1" alt="已存"></p><img src="https://cdn.example.cn/shown.png" alt="">';

  it('holds each web picture the page never loaded as a button with its description, and leaves the loaded and local ones', () => {
    const { html, held } = holdPictures(sanitized, (src) => src === 'https://cdn.example.cn/shown.png', (alt) => `图片：${alt}`);
    expect(held).toBe(1);
    const doc = new JSDOM(html).window.document;
    const button = doc.querySelector('button.held-picture')!;
    expect(button.getAttribute('data-held-src')).toBe('https://img.example.cn/a.jpg?x=1&y=2');
    expect(button.textContent).toBe('图片：村口的"老槐树"');
    expect([...doc.images].map((i) => i.getAttribute('src'))).toEqual(['blob:chrome-extension://id/1', 'https://cdn.example.cn/shown.png']);
  });

  it('a click loads the picture in its place without a Referer, and a load that does not end in time is stopped', () => {
    const dom = new JSDOM(holdPictures(sanitized, () => false).html, { url: 'https://reader.example/' });
    const doc = dom.window.document;
    // A picture that never finishes loading, and a clock the test moves by hand.
    Object.defineProperty(dom.window.HTMLImageElement.prototype, 'complete', { get: () => false });
    const timers: Array<() => void> = [];
    dom.window.setTimeout = ((fn: () => void) => (timers.push(fn), timers.length)) as never;
    const img = showHeldPicture(doc.querySelector('.held-picture')!, 10)!;
    expect(doc.querySelectorAll('.held-picture')).toHaveLength(1); // the other one still waits
    expect([img.getAttribute('src'), img.referrerPolicy, img.alt]).toEqual(['https://img.example.cn/a.jpg?x=1&y=2', 'no-referrer', '村口的"老槐树"']);
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect([img.hasAttribute('src'), img.dataset.stopped]).toEqual([false, 'timeout']);
  });

  it('a file name given as the description (a forum attachment) is not shown as one', () => {
    const { html } = holdPictures('<img src="https://bbs.example.cn/data/attachment/forum/a.jpg" alt="36杭锦旗党员.jpg">', () => false, (alt) => `图片${alt ? `：${alt}` : ''}`);
    expect(new JSDOM(html).window.document.querySelector('button')!.textContent).toBe('图片');
  });

  it('refuses to turn a placeholder into anything but a web picture', () => {
    const doc = new JSDOM('<button class="held-picture" data-held-src="javascript:alert(1)">x</button>').window.document;
    expect(showHeldPicture(doc.querySelector('button')!)).toBeNull();
    expect(doc.querySelector('img')).toBeNull();
  });
});
