import { createServer, type Server } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { keepOffline, utf8Page } from './pages';
import { type ExtensionBrowser, clickToolbar, launchWithExtension } from '../tests/e2e/harness';

/** Every eighth dev page, so the sample spans the corpora and sites in a fixed order. */
function samplePages(dir: string, count: number): string[] {
  const all = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

/** Serves the pages decoded to UTF-8, as a browser would have read them. */
async function servePages(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    if (!/^[\w.-]+\.html$/.test(name)) return void res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(utf8Page(join(dir, name)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

export interface ClickTiming {
  page: string;
  /** Click → the popup's first paint: the browser opening the popup. */
  popupOpenMs: number;
  /** The popup's first paint → the article painted: Jingdu's part. */
  jingduMs: number;
  /** The same, on a second click on the unchanged page. */
  secondJingduMs: number;
}

/** One toolbar click on `page` and the popup's own timings, or null when it showed no article. */
async function oneClick(browser: ExtensionBrowser, page: Page): Promise<{ popupOpenMs: number; jingduMs: number } | null> {
  const clicked = Date.now();
  const popup = await clickToolbar(browser, page);
  const deadline = Date.now() + 120_000;
  type Marks = { origin: number; paint: number | null; shown: number | null; failed: boolean };
  let t: Marks | null = null;
  while (Date.now() < deadline) {
    t = await popup
      .evaluate<Marks>(`({ origin: performance.timeOrigin, paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        shown: performance.getEntriesByName('jingdu:article-shown')[0]?.startTime ?? null, failed: !!document.querySelector('#message') })`)
      .catch(() => null);
    // The first paint is reported a moment after it: an article shown in the first frame waits for it.
    if (t && ((t.shown !== null && t.paint !== null) || t.failed)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await popup.close();
  if (!t || t.shown === null || t.paint === null) return null;
  return { popupOpenMs: t.origin + t.paint - clicked, jingduMs: Math.max(0, t.shown - t.paint) };
}

/**
 * The real toolbar click on `count` dev pages served locally, in Chromium with the built
 * extension: the popup's opening and Jingdu's part (first paint → article), then a second click.
 */
export async function clickToArticle(dir: string, count = 30): Promise<{ rows: ClickTiming[]; noArticle: string[] }> {
  const served = await servePages(dir);
  const browser = await launchWithExtension();
  await keepOffline(browser.context, served.base);
  const rows: ClickTiming[] = [];
  const noArticle: string[] = [];
  try {
    for (const name of samplePages(dir, count)) {
      const page = await browser.context.newPage();
      await page.goto(`${served.base}/${name}`, { waitUntil: 'load' }).catch(() => undefined);
      await page.bringToFront();
      const first = await oneClick(browser, page);
      const second = first && (await oneClick(browser, page));
      if (first && second) rows.push({ page: name, popupOpenMs: first.popupOpenMs, jingduMs: first.jingduMs, secondJingduMs: second.jingduMs });
      else noArticle.push(name);
      await page.close();
    }
  } finally {
    await browser.close();
    served.server.close();
  }
  return { rows, noArticle };
}
