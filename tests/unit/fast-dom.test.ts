import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../cli/encoding';
import { parseFast } from '../../cli/fast-dom';
import { closeDocument, type NodeDom, nodeSanitizer, parseHtml } from '../../cli/node-dom';
import { cleanDocument } from '../../lib/pipeline';
import { FIXTURES_DIR } from '../helpers/fixtures';

const REAL_PAGES = join(import.meta.dirname, '..', '..', '..', 'shared', 'realpages', 'dev');

/** The article a page gives with one DOM, or the error it gives. */
function cleanWith(dom: NodeDom, html: string, url: string): unknown {
  const doc = parseHtml(html, url, dom);
  try {
    return cleanDocument(doc, url, { sanitize: nodeSanitizer() });
  } catch (err) {
    return { error: (err as Error).message };
  } finally {
    closeDocument(doc);
  }
}

describe('the CLI\'s fast DOM (parse5 into linkedom)', () => {
  it('gives every fixture page the same article as jsdom', () => {
    const pages = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(19);
    for (const f of pages) {
      const html = readFileSync(join(FIXTURES_DIR, f), 'utf8');
      const url = `https://fixtures.example/${f}`;
      expect(cleanWith('fast', html, url), f).toEqual(cleanWith('jsdom', html, url));
    }
  });

  it('gives real pages the same article as jsdom', () => {
    if (!existsSync(REAL_PAGES)) throw new Error('../shared/realpages/dev is missing: clone the shared folder beside this repository');
    // Every tenth page: old table layouts, Founder records, wrapped pages, <base href>, GBK and Big5.
    const pages = readdirSync(REAL_PAGES).filter((f) => f.endsWith('.html')).filter((_, i) => i % 10 === 0);
    for (const f of pages) {
      const html = decode(readFileSync(join(REAL_PAGES, f))).text;
      const url = `file:///pages/${f}`;
      expect(cleanWith('fast', html, url), f).toEqual(cleanWith('jsdom', html, url));
    }
  }, 120_000);

  it('follows the DOM standard where linkedom does not', () => {
    const doc = parseFast(
      `<!--enpproperty <title>记录里的标题</title>--><!DOCTYPE html><text title="x"><html><head><base href="https://news.example.cn/2026/"><title> 页面
 标题 </title></head><body><div><h2 id="a">A</h2><div><p id="b">B</p></div></div><h2 id="c">C</h2></body></html></text>`,
      'https://mirror.example/a.html',
    );
    const [a, b, c] = ['a', 'b', 'c'].map((id) => doc.getElementById(id)!) as [HTMLElement, HTMLElement, HTMLElement];
    expect(a.compareDocumentPosition(b) & 4).toBe(4); // b follows a
    expect(c.compareDocumentPosition(b) & 2).toBe(2); // b precedes c, across branches
    expect(doc.title).toBe('页面 标题'); // the first <title>, even in a page wrapped in another element
    expect(doc.baseURI).toBe('https://news.example.cn/2026/');
    expect(doc.getElementsByTagName('*').length).toBe(doc.querySelectorAll('*').length);
    const copy = doc.cloneNode(true) as Document;
    expect(copy.getElementById('b')!.isConnected).toBe(true);
    expect(copy.URL).toBe('https://mirror.example/a.html');
    const walker = doc.createTreeWalker(doc, 0x80);
    expect(walker.nextNode()?.nodeValue).toContain('记录里的标题'); // a comment before the doctype is kept
  });
});
