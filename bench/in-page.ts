import type { Server } from 'node:http';
import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { keepOffline } from './pages';
import { type ExtensionBrowser, ROOT, clickToolbar, launchWithExtension, serveFixtures } from '../tests/e2e/harness';

interface Timing {
  loadMs: number;
  visibleMs: number | null;
  totalMs: number;
  longestTaskMs: number;
}

/**
 * A 5,000-paragraph page converted by the built extension in real Chromium, timed inside the
 * page: the dictionary's load (first use only), the paragraph on screen, the whole page.
 */
export async function inPageConversion(paragraphs: number) {
  const dir = join(ROOT, 'tests', 'e2e', 'pages', 'generated');
  mkdirSync(dir, { recursive: true });
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>第${i}段：这些“早”的背后，是各级党组织迅速行动、全力应对的努力，软件和网络让干部群众联系更紧密。</p>`).join('\n');
  writeFileSync(join(dir, 'long.html'), `<!doctype html><html><head><meta charset="utf-8"><title>长页面</title></head><body><h1>长页面测试</h1>${body}</body></html>`);
  return { paragraphs, ...(await convertServedPage('generated/long.html')) };
}

/** The same on the longest real pages of the dev set, decoded to UTF-8 and served from a folder of their own. */
export async function realPageConversion(pages: Array<{ name: string; html: string }>) {
  const dir = join(ROOT, 'tests', 'e2e', 'pages', 'generated', 'real');
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (const [i, page] of pages.entries()) {
    writeFileSync(join(dir, `${i}.html`), page.html);
    out.push({ page: page.name, ...(await convertServedPage(`generated/real/${i}.html`)) });
  }
  return out;
}

async function convertServedPage(path: string) {

  let server: Server | undefined;
  let browser: ExtensionBrowser | undefined;
  try {
    const served = await serveFixtures();
    server = served.server;
    browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await keepOffline(browser.context, served.base);
    await page.goto(`${served.base}/${path}`, { waitUntil: 'load' }).catch(() => undefined);
    // The reader has scrolled half-way down: the part on screen is what must turn first.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const popup = await clickToolbar(browser, page);
    await popup.waitFor('#page-t');
    // The popup holds the activeTab grant: drive the calls its buttons make, timed inside the page.
    const run = (variant: string) =>
      popup.evaluate<Timing>(`(async () => {
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        const v = ${JSON.stringify(variant)};
        const files = v === 'original' ? [] : v === 'cn' ? ['/dict-t2cn.js', '/page-simplified.js'] : ['/dict-cn2t.js', '/page-traditional.js'];
        const loading = performance.now();
        const [ready] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, args: [v], func: (v) => !!globalThis.__jingduPageView?.canShow(v) });
        if (files.length && !ready.result) await chrome.scripting.executeScript({ target: { tabId: tab.id }, files });
        const loadMs = performance.now() - loading;
        const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, args: [v],
          func: async (v) => {
            const view = globalThis.__jingduPageView;
            // The longest task the page's thread ran while converting: what a reader would feel as a freeze.
            let longestTaskMs = 0;
            const tasks = new PerformanceObserver((list) => { for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration); });
            try { tasks.observe({ type: 'longtask' }); } catch {}
            const top = document.elementsFromPoint(innerWidth / 2, 2).find((e) => e.tagName === 'P') ?? document.querySelector('p');
            const t = performance.now();
            let visibleMs = null;
            // The first change to the paragraph at the top of the screen: the end of the slice that wrote it.
            const seen = new MutationObserver(() => { visibleMs ??= performance.now() - t; seen.disconnect(); });
            seen.observe(top, { characterData: true, subtree: true, childList: true });
            await (v === 'original' ? view.restore() : view.show(v));
            const totalMs = performance.now() - t;
            seen.disconnect();
            await new Promise((r) => setTimeout(r, 50)); // long tasks are reported just after they end
            tasks.disconnect();
            return { visibleMs, totalMs, longestTaskMs };
          } });
        return { loadMs, ...r.result };
      })()`);
    const round = (r: Timing) => ({ loadMs: Math.round(r.loadMs), visibleMs: r.visibleMs === null ? null : Math.round(r.visibleMs), totalMs: Math.round(r.totalMs), longestTaskMs: Math.round(r.longestTaskMs) });
    const toTraditional = round(await run('t'));
    const restore = round(await run('original'));
    const again = round(await run('t'));
    await run('original');
    const toSimplified = round(await run('cn'));
    return { toTraditional, restore, toTraditionalAgain: again, toSimplified };
  } finally {
    await browser?.close();
    server?.close();
  }
}
