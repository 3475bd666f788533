import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanDocument, cleanDocumentInStages } from '../../lib/pipeline';
import { createSanitizer } from '../../lib/sanitize';
import { LARGE_PAGE, isLargePage, pageSize } from '../../lib/pages/page-size';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).slice(0, 6);

function load(name: string) {
  const dom = new JSDOM(readFileSync(join(FIXTURES, name), 'utf8'), { url: `https://news.example.cn/${name}` });
  return { doc: dom.window.document, sanitize: createSanitizer(dom.window as never), url: `https://news.example.cn/${name}` };
}

describe('cleaning in the tab, in stages', () => {
  it.each(pages)('gives the page its thread back between stages and returns the same article (%s)', async (name) => {
    const { doc, sanitize, url } = load(name);
    const atOnce = cleanDocument(doc, url, { sanitize });
    let pauses = 0;
    const staged = await cleanDocumentInStages(doc, url, { sanitize }, async () => void pauses++);
    expect(pauses).toBeGreaterThanOrEqual(6);
    expect(staged).toEqual(atOnce);
  });

  it('reads the page once, at the start: what the page changes while it waits does not reach the article', async () => {
    const { doc, sanitize, url } = load(pages[0]!);
    const atOnce = cleanDocument(doc, url, { sanitize });
    const staged = await cleanDocumentInStages(doc, url, { sanitize }, async () => {
      doc.body.insertAdjacentHTML('afterbegin', '<p>页面在清理期间插入的一段很长很长的广告文字，不应出现在文章里。</p>');
      doc.title = '被改掉的标题';
    });
    expect(staged).toEqual(atOnce);
  });
});

describe('a page too large to clean without asking', () => {
  it('is told by its elements or its text, counted by the browser; ordinary long pages are not', () => {
    const page = (body: string) => new JSDOM(`<body>${body}</body>`).window.document;
    expect(isLargePage(pageSize(page('<p>一段话</p>'.repeat(5_000))))).toBe(false);
    expect(isLargePage(pageSize(page('<div><span>项</span></div>'.repeat(60_000))))).toBe(true);
    expect(isLargePage(pageSize(page(`<p>${'很长的文字'.repeat(250_000)}</p>`)))).toBe(true);
    // The largest real page of the dev set is far from either limit.
    const dev = join(import.meta.dirname, '..', '..', '..', 'shared', 'realpages', 'dev');
    const largest = readdirSync(dev).filter((f) => f.endsWith('.html')).map((f) => join(dev, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    const size = pageSize(new JSDOM(readFileSync(largest)).window.document);
    expect(size.elements).toBeLessThan(LARGE_PAGE.elements / 5);
    expect(size.characters).toBeLessThan(LARGE_PAGE.characters / 5);
  });
});

describe('a document parsed for one cleaning (the CLI) is cleaned in place', () => {
  const all = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
  it.each(all)('gives the article a copy gives (%s)', (name) => {
    const copied = load(name);
    const before = copied.doc.documentElement.outerHTML;
    const onCopy = cleanDocument(copied.doc, copied.url, { sanitize: copied.sanitize });
    expect(copied.doc.documentElement.outerHTML).toBe(before); // a page not ours is never changed
    const owned = load(name);
    expect(cleanDocument(owned.doc, owned.url, { sanitize: owned.sanitize, ownsDocument: true })).toEqual(onCopy);
  });

  it('keeps the page whole where the family claims it and may be wrong: the second reading sees the page as it was', () => {
    // A forum signature whose post cell holds only "顶", with the article itself elsewhere on the page.
    const prose = Array.from({ length: 8 }, (_, i) => `<p>第${i + 1}段：市政府今天召开新闻发布会，介绍了今年上半年全市经济运行的情况，各项主要指标稳中有升。</p>`).join('');
    const html = `<html><head><title>上半年经济运行情况发布</title></head><body><div id="postlist"><table><tr><td class="t_f" id="postmessage_1">顶</td></tr></table></div><div class="article">${prose}</div><div id="ft">Powered by Discuz! X3.4</div></body></html>`;
    const read = (ownsDocument: boolean) => {
      const dom = new JSDOM(html, { url: 'https://bbs.example.cn/thread-1-1-1.html' });
      return cleanDocument(dom.window.document, 'https://bbs.example.cn/thread-1-1-1.html', { sanitize: createSanitizer(dom.window as never), ownsDocument });
    };
    const owned = read(true);
    expect(owned.paragraphs.join('')).toContain('第8段');
    expect(owned).toEqual(read(false));
  });
});
