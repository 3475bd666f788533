import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { convertArticle, convertHtmlText } from '../../lib/convert/article';
import { fastConverter, loadConverter } from '../../lib/convert/load';
import { PageView } from '../../lib/convert/page-view';
import { cleanText } from '../../lib/text-pipeline';
import { loadGolden } from '../helpers/golden';

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
    view.show('twp');
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
    view.show('twp');
    expect(html()).not.toBe(before);
    view.restore();
    expect(html()).toBe(before);
  });

  it('converts content that arrives later, and restores it too', async () => {
    const { doc, view, html } = await setup();
    view.show('twp');
    const p = doc.createElement('p');
    p.textContent = '新的软件';
    doc.body.appendChild(p);
    await new Promise((r) => setTimeout(r, 0));
    expect(p.textContent).toBe('新的軟體');
    view.restore();
    expect(p.textContent).toBe('新的软件');
    expect(html()).toContain('<p>新的软件</p>');
  });

  it('takes a page rewrite of a converted node as the new original', async () => {
    const { doc, view } = await setup();
    view.show('twp');
    const h1 = doc.querySelector('h1')!;
    h1.firstChild!.nodeValue = '头发';
    await new Promise((r) => setTimeout(r, 0));
    expect(h1.textContent).toBe('頭髮');
    view.restore();
    expect(h1.textContent).toBe('头发');
  });
});
