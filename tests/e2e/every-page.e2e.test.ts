import { describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR, until, useExtension } from './harness';

/**
 * What the background registers for a page when every page (or the site) is shown in one
 * script: the dictionary, the converter and site-memory.js, run as the page loads. The e2e
 * build holds access to 127.0.0.1 in place of the prompt for every site that automation
 * cannot accept (the registration itself is covered in tests/unit/background.test.ts), so the
 * same files are run here in the order the registration lists them.
 */
const suite = useExtension('zh-CN', E2E_EXTENSION_DIR);
const FILES = ['dict-t2cn.js', 'page-simplified.js', 'site-memory.js'];

/** Runs the registered files in the tab showing `url`; returns the script its page view then shows ('none': never started). */
async function runRegisteredScripts(url: string, siteScripts: Record<string, string> = {}): Promise<string> {
  const ext = await suite.browser.context.newPage();
  await ext.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
  const settings = { everyPageScript: 'cn', siteScripts, userPhrases: [{ from: '鉅亨網', to: '鉅亨網', toward: 'both' }] };
  await ext.evaluate(`chrome.storage.local.set(${JSON.stringify(settings)})`);
  const tab = `chrome.tabs.query({ url: ${JSON.stringify(url)} }).then(([tab]) => tab.id)`;
  await ext.evaluate(`${tab}.then((tabId) => chrome.scripting.executeScript({ target: { tabId }, files: ${JSON.stringify(FILES)} }))`);
  const [{ result }] = await ext.evaluate<Array<{ result: string }>>(
    `${tab}.then((tabId) => chrome.scripting.executeScript({ target: { tabId }, func: () => globalThis.__jingduPageView?.current ?? 'none' }))`,
  );
  await ext.close();
  return result;
}

describe('every page shown in one script as it loads', () => {
  it('converts the page, keeps the reader’s phrases, and follows what the page adds later', async () => {
    const page = await suite.browser.context.newPage();
    const url = `${suite.base}/finance-brief.html`;
    await page.goto(url);
    expect(await runRegisteredScripts(url)).toBe('cn');
    await until(async () => ((await page.textContent('article')) ?? '').includes('投资人'));
    expect(await page.textContent('h1')).toBe('台股收高 外资回补');
    expect(await page.textContent('article')).toContain('鉅亨網统计');
    // A feed loading more: the page's own script adds a paragraph in Traditional.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = '盤後資料顯示，軟體類股成交量創下新高。';
      document.querySelector('article')!.append(p);
    });
    await until(async () => (await page.textContent('#later')) === '盘后数据显示，软件类股成交量创下新高。');
    await page.close();
  });

  it('leaves a page without Chinese untouched, and converts it once its own script brings Chinese in', async () => {
    const page = await suite.browser.context.newPage();
    const url = `${suite.base}/generated/latin.html`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Notes</title><p>Plain English notes.</p>' }));
    await page.goto(url);
    // The converter is loaded but never started on it: nothing walked, kept or observed by the converter.
    expect(await runRegisteredScripts(url)).toBe('original');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'feed';
      p.textContent = '軟體更新完成';
      document.body.append(p);
    });
    await until(async () => (await page.textContent('#feed')) === '软件更新完成');
    await page.close();
  });

  it('leaves a site the reader keeps as written (原文 remembered) in its own script', async () => {
    const page = await suite.browser.context.newPage();
    const url = `${suite.base}/finance-brief.html?kept`;
    await page.goto(url);
    expect(await runRegisteredScripts(url, { '127.0.0.1': 'original' })).toBe('original');
    expect(await page.textContent('h1')).toBe('台股收高 外資回補');
    await page.close();
  });
});
