import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, openPopup, useExtension } from './harness';

const suite = useExtension();
const INJECTED = ['cleaner.js', 'page-script.js', 'page-simplified.js', 'page-traditional.js', 'site-memory.js'];

describe('nothing tells the page Jingdu is there', () => {
  it('cleaning a page posts no message to it', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { __seen: unknown[] }).__seen = seen;
      window.addEventListener('message', (e) => seen.push(e.data), true);
    });
    await page.goto(`${suite.base}/throwing-scripts.html`);
    const { clickToolbar } = await import('./harness');
    const popup = await clickToolbar(suite.browser, page);
    await popup.waitFor('#title');
    expect(await popup.text('#title')).toBe('河道治理工程通过验收');
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen)).toEqual([]);
    await page.close();
  });

  it('a page cannot answer in the cleaner’s place nor set its options', async () => {
    const { page, popup } = await openPopup(suite, 'forged-cleaner.html', '#title');
    expect(await popup.text('#title')).toBe('河道治理工程通过验收');
    const body = (await popup.text('#content')) ?? '';
    expect(body).toContain('历时两年的城东河道综合治理工程');
    expect(body).not.toContain('伪造');
    expect(body).not.toContain('分享到'); // the page's "options" did not switch the boilerplate rule off
    await page.close();
  });

  it('the scripts injected into pages carry no content-script announcement', () => {
    for (const file of INJECTED) expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).not.toMatch(/content-script-started/);
  });

});
