import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, type RealPopup, clearSettings, clickToolbar, openPopup, until, useExtension } from './harness';

const suite = useExtension();
const PAGE = 'site-rules/news-with-comments.html';
const REPLY = '我们小区去年就开始协商了';
const extensionPage = (path: string) => `chrome-extension://${suite.browser.extensionId}/${path}`;

/** A key pressed in the popup, as the keyboard sends it. */
async function press(popup: RealPopup, key: 'Tab' | 'Enter'): Promise<void> {
  const codes = { Tab: 9, Enter: 13 };
  const base = { key, code: key, windowsVirtualKeyCode: codes[key], nativeVirtualKeyCode: codes[key] };
  await popup.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
  // Enter on 这里不对？ starts the picker and closes the popup: the rest of the key may find it gone.
  const closedByTheKey = (err: Error) => {
    if (!/No session with given id/.test(err.message)) throw err;
  };
  if (key === 'Enter') await popup.send('Input.dispatchKeyEvent', { type: 'char', ...base, text: '\r' }).catch(closedByTheKey);
  await popup.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }).catch(closedByTheKey);
}

async function storedRules(): Promise<Array<{ rule: { id: string; label: string; match: unknown; content?: string[]; remove?: string[] }; served: number }>> {
  const page = await suite.browser.context.newPage();
  await page.goto(extensionPage('options.html'));
  const rules = await page.evaluate(`chrome.storage.local.get('siteRules').then((s) => s.siteRules ?? [])`);
  await page.close();
  return rules as never;
}

describe('这里不对？ fixing a page yourself', () => {
  it('by keyboard alone: picks the article, removes the replies, remembers it for the site, and the next click shows the fixed article', async () => {
    await clearSettings(suite.browser);
    const { page, popup } = await openPopup(suite, PAGE, '#title');
    expect(await popup.text('#content')).toContain(REPLY); // automatic extraction keeps the replies
    const pageBefore = await page.evaluate(() => ({ html: document.documentElement.outerHTML, globals: Object.keys(window).length, scroll: window.scrollY }));

    // Tab through the popup to its menu (⋯), open it with Enter, Tab to 这里不对？ and press Enter: no mouse.
    const focused = () => popup.evaluate<string>('document.activeElement?.closest("#more") && document.activeElement.tagName === "SUMMARY" ? "more" : document.activeElement?.id ?? ""');
    for (let i = 0; i < 40 && (await focused()) !== 'more'; i++) await press(popup, 'Tab');
    expect(await focused()).toBe('more');
    await press(popup, 'Enter');
    await press(popup, 'Tab');
    expect(await popup.evaluate<string>('document.activeElement?.id')).toBe('fix-page');
    await press(popup, 'Enter');
    // The picker's host is the one element it adds (its panel is in a closed shadow root).
    await until(async () => (await page.evaluate(() => document.documentElement.children.length)) === 3);

    await page.bringToFront();
    await page.keyboard.press('Enter'); // the block it starts on, the paragraphs' own container: the article
    await page.keyboard.press('ArrowDown'); // its first paragraph
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight'); // past the other four, to the replies
    await page.keyboard.press('x'); // 删掉这块
    await page.keyboard.press('2'); // 整个网站
    await page.screenshot({ path: join(OUTPUT_DIR, 'picker.png') });
    await page.keyboard.press('s'); // 记住
    await until(async () => (await storedRules()).length === 1);
    const [{ rule }] = await storedRules();
    expect(rule.match).toEqual({ hosts: ['127.0.0.1'] });
    expect(rule.content).toEqual(['#artText']);
    expect(rule.remove).toEqual(['#replyBox']);

    // Esc: the page is exactly as it was, with nothing left behind.
    await page.keyboard.press('Escape');
    const pageAfter = await page.evaluate(() => ({ html: document.documentElement.outerHTML, globals: Object.keys(window).length, scroll: window.scrollY }));
    expect(pageAfter).toEqual(pageBefore);

    await page.reload();
    const again = await clickToolbar(suite.browser, page);
    await again.waitFor('#site-rules');
    const text = (await again.text('#content')) ?? '';
    expect(text).not.toContain(REPLY);
    expect(text).toContain('加装电梯最难的是邻里协商');
    expect(await again.text('#site-rules')).toContain('你的规则「127.0.0.1」（整个网站）');
    expect(await again.text('#site-rules')).toContain('正文由它选定');
    await again.evaluate('document.querySelector("#removed").open = true');
    expect(await again.text('#removed')).toContain('站点规则「127.0.0.1」');
    await again.screenshot(join(OUTPUT_DIR, 'popup-site-rule.png'));
    expect((await storedRules())[0]!.served).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('the rule is listed in the options, exported, deleted, and imported back', async () => {
    const options = await suite.browser.context.newPage();
    await options.goto(extensionPage('options.html'));
    await options.waitForSelector('#rules li');
    expect(await options.textContent('#rules')).toContain('127.0.0.1');
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#export-rules')]);
    const packPath = join(OUTPUT_DIR, 'site-rules-pack.json');
    await download.saveAs(packPath);
    const pack = JSON.parse(readFileSync(packPath, 'utf8'));
    expect(pack).toMatchObject({ format: 'jingdu-rules', version: 1, rules: [{ match: { hosts: ['127.0.0.1'] }, remove: ['#replyBox'] }] });

    await options.click('#rules .rule-delete');
    await options.waitForSelector('#no-rules');
    expect(await storedRules()).toEqual([]);
    await options.setInputFiles('#import-rules', packPath);
    await options.waitForSelector('#rules li');
    expect(await options.textContent('#rules-import-report')).toContain('导入 1 条');
    expect((await storedRules()).map((r) => r.rule.remove)).toEqual([['#replyBox']]);

    // A rule edited as text with an invalid selector is refused with the reason, and the rule is unchanged.
    await options.click('#rules .rule-edit');
    const edited = JSON.stringify({ ...pack.rules[0], remove: ['div[[['] });
    await options.fill('#rules .rule-text', edited);
    await options.click('#rules .rule-save');
    await options.waitForSelector('#rules .rule-error');
    expect(await options.textContent('#rules .rule-error')).toContain('div[[[');
    expect((await storedRules()).map((r) => r.rule.remove)).toEqual([['#replyBox']]);
    await options.close();
  });

  it('a page with no article found still offers 这里不对？, and a block chosen there becomes the article', async () => {
    await clearSettings(suite.browser);
    const { page, popup } = await openPopup(suite, 'search-results.html', '#message');
    await popup.waitFor('#fix-page');
    await popup.evaluate('document.querySelector("#fix-page").click()');
    await until(async () => (await page.evaluate(() => document.documentElement.children.length)) === 3);
    await page.bringToFront();
    await page.keyboard.press('Enter'); // the block holding the most paragraph text
    await page.keyboard.press('1'); // only this page
    await page.keyboard.press('s');
    await until(async () => (await storedRules()).length === 1);
    expect((await storedRules())[0]!.rule.match).toEqual({ urls: [page.url()] });
    await page.keyboard.press('Escape');
    const again = await clickToolbar(suite.browser, page);
    await again.waitFor('#site-rules');
    expect(await again.text('#site-rules')).toContain('这一篇');
    await page.close();
  });

  it('what the user types over the title and author is what is saved and named', async () => {
    const { page, popup } = await openPopup(suite, PAGE, '#title');
    await popup.evaluate(`(() => {
      document.querySelector('#edit-fields').open = true;
      const set = (id, value) => { const input = document.querySelector(id); input.value = value; input.dispatchEvent(new Event('input', { bubbles: true })); };
      set('#edit-title', '加装电梯：江北今年再开工120部');
      set('#edit-author', '王晓川');
    })()`);
    await until(async () => (await popup.text('#title')) === '加装电梯：江北今年再开工120部');
    expect(await popup.text('[data-field="author"]')).toBe('王晓川');
    await popup.evaluate('document.querySelector("#save").click()');
    const url = page.url();
    const savedTitle = () =>
      popup.evaluate<string | null>(`new Promise((resolve) => {
        const open = indexedDB.open('jingdu-library');
        open.onsuccess = () => {
          const get = open.result.transaction('articles').objectStore('articles').get(${JSON.stringify(url)});
          get.onsuccess = () => resolve(get.result ? get.result.title + '|' + get.result.article.author : null);
        };
      })`);
    await until(async () => (await savedTitle()) !== null);
    expect(await savedTitle()).toBe('加装电梯：江北今年再开工120部|王晓川');
    await page.close();
  });
});
