import type { Server } from 'node:http';
import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { type ExtensionBrowser, ROOT, clickToolbar, launchWithExtension, serveFixtures } from '../tests/e2e/harness';

/** A 5,000-paragraph page converted by the built extension in real Chromium, timed inside the page. */
export async function inPageConversion(paragraphs: number) {
  const dir = join(ROOT, 'tests', 'e2e', 'pages', 'generated');
  mkdirSync(dir, { recursive: true });
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>第${i}段：这些“早”的背后，是各级党组织迅速行动、全力应对的努力，软件和网络让干部群众联系更紧密。</p>`).join('\n');
  writeFileSync(join(dir, 'long.html'), `<!doctype html><html><head><meta charset="utf-8"><title>长页面</title></head><body><h1>长页面测试</h1>${body}</body></html>`);

  let server: Server | undefined;
  let browser: ExtensionBrowser | undefined;
  try {
    const served = await serveFixtures();
    server = served.server;
    browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(`${served.base}/generated/long.html`);
    const popup = await clickToolbar(browser, page);
    await popup.waitFor('#page-t');
    // The popup holds the activeTab grant; drive the same calls its buttons make and read the page's own timing.
    const run = (variant: string) =>
      popup.evaluate<number>(`(async () => {
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        const file = ${JSON.stringify(variant === 'cn' ? '/page-simplified.js' : '/page-traditional.js')};
        if (${JSON.stringify(variant)} !== 'original') await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: [file] });
        const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, args: [${JSON.stringify(variant)}],
          func: (v) => { const t = performance.now(); v === 'original' ? globalThis.__jingduPageView.restore() : globalThis.__jingduPageView.show(v); return performance.now() - t; } });
        return r.result;
      })()`);
    const toTraditionalMs = Math.round(await run('t'));
    const restoreMs = Math.round(await run('original'));
    const toSimplifiedMs = Math.round(await run('cn'));
    return { paragraphs, toTraditionalMs, restoreMs, toSimplifiedMs };
  } finally {
    await browser?.close();
    server?.close();
  }
}
