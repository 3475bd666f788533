import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { type BrowserContext, type CDPSession, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
/**
 * The e2e build (`wxt build --mode e2e`, never shipped): it holds host access to 127.0.0.1
 * from install, standing in for the reader's "allow" on the permission prompt that
 * automation cannot click.
 */
export const E2E_EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3-e2e');
export const OUTPUT_DIR = join(ROOT, 'test-output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  // Old Chinese sites send no charset; their pages declare it in <meta>.
  '.htm': 'text/html',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves tests/fixtures and tests/e2e/pages on 127.0.0.1; nothing leaves the machine. */
export async function serveFixtures(): Promise<{ server: Server; base: string }> {
  const roots = [join(ROOT, 'tests', 'fixtures'), join(ROOT, 'tests', 'e2e', 'pages')];
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = roots.map((r) => join(r, path)).find((f) => existsSync(f) && !f.endsWith('/'));
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, base: `http://127.0.0.1:${port}` };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Debian's Chromium with the built extension loaded, as the toolchain notes describe. */
/** The UI languages the extension ships. */
export type UiLocale = 'zh-CN' | 'zh-TW' | 'en-US';

export async function launchWithExtension(locale: UiLocale = 'zh-CN', extensionDir = EXTENSION_DIR): Promise<ExtensionBrowser> {
  const posix = locale.replace('-', '_');
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`Build the extension first: ${extensionDir === EXTENSION_DIR ? 'npm run build' : 'npx wxt build --mode e2e'}`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'jingdu-e2e-')), {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    // The extension's UI language follows the browser's, which on Linux follows these.
    env: { ...process.env, LANGUAGE: posix, LANG: `${posix}.UTF-8` },
    args: [
      `--lang=${locale}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 120_000 }).catch(() => null));
  const extensionId = worker ? new URL(worker.url()).host : await idFromTargets(context);
  return { context, extensionId, close: () => context.close() };
}

/** Without a background worker, read the id off the extension's targets. */
async function idFromTargets(context: BrowserContext): Promise<string> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  for (let i = 0; i < 50; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const ext = targetInfos.find((t) => t.url.startsWith('chrome-extension://'));
    if (ext) return new URL(ext.url).host;
    const page = await context.newPage();
    await page.goto('chrome://extensions').catch(() => undefined);
    const id = await page
      .evaluate(() => (document.querySelector('extensions-manager') as unknown as { shadowRoot: ShadowRoot })?.shadowRoot
        ?.querySelector('extensions-item-list')?.shadowRoot?.querySelector('extensions-item')?.id)
      .catch(() => undefined);
    await page.close();
    if (id) return id;
  }
  throw new Error('extension did not load');
}

/**
 * The real popup the toolbar click opened. Playwright does not attach to action
 * popups, so we talk to it over CDP (Target.sendMessageToTarget).
 */
export class RealPopup {
  private next = 0;
  private pending = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();

  constructor(private cdp: CDPSession, private sessionId: string) {
    cdp.on('Target.receivedMessageFromTarget' as never, ((e: { sessionId: string; message: string }) => {
      if (e.sessionId !== this.sessionId) return;
      const m = JSON.parse(e.message);
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    }) as never);
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result as T)));
      this.cdp.send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) } as never).catch((err) => {
        this.pending.delete(id);
        reject(err); // the popup is gone (it closes when it loses focus)
      });
    });
  }

  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value: T }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`popup: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  }

  /** Addresses of the workers this page has started. */
  async workers(): Promise<string[]> {
    const urls: string[] = [];
    const onMessage = ((e: { sessionId: string; message: string }) => {
      if (e.sessionId !== this.sessionId) return;
      const m = JSON.parse(e.message);
      if (m.method === 'Target.attachedToTarget' && m.params.targetInfo.type === 'worker') urls.push(m.params.targetInfo.url);
    }) as never;
    this.cdp.on('Target.receivedMessageFromTarget' as never, onMessage);
    await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await new Promise((r) => setTimeout(r, 200));
    this.cdp.off('Target.receivedMessageFromTarget' as never, onMessage);
    return urls;
  }

  /** A click the page sees as the user's own (user activation), as clipboard writes require. */
  async clickAsUser(selector: string): Promise<void> {
    await this.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)}).click()`, userGesture: true });
  }

  /** Whether the element's text includes `text` (false while it is missing). */
  async hasText(selector: string, text: string): Promise<boolean> {
    return ((await this.text(selector)) ?? '').includes(text);
  }

  text(selector: string): Promise<string | null> {
    return this.evaluate(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`);
  }

  async waitFor(selector: string, timeoutMs = 180_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (await this.evaluate<boolean>(`!!document.querySelector(${JSON.stringify(selector)})`).catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`popup: ${selector} did not appear`);
  }

  /** Closes the popup as losing focus does; resolves once its page is gone. */
  async close(): Promise<void> {
    // Never answered: the page goes, and its session with it.
    const message = JSON.stringify({ id: ++this.next, method: 'Runtime.evaluate', params: { expression: 'window.close()' } });
    await this.cdp.send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message } as never).catch(() => undefined);
    const isPopup = (t: { type: string; url: string }) => t.type === 'page' && t.url.includes('/popup.html');
    await until(async () => !(await this.cdp.send('Target.getTargets')).targetInfos.some(isPopup), 60_000);
  }

  async screenshot(path: string): Promise<void> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    writeFileSync(path, Buffer.from(data, 'base64'));
  }
}

/**
 * A real toolbar click: Extensions.triggerAction on the page's tab target grants
 * activeTab and opens the real popup.
 */
export async function clickToolbar(browser: ExtensionBrowser, page: Page): Promise<RealPopup> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  // Tab targets are listed only when asked for explicitly.
  const tabs = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
  const tab = tabs.targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  const isPopup = (t: { type: string; url: string }) => t.type === 'page' && t.url.startsWith(`chrome-extension://${browser.extensionId}/popup.html`);
  const before = new Set((await cdp.send('Target.getTargets')).targetInfos.filter(isPopup).map((t) => t.targetId));
  await cdp.send('Extensions.triggerAction' as never, { id: browser.extensionId, targetId: tab.targetId } as never);
  for (let i = 0; i < 100; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const popup = targetInfos.find((t) => isPopup(t) && !before.has(t.targetId));
    if (popup) {
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false })) as { sessionId: string };
      return new RealPopup(cdp, sessionId);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the toolbar click opened no popup');
}

/** Forgets the extension's settings (per-site choices, article script), as after a fresh install. */
export async function clearSettings(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/library.html`);
  await page.evaluate('chrome.storage.local.clear()');
  await page.close();
}

export interface ExtensionSuite {
  browser: ExtensionBrowser;
  base: string;
}

/** One browser with the extension and one fixture server for a test file, closed after it. */
export function useExtension(locale: UiLocale = 'zh-CN', extensionDir = EXTENSION_DIR): ExtensionSuite {
  const suite = {} as ExtensionSuite & { server?: Server };
  beforeAll(async () => {
    ({ server: suite.server, base: suite.base } = await serveFixtures());
    suite.browser = await launchWithExtension(locale, extensionDir);
  });
  afterAll(async () => {
    await suite.browser?.close();
    suite.server?.close();
  });
  return suite;
}

/** Opens a served page, clicks the toolbar on it and waits for `selector` in the popup. */
export async function openPopup(suite: ExtensionSuite, path: string, selector: string): Promise<{ page: Page; popup: RealPopup }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.base}/${path}`);
  const popup = await clickToolbar(suite.browser, page);
  await popup.waitFor(selector);
  return { page, popup };
}

/**
 * An expression any extension page can evaluate: the number of paragraphs of the
 * article saved in the library under `url`, or null when none is saved.
 */
export function savedParagraphs(url: string): string {
  return `new Promise((resolve, reject) => {
    const open = indexedDB.open('jingdu-library');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('articles').objectStore('articles').get(${JSON.stringify(url)});
      get.onsuccess = () => resolve(get.result ? get.result.article.paragraphs.length : null);
    };
  })`;
}

/** Polls until check() holds. */
export async function until(check: () => Promise<boolean>, ms = 180_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
