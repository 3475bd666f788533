import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { PageResultCache } from '../../lib/pages/result-cache';

/** A page and a cache over it; `settle` lets the mutation observer's callback run. */
function page() {
  const dom = new JSDOM('<body><h1>标题</h1><p id="p">第一段</p></body>', { url: 'https://news.example.cn/a.html' });
  const cache = new PageResultCache<string>(dom.window.document, dom.window.MutationObserver);
  let runs = 0;
  const clean = (key = 'options') => cache.get(key, async () => `article ${++runs}`, (r) => !r.includes('failed'));
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { doc: dom.window.document, cache, clean, settle, runs: () => runs };
}

describe('a second click on an unchanged page', () => {
  it('answers with the cleaning already made, once per set of options', async () => {
    const p = page();
    expect(await p.clean()).toBe('article 1');
    expect(await p.clean()).toBe('article 1');
    expect(await p.clean('other options')).toBe('article 2');
    expect(p.runs()).toBe(2);
  });

  it.each([
    ['a node added', (d: Document) => d.body.append(d.createElement('p'))],
    ['text changed', (d: Document) => void (d.getElementById('p')!.firstChild!.nodeValue = '改过的第一段')],
    ['an attribute changed', (d: Document) => d.getElementById('p')!.setAttribute('hidden', '')],
  ])('cleans again once the page changed: %s', async (_, change) => {
    const p = page();
    await p.clean();
    change(p.doc);
    await p.settle();
    expect(await p.clean()).toBe('article 2');
  });

  it('drops a cleaning the page changed under while it ran', async () => {
    const p = page();
    const first = p.clean();
    p.doc.body.append(p.doc.createElement('div'));
    await first;
    await p.settle();
    expect(await p.clean()).toBe('article 2');
  });

  it('keeps no failure: the next click tries again', async () => {
    const dom = new JSDOM('<body></body>');
    const cache = new PageResultCache<string>(dom.window.document, dom.window.MutationObserver);
    let n = 0;
    const answers = ['failed', 'article'];
    const clean = () => cache.get('o', async () => answers[n++]!, (r) => r !== 'failed');
    expect(await clean()).toBe('failed');
    await new Promise((r) => setTimeout(r, 0));
    expect(await clean()).toBe('article');
    const thrown = new PageResultCache<string>(dom.window.document, dom.window.MutationObserver);
    await expect(thrown.get('o', () => Promise.reject(new Error('boom')), () => true)).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(await thrown.get('o', async () => 'ok', () => true)).toBe('ok');
  });
});
