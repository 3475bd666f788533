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

describe('the reader’s own phrases', () => {
  it('keeps a name as written in the article (what is saved and exported) and on the page, shown in the options first', async () => {
    await clearSettings(suite.browser);
    const options = await suite.browser.context.newPage();
    await options.goto(optionsUrl());
    await options.waitForSelector('#no-phrases');
    await options.fill('#phrase-from', '鉅亨網');
    await options.click('#phrase-add');
    await options.waitForSelector('#phrase-table');
    expect(await options.textContent('#phrase-table tbody')).toContain('鉅亨網');
    await options.fill('#phrase-try', '據鉅亨網報導');
    await options.waitForSelector('#phrase-try-result');
    await until(async () => ((await options.textContent('#phrase-try-result')) ?? '').includes('据鉅亨網报导'));
    expect(await options.evaluate(`chrome.storage.local.get('userPhrases').then((s) => s.userPhrases)`)).toEqual([{ from: '鉅亨網', to: '鉅亨網', toward: 'both' }]);

    const { page, popup } = await openPopup(suite, 'finance-brief.html', '#article-script');
    await popup.evaluate(`(() => { const s = document.querySelector('#article-script'); s.value = 'cn'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    await until(() => popup.hasText('.content', '投资人'));
    const content = (await popup.text('.content')) ?? '';
    expect(content).toContain('鉅亨網统计');
    expect(content).not.toContain('巨亨网');

    // The page in Simplified: opencc alone would write 巨亨网.
    await popup.evaluate('document.querySelector("#page-cn").click()');
    await until(async () => ((await page.textContent('article')) ?? '').includes('投资人'));
    expect(await page.textContent('article')).toContain('鉅亨網记者');
    expect(await page.textContent('footer')).toContain('鉅亨網');
    await page.close();

    // Removing the row gives opencc's reading back.
    await options.click('.remove-phrase');
    await options.waitForSelector('#no-phrases');
    await options.close();
  });
});
