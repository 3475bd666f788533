import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../cli/node-dom';
import { maxDepth } from '../lib/dom/flatten';
import { expectLinearGrowth } from './helpers/linear';
import { NoArticleError, PageTooLargeError, cleanDocument } from '../lib/pipeline';
import { NoArticleError as TextNoArticle, cleanText } from '../lib/text-pipeline';

const URL = 'https://robust.example/a.html';
const clean = (html: string) => cleanDocument(parseHtml(html, URL), URL, { sanitize: nodeSanitizer() });
const PROSE = '历时两年的城东河道综合治理工程日前通过竣工验收，治理河道全长八点六公里，新建生态护岸和滨水步道，沿线排污口全部完成截污改造。';

describe('broken and odd pages', () => {
  it('reads malformed HTML the way a browser would', () => {
    const a = clean(`<html><body><div><h1>河道治理<b>工程</h1><p>${PROSE}<p>${PROSE}<i>斜体</b>没关</i><div><p>${PROSE}</span></td></table>`);
    expect(a.paragraphs.filter((p) => p.includes('历时两年'))).toHaveLength(3);
  });

  it('leaves iframe content out', () => {
    const a = clean(`<html><body><iframe srcdoc="<p>框架广告</p>"></iframe><article><h1>标题</h1><p>${PROSE}</p><p>${PROSE}</p></article></body></html>`);
    expect(a.paragraphs.join('')).not.toContain('框架广告');
  });

  it('survives tables nested hundreds of levels deep, keeping the text', () => {
    const html = `<html><body>${'<table><tr><td>'.repeat(300)}<p>${PROSE}</p><p>${PROSE}</p>${'</td></tr></table>'.repeat(300)}</body></html>`;
    // As a browser hands the live page to the cleaner: not flattened beforehand, as the CLI's parser does.
    const live = new JSDOM(html, { url: URL }).window.document;
    expect(maxDepth(live.body)).toBeGreaterThan(1000);
    expect(cleanDocument(live, URL, { sanitize: nodeSanitizer() }).paragraphs).toHaveLength(2);
    expect(clean(html).paragraphs).toHaveLength(2);
  });

  it('keeps the text of formatting nested thousands of levels deep, at linear cost', () => {
    const page = (depth: number) => `<html><body><h1>河道治理</h1><p>${PROSE}</p><p>${PROSE}${'<b>深'.repeat(depth)}</p></body></html>`;
    const a = clean(page(4000));
    expect(a.paragraphs[1]).toBe(`${PROSE}${'深'.repeat(4000)}`);
    // Each level used to cost a walk up all the levels above it, in jsdom and in Readability.
    expectLinearGrowth((n) => parseHtml(page(n), URL), (doc) => cleanDocument(doc, URL, { sanitize: nodeSanitizer() }), 8000);
  });

  it('gives a clear message for a page with no article', () => {
    expect(() => clean('<html><body><nav><a>首页</a><a>新闻</a></nav><p>没有文章</p></body></html>')).toThrow(NoArticleError);
    expect(() => clean('')).toThrow(NoArticleError);
    expect(() => cleanText('首页 | 新闻 | 关于\n')).toThrow(TextNoArticle);
  });

  it('refuses a huge page with no run of paragraphs, with a clear message', () => {
    const html = `<html><body>${'<div><span>项</span></div>'.repeat(12_000)}</body></html>`;
    let error: unknown;
    try {
      clean(html);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PageTooLargeError);
    expect((error as Error).message).toMatch(/too large to clean \(24,00\d elements\)/);
  });

  it('takes only the paragraphs of a huge page, not its div soup', () => {
    const html = `<html><body><div id="main">${'<div><span>项</span></div>'.repeat(12_000)}${`<p>${PROSE}</p>`.repeat(12)}</div></body></html>`;
    const a = clean(html);
    expect(a.paragraphs).toHaveLength(12);
    expect(a.paragraphs.join('')).not.toContain('项');
  });
});
