import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR, ROOT, clickToolbar, savedParagraphs, until, useExtension } from './harness';

// The e2e build: its in-tab time budget is set out of the way of a busy machine.
const suite = useExtension('zh-CN', E2E_EXTENSION_DIR);
const GENERATED = join(ROOT, 'tests', 'e2e', 'pages', 'generated');
/** How each kind nests, and how deep: as deep as Chromium itself lays out (its renderer gives up near 3,000 blocks). */
const DEEP: Array<[string, string, number]> = [
  ['div', '<div></div>', 2000],
  ['quote', '<blockquote></blockquote>', 2000],
  ['list', '<ul><li></li></ul>', 1000],
  ['inline', '<b><font></font></b>', 3000],
  ['table', '<table><tbody><tr><td></td></tr></tbody></table>', 700],
];
const PARA = '<p>这是一段足够长的正文内容，用来测试很大的页面能否被正常处理，而不会让浏览器卡住。这里再多写一些文字。</p>';

beforeAll(() => {
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(join(GENERATED, 'ten-mb.html'), `<!doctype html><html><head><meta charset="utf-8"><title>十兆字节的页面</title></head><body><article><h1>十兆字节的页面</h1>${PARA.repeat(55_000)}</article></body></html>`);
  writeFileSync(join(GENERATED, 'one-huge-text.html'), `<!doctype html><html><head><meta charset="utf-8"><title>一个巨大的文本节点</title></head><body><h1>一个巨大的文本节点</h1><p id="huge">${'软件和头发的后果，这里再多写一些文字。'.repeat(250_000)}</p></body></html>`);
  // Nested the ways old forum and blog markup nests; built by the page's own script, since
  // Chromium's parser flattens markup nested past 512 levels.
  for (const [name, open, depth] of DEEP) {
    const build = `let n = document.body; for (let i = 0; i < ${depth}; i++) { const t = document.createElement('template'); t.innerHTML = ${JSON.stringify(open)}; n.appendChild(t.content); while (n.lastElementChild) n = n.lastElementChild; } n.innerHTML = ${JSON.stringify(`<h1>三千层嵌套</h1>${PARA.repeat(12)}`)};`;
    writeFileSync(join(GENERATED, `deep-${name}.html`), `<!doctype html><html><head><meta charset="utf-8"><title>三千层嵌套</title></head><body><script>${build}</script></body></html>`);
  }
  writeFileSync(join(GENERATED, 'many-nodes.html'), `<!doctype html><html><head><meta charset="utf-8"><title>二十万个节点</title></head><body><div id="main">${'<div><span>项</span></div>'.repeat(100_000)}${PARA.repeat(20)}</div></body></html>`);
});

async function cleanInPopup(path: string) {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.base}/${path}`, { timeout: 60_000 });
  const started = Date.now();
  const popup = await clickToolbar(suite.browser, page);
  // The popup stays responsive while the page cleans: it answers at once.
  expect(await popup.evaluate<number>('1 + 1')).toBe(2);
  await popup.waitFor('#title, #message');
  // A page this large is cleaned only once the reader says so: the page will pause meanwhile.
  const asked = await popup.evaluate<boolean>('!!document.querySelector("#clean-anyway")');
  if (asked) {
    expect(await popup.text('#message')).toMatch(/^这个页面很大（[\d,]+ 个元素，[\d,]+ 字）/);
    await popup.evaluate('document.querySelector("#clean-anyway").click()');
    await popup.waitFor('#title');
  }
  const seconds = (Date.now() - started) / 1000;
  return { popup, page, seconds, asked };
}

/**
 * Started in the page's own world before a conversion: each of the page's timer ticks notes
 * whether the tab title and the page's last text are converted yet, and the page's long tasks are logged.
 */
function watchThePage(lastText: string) {
  return `(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.__longest = Math.max(window.__longest, e.duration); } }).observe({ type: "longtask" });
    const last = document.evaluate(${JSON.stringify(lastText)}, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
    const was = last.nodeValue.slice(0, 40), title = document.title;
    window.__sawHalfway = false;
    const tick = () => { if (document.title !== title && last.nodeValue.slice(0, 40) === was) window.__sawHalfway = true; setTimeout(tick, 0); };
    setTimeout(tick, 0);
  })()`;
}

/** Clicks 繁 and then 原文: both ways the page's own timers keep running and it ends as it began. */
async function convertAndBack(path: string, lastText: string) {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.base}/${path}`, { timeout: 60_000 });
  const original = await page.evaluate(() => document.documentElement.outerHTML);
  const popup = await clickToolbar(suite.browser, page);
  await popup.waitFor('#page-t');
  await page.evaluate(watchThePage(lastText));
  await popup.evaluate('document.querySelector("#page-t").click()');
  const settled = (button: string) => popup.evaluate<boolean>(`document.querySelector(".page-toggle").ariaBusy === "false" && document.querySelector("${button}").disabled`);
  await until(() => settled('#page-t'));
  // The page ran its own timers while the conversion was under way: the title was converted, the end not yet.
  expect(await page.evaluate('window.__sawHalfway')).toBe(true);
  expect(await page.evaluate(`document.evaluate(${JSON.stringify(lastText)}, document, null, 9, null).singleNodeValue.nodeValue.slice(0, 4)`)).toMatch(/這是|軟體|軟件/);
  console.log(`${path}: longest task while converting ${Math.round(await page.evaluate<number>('window.__longest'))} ms`);
  await popup.evaluate('document.querySelector("#page-original").click()');
  await until(() => settled('#page-original'));
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  await page.close();
}

describe('the live page', () => {
  it('converts a 200,000-node page to 繁 and back in slices, the page answering throughout', async () => {
    await convertAndBack('generated/many-nodes.html', '(//p)[last()]/text()');
  });

  it('converts a page of one 5-million-character text node in pieces, the page answering throughout', async () => {
    await convertAndBack('generated/one-huge-text.html', '//p[@id="huge"]/text()');
  });

  it.each(DEEP.map(([name]) => name))('cleans a page nested 2,000 levels deep or more (%s)', async (name) => {
    const { popup, page } = await cleanInPopup(`generated/deep-${name}.html`);
    expect(await page.evaluate(() => { let d = 0; for (let e: Element | null = document.querySelector('h1'); e; e = e.parentElement) d++; return d; })).toBeGreaterThan(2000);
    expect(await popup.text('#title')).toBe('三千层嵌套');
    // Every paragraph is there (inside the list, as its items).
    expect(((await popup.text('#content')) ?? '').split('这里再多写一些文字').length - 1).toBe(12);
    await page.close();
  });
});

/** Serves the paged report, its second page sent a byte at a time and never finished. */
async function serveDrippingLaterPage(): Promise<{ server: Server; base: string }> {
  const dir = join(ROOT, 'tests', 'e2e', 'pages', 'paged');
  const server = createServer((req, res) => {
    if (req.url === '/report_2.htm') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const drip = setInterval(() => res.write(' '), 500);
      req.on('close', () => clearInterval(drip));
      return;
    }
    const file = join(dir, basename(req.url ?? '/'));
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('merging later pages', () => {
  it('shows which later page it is at, and 停止 ends a merge held by a page that never finishes, keeping page 1', async () => {
    const { server, base } = await serveDrippingLaterPage();
    const page = await suite.browser.context.newPage();
    await page.goto(`${base}/report.htm`);
    const popup = await clickToolbar(suite.browser, page);
    await popup.waitFor('#merge-pages');
    await popup.evaluate('document.querySelector("#merge-pages").click()');
    await popup.waitFor('#stop-merge');
    expect(await popup.text('#merge-status')).toContain('正在合并后续页面 1/2');
    await popup.evaluate('document.querySelector("#stop-merge").click()');
    await until(async () => (await popup.text('label:has(#merge-pages)'))?.includes('已停止') ?? false);
    expect(await popup.text('label:has(#merge-pages)')).toContain('已合并 1 页；后面的页未能合并：已停止');
    expect(await popup.text('#title')).toBe('南湖镇农村生活污水治理两年全覆盖');
    expect(await popup.text('#content')).toContain('入夏以来');
    await page.close();
    server.closeAllConnections();
    server.close();
  });
});

describe('huge pages', () => {
  it('asks before cleaning a 10 MB page, then cleans it and reports the time', async () => {
    const { popup, page, seconds, asked } = await cleanInPopup('generated/ten-mb.html');
    expect(asked).toBe(true);
    expect(await popup.text('#title')).toBe('十兆字节的页面');
    // The popup previews the opening; the note says how much more there is.
    expect(await popup.evaluate<number>('document.querySelectorAll("#content p").length')).toBe(400);
    expect(await popup.text('#preview-note')).toContain('55,000');
    console.log(`10 MB page: ${seconds.toFixed(1)} s from click to article`);
    // Saving keeps every paragraph, not just the preview.
    await popup.evaluate('document.querySelector("#save").click()');
    await until(async () => !!(await popup.text('#notice')));
    const saved = await popup.evaluate<number | null>(savedParagraphs(`${suite.base}/generated/ten-mb.html`));
    expect(saved).toBe(55_000);
    await page.close();
  });

  it('asks before cleaning a 200,000-node page, then cleans it without its div soup', async () => {
    const { popup, page, seconds, asked } = await cleanInPopup('generated/many-nodes.html');
    expect(asked).toBe(true);
    expect(await popup.evaluate<number>('document.querySelectorAll("#content p").length')).toBe(20);
    expect(await popup.text('#content')).not.toContain('项');
    console.log(`200,000-node page: ${seconds.toFixed(1)} s from click to article`);
    await page.close();
  });
});
