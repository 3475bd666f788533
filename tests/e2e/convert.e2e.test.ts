import { describe, expect, it } from 'vitest';
import { clickToolbar, openPopup, until, useExtension } from './harness';

const suite = useExtension();

describe('page view in 简/繁', () => {
  it('converts the page in place both ways and returns byte-for-byte to the original', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.base}/generic--tea-essay.html`);
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    const popup = await clickToolbar(suite.browser, page);
    await popup.waitFor('#page-t');

    await popup.evaluate('document.querySelector("#page-t").click()');
    await until(async () => (await page.title()).startsWith('外婆的茶園'));
    expect(await page.textContent('h1')).toBe('外婆的茶園');
    expect(await page.textContent('.post-content')).toContain('採回來的鮮葉');

    // Content the page adds later is converted too.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="late">后来的评论</p>'));
    await until(async () => (await page.textContent('#late')) === '後來的評論');

    await until(async () => popup.evaluate<boolean>('!document.querySelector("#page-original").disabled'));
    await popup.evaluate('document.querySelector("#page-original").click()');
    await until(async () => (await page.title()).startsWith('外婆的茶园'));
    await page.evaluate(() => document.getElementById('late')!.remove());
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
    await page.close();
  });
});

describe('article script switch', () => {
  it('shows a Traditional mirror article in Simplified and back', async () => {
    const { page, popup } = await openPopup(suite, 'pinyin-mirror--rare-earth-park.html', '#title');
    expect(await popup.text('#title')).toBe('包頭稀土高新區堅決打贏疫情防控阻擊戰');

    await popup.evaluate(`(() => { const s = document.querySelector('#article-script'); s.value = 'cn'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    await until(async () => (await popup.text('#title')) === '包头稀土高新区坚决打赢疫情防控阻击战');
    expect(await popup.text('#content')).toContain('强化组织力');
    // The conversion ran in a worker, off the popup's own thread.
    expect((await popup.workers()).some((u) => /\/assets\/convert\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    await popup.evaluate(`(() => { const s = document.querySelector('#article-script'); s.value = 'original'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    await until(async () => (await popup.text('#title')) === '包頭稀土高新區堅決打贏疫情防控阻擊戰');
    await page.close();
  });
});

describe('what is saved is what its label says', () => {
  it('with 繁體 remembered, a save at once stores 繁體 text; the reader shows it and its switch converts both ways', async () => {
    // Choose 繁體 on one article: the popup remembers it for the next.
    const first = await openPopup(suite, 'pinyin-mirror--rare-earth-park.html', '#article-script');
    await first.popup.evaluate(`(() => { const s = document.querySelector('#article-script'); s.value = 't'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    await first.page.close();

    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.base}/generic--tea-essay.html`);
    const popup = await clickToolbar(suite.browser, page);
    await popup.waitFor('#save');
    await popup.evaluate('document.querySelector("#save").click()'); // before the conversion has landed
    await until(async () => /已保存|已更新/.test((await popup.text('#notice')) ?? ''));

    const reader = await suite.browser.context.newPage();
    await reader.goto(`chrome-extension://${suite.browser.extensionId}/reader.html?url=${encodeURIComponent(page.url())}`);
    await reader.waitForFunction(() => document.querySelector('#title')?.textContent === '外婆的茶園');
    expect(await reader.inputValue('#reader-script')).toBe('t');
    expect(await reader.textContent('#content')).toContain('採回來的鮮葉');
    await reader.selectOption('#reader-script', 'cn');
    await reader.waitForFunction(() => document.querySelector('#title')?.textContent === '外婆的茶园');
    expect(await reader.textContent('#content')).toContain('采回来的鲜叶');
    await reader.selectOption('#reader-script', 't');
    await reader.waitForFunction(() => document.querySelector('#title')?.textContent === '外婆的茶園');

    // The library lists it as saved: in 繁體.
    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library.waitForFunction(() => document.body.textContent?.includes('外婆的茶園'));
    for (const p of [reader, library, page]) await p.close();
  });
});

describe('the reader in 繁體', () => {
  it('labels the metadata in the article’s script and leads back to the library', async () => {
    const { page, popup } = await openPopup(suite, 'news-portal--wetland-birds.html', '#article-script');
    await popup.evaluate(`(() => { const s = document.querySelector('#article-script'); s.value = 't'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    await popup.evaluate('document.querySelector("#save").click()');
    await until(async () => /已保存|已更新/.test((await popup.text('#notice')) ?? ''));
    const reader = await suite.browser.context.newPage();
    await reader.goto(`chrome-extension://${suite.browser.extensionId}/reader.html?url=${encodeURIComponent(page.url())}`);
    await reader.waitForFunction(() => document.querySelector('.meta')?.textContent?.includes('來源：'));
    expect(await reader.textContent('.meta')).toContain('來源：東湖新聞網');
    expect(await reader.textContent('.meta')).not.toContain('来源');
    await reader.click('#back-to-library');
    await reader.waitForSelector('#articles');
    expect(reader.url()).toMatch(/\/library\.html$/);
    for (const p of [reader, page]) await p.close();
  });
});
