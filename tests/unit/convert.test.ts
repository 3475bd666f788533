import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { convertArticle, convertHtmlText } from '../../lib/convert/article';
import { fastConverter, loadConverter } from '../../lib/convert/load';
import { PageView } from '../../lib/convert/page-view';
import { traditionalFor } from '../../lib/convert/variants';
import { cleanText } from '../../lib/text-pipeline';
import { loadGolden } from '../helpers/golden';

describe('what 繁 means before the reader chooses', () => {
  it.each([
    ['zh-TW', 'twp'],
    ['zh-Hant-TW', 'twp'],
    ['zh-HK', 'hk'],
    ['zh-MO', 'hk'],
    ['zh-CN', 't'],
    ['en-US', 't'],
    ['', 't'],
  ])('a %s browser: %s', (language, variant) => {
    expect(traditionalFor(language)).toBe(variant);
  });
});

describe('known conversions per variant', () => {
  it.each([
    ['cn', '軟體和滑鼠 頭髮 後果', '软件和鼠标 头发 后果'],
    ['t', '软件和鼠标 头发 后果', '軟件和鼠標 頭髮 後果'],
    ['twp', '软件和鼠标 头发', '軟體和滑鼠 頭髮'],
    ['tw', '软件 干部', '軟件 幹部'],
    ['hk', '软件和鼠标 头发', '軟件和鼠標 頭髮'],
  ] as const)('%s: %s → %s', async (variant, from, to) => {
    expect((await loadConverter(variant))(from)).toBe(to);
  });
});

describe('pinyin-mirror seed after cleanup', () => {
  const seed = loadGolden().find((s) => s.id.startsWith('002'))!;
  const article = cleanText(seed.seedText);

  it('reads correctly in Simplified', async () => {
    const cn = convertArticle(article, await loadConverter('cn'));
    const text = cn.paragraphs.join('');
    expect(cn.title).toContain('复工');
    expect(cn.source).toBe('乡村干部报');
    expect(text).toContain('党员干部');
    expect(text).not.toContain('幹部');
    expect(cn.script).toBe('simplified');
  });

  it('reads 幹部 in Traditional where OpenCC says so', async () => {
    const t = convertArticle(article, await loadConverter('t'));
    expect(t.paragraphs.join('')).toContain('黨員幹部');
    expect(t.source).toBe('鄉村幹部報');
  });

  it('leaves the original article untouched', async () => {
    const before = JSON.stringify(article);
    convertArticle(article, await loadConverter('cn'));
    expect(JSON.stringify(article)).toBe(before);
  });
});

describe('HTML conversion', () => {
  it('converts text, never tags or attributes', async () => {
    const cn = await loadConverter('cn');
    expect(convertHtmlText('<p title="軟體">軟體<a href="/軟體">連結</a></p>', cn)).toBe('<p title="軟體">软件<a href="/軟體">链接</a></p>');
  });
});

describe('fast converter', () => {
  it('gives the same result as plain opencc-js', async () => {
    const plain = await loadConverter('twp');
    const fast = fastConverter(plain);
    for (const s of ['软件', 'no chinese here', '软件'.repeat(50), '软件']) expect(fast(s)).toBe(plain(s));
  });
});

describe('page view', () => {
  const page = `<!doctype html><html><head><title>软件下载</title></head><body>
<h1 title="软件">软件与头发</h1><p>后果<b>严重</b>。</p><input placeholder="搜索软件" value="软件"><textarea>软件</textarea>
<pre><code>软件 = 1</code></pre><div contenteditable="true">软件</div><img alt="头发" src="x.png"><script>var s = "软件";</script></body></html>`;

  async function setup() {
    const dom = new JSDOM(page);
    const view = new PageView(dom.window.document, (fn) => fn());
    view.register('twp', await loadConverter('twp'));
    return { doc: dom.window.document, view, html: () => dom.serialize() };
  }

  it('converts text, the tab title and attributes, but not code or what the user edits', async () => {
    const { doc, view } = await setup();
    await view.show('twp');
    expect(doc.title).toBe('軟體下載');
    expect(doc.querySelector('h1')!.textContent).toBe('軟體與頭髮');
    expect(doc.querySelector('h1')!.getAttribute('title')).toBe('軟體');
    expect(doc.querySelector('input')!.getAttribute('placeholder')).toBe('搜尋軟體');
    expect(doc.querySelector('img')!.getAttribute('alt')).toBe('頭髮');
    expect(doc.querySelector('textarea')!.textContent).toBe('软件');
    expect(doc.querySelector('code')!.textContent).toBe('软件 = 1');
    expect(doc.querySelector('[contenteditable]')!.textContent).toBe('软件');
    expect(doc.querySelector('script')!.textContent).toContain('软件');
  });

  it('switches back to the exact original', async () => {
    const { view, html } = await setup();
    const before = html();
    await view.show('twp');
    expect(html()).not.toBe(before);
    await view.restore();
    expect(html()).toBe(before);
  });

  it('converts content that arrives later, and restores it too', async () => {
    const { doc, view, html } = await setup();
    await view.show('twp');
    const p = doc.createElement('p');
    p.textContent = '新的软件';
    doc.body.appendChild(p);
    await new Promise((r) => setTimeout(r, 0));
    expect(p.textContent).toBe('新的軟體');
    await view.restore();
    expect(p.textContent).toBe('新的软件');
    expect(html()).toContain('<p>新的软件</p>');
  });

  it('takes a page rewrite of a converted node as the new original', async () => {
    const { doc, view } = await setup();
    await view.show('twp');
    const h1 = doc.querySelector('h1')!;
    h1.firstChild!.nodeValue = '头发';
    await new Promise((r) => setTimeout(r, 0));
    expect(h1.textContent).toBe('頭髮');
    await view.restore();
    expect(h1.textContent).toBe('头发');
  });
});

describe('page view on a long or busy page', () => {
  /** A clock that moves one "millisecond" per reading, so slices are cut by work done, not by the machine's speed. */
  function countedSlicing(budgetMs = 2) {
    let t = 0;
    const slicing = { budgetMs, now: () => t++, pauses: 0, pause: () => new Promise<void>((r) => setTimeout(r, 0)).then(() => void slicing.pauses++) };
    return slicing;
  }
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p id="p${i}">第${i}段的软件和头发</p>`).join('');

  it("gives the page its thread back between slices: the page's own timers run during a long conversion", async () => {
    const dom = new JSDOM(`<!doctype html><title>软件</title><body>${paragraphs(2000)}</body>`);
    const slicing = countedSlicing();
    const view = new PageView(dom.window.document, (fn) => fn(), slicing);
    view.register('twp', await loadConverter('twp'));
    let pageTimerRanAt: number | null = null;
    setTimeout(() => (pageTimerRanAt = view.progress?.done ?? -1), 0);
    const result = await view.show('twp');
    expect(slicing.pauses).toBeGreaterThan(50);
    // The page's timer ran while the conversion was under way, not after it.
    expect(pageTimerRanAt).toBeGreaterThan(0);
    expect(view.progress).toBeNull();
    expect(result.changed).toBe(2001);
    expect(dom.window.document.getElementById('p1999')!.textContent).toBe('第1999段的軟體和頭髮');
  });

  it('converts what is on screen first, then the rest of the page', async () => {
    const dom = new JSDOM(`<!doctype html><title>软件</title><body>${paragraphs(2000)}</body>`);
    const doc = dom.window.document;
    // The reader has scrolled to paragraph 1500: it is the first element at the top of the screen.
    (doc as unknown as { elementsFromPoint: () => Element[] }).elementsFromPoint = () => [doc.getElementById('p1500')!, doc.body];
    const slicing = countedSlicing();
    const view = new PageView(doc, (fn) => fn(), slicing);
    view.register('twp', await loadConverter('twp'));
    const seen: Array<[string, string]> = [];
    const watch = setInterval(() => seen.push([doc.getElementById('p1510')!.textContent!, doc.getElementById('p10')!.textContent!]), 0);
    await view.show('twp');
    clearInterval(watch);
    expect(seen.some(([onScreen, above]) => onScreen === '第1510段的軟體和頭髮' && above === '第10段的软件和头发')).toBe(true);
    expect(doc.getElementById('p10')!.textContent).toBe('第10段的軟體和頭髮');
    expect(doc.title).toBe('軟體');
  });

  it('stops a conversion when 原文 is clicked in the middle, and the page is exactly the original again', async () => {
    const dom = new JSDOM(`<!doctype html><title>软件</title><body>${paragraphs(2000)}</body>`);
    const before = dom.serialize();
    const view = new PageView(dom.window.document, (fn) => fn(), countedSlicing());
    view.register('twp', await loadConverter('twp'));
    const showing = view.show('twp');
    await new Promise((r) => setTimeout(r, 0));
    const restoring = view.restore();
    expect((await showing).superseded).toBe(true);
    await restoring;
    expect(dom.serialize()).toBe(before);
    expect(view.remembered).toBe(0);
  });

  it('converts one huge text node in pieces that never split a phrase, with the page free between them', async () => {
    const text = '软件和头发的后果。'.repeat(40_000);
    const dom = new JSDOM(`<!doctype html><body><p>${text}</p></body>`);
    const plain = await loadConverter('twp');
    let longest = 0;
    const slicing = countedSlicing(2);
    const view = new PageView(dom.window.document, (fn) => fn(), slicing);
    view.register('twp', (s) => ((longest = Math.max(longest, s.length)), plain(s)));
    await view.show('twp');
    expect(longest).toBeLessThanOrEqual(20_000);
    expect(slicing.pauses).toBeGreaterThanOrEqual(4);
    expect(dom.window.document.querySelector('p')!.textContent).toBe(plain(text));
    await view.restore();
    expect(dom.window.document.querySelector('p')!.textContent).toBe(text);
  });

  it('keeps what it needs to restore bounded on a ticker that replaces its items all the time', async () => {
    const dom = new JSDOM(`<!doctype html><body><ul id="ticker"></ul>${paragraphs(20)}</body>`);
    const doc = dom.window.document;
    const before = dom.serialize();
    const view = new PageView(doc, (fn) => fn());
    view.register('twp', await loadConverter('twp'));
    await view.show('twp');
    const ticker = doc.getElementById('ticker')!;
    for (let i = 0; i < 1500; i++) {
      ticker.innerHTML = `<li title="快讯">快讯${i}：软件</li><li>头发${i}</li>`;
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(ticker.textContent).toBe('快訊1499：軟體頭髮1499');
    // 1,500 rounds of new items: what is kept is the live page's size, not the ticker's history.
    expect(view.remembered).toBeLessThan(2100);
    ticker.innerHTML = '';
    await new Promise((r) => setTimeout(r, 0));
    await view.restore();
    expect(dom.serialize()).toBe(before);
  });

  it('walks a page nested 3,000 levels deep without recursion', async () => {
    const depth = 3000;
    const dom = new JSDOM(`<!doctype html><body>${'<div>'.repeat(depth)}软件${'</div>'.repeat(depth)}</body>`);
    const view = new PageView(dom.window.document, (fn) => fn());
    view.register('twp', await loadConverter('twp'));
    await view.show('twp');
    expect(dom.window.document.body.textContent).toBe('軟體');
  });
});
