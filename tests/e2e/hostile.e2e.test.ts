import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS, SPOTS, hostilePage } from '../helpers/hostile';
import { ROOT, openPopup, useExtension } from './harness';

const suite = useExtension();
const GENERATED = join(ROOT, 'tests', 'e2e', 'pages', 'generated');

beforeAll(() => {
  mkdirSync(GENERATED, { recursive: true });
  // One page per spot, each carrying every payload at once.
  for (const spot of SPOTS) writeFileSync(join(GENERATED, `hostile-${spot}.html`), hostilePage(PAYLOADS.filter((_, i) => i !== 7).join(''), spot));
});

describe('a page that throws in its own scripts', () => {
  it('is cleaned all the same, iframes left out', async () => {
    const { page, popup } = await openPopup(suite, 'throwing-scripts.html', '#title, #message');
    expect(await popup.text('#title')).toBe('河道治理工程通过验收');
    const content = (await popup.text('#content')) ?? '';
    expect(content).toContain('历时两年的城东河道综合治理工程');
    expect(content).not.toContain('框架里的广告内容');
    expect(await popup.text('[data-field="author"]')).toBe('王敏');
    await page.close();
  });
});

describe('hostile pages', () => {
  it.each(SPOTS)('payloads in the %s run nowhere: not in the popup, the library or the reader', async (spot) => {
    const { page, popup } = await openPopup(suite, `generated/hostile-${spot}.html`, '#title, #message');
    expect(await popup.evaluate('window.__pwned')).toBeUndefined();
    expect(await popup.evaluate<number>('document.querySelectorAll("#content script, #content iframe, #content [onerror], #content [onload], #content a[href^=javascript]").length')).toBe(0);
    await popup.evaluate('document.querySelector("#save")?.click()');
    await new Promise((r) => setTimeout(r, 500));
    await page.close();

    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library.waitForSelector('#articles tr');
    expect(await library.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await library.click(`#articles tr[data-url$="hostile-${spot}.html"] .title a`);
    await library.waitForSelector('#content');
    await new Promise((r) => setTimeout(r, 300));
    expect(await library.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await library.locator('#content script, #content iframe, #content [onerror], #content [onload], #content a[href^="javascript"]').count()).toBe(0);
    await library.close();
  });
});
