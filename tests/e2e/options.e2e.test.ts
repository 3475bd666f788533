import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, clearSettings, openPopup, until, useExtension } from './harness';

const suite = useExtension();
const optionsUrl = () => `chrome-extension://${suite.browser.extensionId}/options.html`;

describe('the options page', () => {
  it('sets the Traditional form of the page toggle: 臺灣正體 converts phrases too', async () => {
    await clearSettings(suite.browser);
    const options = await suite.browser.context.newPage();
    await options.goto(optionsUrl());
    await options.selectOption('#preferred-traditional', 'twp');
    await options.selectOption('#default-format', 'txt');
    await options.screenshot({ path: join(OUTPUT_DIR, 'options.png'), fullPage: true });

    const { page, popup } = await openPopup(suite, 'software-notice.html', '#page-t');
    expect(await popup.evaluate<string>('document.querySelector("#format").value')).toBe('txt');
    await popup.evaluate('document.querySelector("#page-t").click()');
    await until(async () => (await page.textContent('h1')) === '縣政務服務軟體完成升級');
    expect(await page.textContent('article')).toContain('網路');
    await page.close();
    await options.close();
  });

  it('lists the remembered sites and forgets one; shows the library size and asks to keep it', async () => {
    const options = await suite.browser.context.newPage();
    await options.goto(optionsUrl());
    await options.evaluate(`chrome.storage.local.set({ siteCleanOptions: { 'bbs.example.cn': { allPostsByStarter: true } } })`);
    await options.reload();
    await options.waitForSelector('#sites li');
    expect(await options.textContent('#sites')).toContain('bbs.example.cn');
    await options.click('#sites .forget');
    await options.waitForSelector('#no-sites');
    expect(await options.evaluate(`chrome.storage.local.get('siteCleanOptions').then((s) => s.siteCleanOptions)`)).toEqual({});

    await options.waitForFunction(() => /篇文章/.test(document.querySelector('#library-size')?.textContent ?? ''));
    if (await options.$('#persist')) {
      await options.click('#persist');
      await options.waitForFunction(() => /浏览器(已|尚未)同意保留文库/.test(document.querySelector('#persist-state')?.textContent ?? ''));
    } else expect(await options.textContent('#persist-state')).toContain('浏览器已同意保留文库');
    await options.close();
  });
});
