import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { threadPages } from '../helpers/thread-pages';
import { OUTPUT_DIR, ROOT, clearSettings, clickToolbar, openPopup, until, useExtension } from './harness';

const suite = useExtension();

// Every fixture is served from one host, so a choice remembered for the site in one test would carry into the next.
beforeEach(() => clearSettings(suite.browser));

beforeAll(() => {
  const dir = join(ROOT, 'tests', 'e2e', 'pages', 'generated', 'thread');
  mkdirSync(dir, { recursive: true });
  for (const [name, html] of Object.entries(threadPages())) writeFileSync(join(dir, name), html);
});

describe('the popup the README shows', () => {
  it('shows a news article with its metadata, and nothing broken (screenshot test-output/popup.png, copied to docs/popup.png)', async () => {
    const { page, popup } = await openPopup(suite, 'news-portal--wetland-birds.html', '#title');
    expect(await popup.text('#title')).toBe('湿地迎来越冬候鸟 观鸟爱好者记录到珍稀白鹤');
    // Every picture the preview shows has loaded: no alt text stands in for a broken one.
    expect(await popup.evaluate<number>('[...document.querySelectorAll("#content img")].filter((i) => !i.complete || !i.naturalWidth).length')).toBe(0);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await popup.screenshot(join(OUTPUT_DIR, 'popup.png'));
    await page.close();
  });
});

describe('the preview set as the reader is', () => {
  it('takes the font, line height and theme chosen in the reader’s 排版 panel', async () => {
    const ext = await suite.browser.context.newPage();
    await ext.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await ext.evaluate(`chrome.storage.local.set({ readerPrefs: { theme: 'dark', font: 'kai', fontSize: 21, lineHeight: 2.2, spacing: 1.5 } })`);
    await ext.close();
    const { page, popup } = await openPopup(suite, 'news-portal--wetland-birds.html', '#title');
    await until(() => popup.evaluate<boolean>(`document.documentElement.dataset.theme === 'dark'`));
    const set = await popup.evaluate<{ font: string; size: string; lineHeight: string; bg: string }>(`(() => {
      const c = getComputedStyle(document.querySelector('#content'));
      return { font: c.fontFamily, size: c.fontSize, lineHeight: c.lineHeight, bg: getComputedStyle(document.body).backgroundColor };
    })()`);
    expect(set.font).toContain('Kaiti');
    expect([set.size, set.lineHeight]).toEqual(['17px', '37.4px']);
    expect(set.bg).toBe('rgb(27, 27, 29)');
    await page.close();
  });
});

describe('toolbar click on a forum thread', () => {
  it('shows the cleaned article, its family and metadata in the popup', async () => {
    const { page, popup } = await openPopup(suite, 'discuz--party-members-thread.html', '#title');

    expect(await popup.text('#title')).toBe('杭锦旗：党员闻令而动 堡垒因战而坚');
    expect(await popup.evaluate('document.querySelector("[data-template]").dataset.template')).toBe('discuz');
    expect(await popup.text('[data-template]')).toBe('识别为：Discuz! 论坛帖子'); // the family in the reader's language
    const content = (await popup.text('#content')) ?? '';
    expect(content).toContain('党员干部职工对进出人员测量体温一丝不苟');
    for (const junk of ['wHIj', '您需要登录后才可以回帖', 'Powered by', '下载附件']) expect(content).not.toContain(junk);
    expect(await popup.text('[data-field="editor"]')).toBe('华发网Mary');
    expect(await popup.evaluate<boolean>('!document.querySelector(\'[data-field="author"]\')')).toBe(true); // the editor is not shown again as author
    // The forum's own clock (its footer says GMT-6), as the forum showed it.
    expect(await popup.text('[data-field="published"]')).toBe('2020-03-05 08:54 (UTC-06:00)');

    mkdirSync(OUTPUT_DIR, { recursive: true });
    await popup.screenshot(join(OUTPUT_DIR, 'popup-discuz.png'));
    // The page itself is untouched: the jammer is still hidden in the live DOM.
    expect(await page.locator('font.jammer').count()).toBe(2);
    await page.close();
  });
});

describe('an ordinary article', () => {
  it('shows no family line and no English', async () => {
    const { page, popup } = await openPopup(suite, 'generic--tea-essay.html', '#title');
    expect(await popup.evaluate<boolean>('!document.querySelector("[data-template]")')).toBe(true);
    expect((await popup.text('main')) ?? '').not.toMatch(/Generic|Readability|no family/);
    await page.close();
  });
});

describe('pages without an article', () => {
  it('says so clearly instead of showing junk', async () => {
    const { page, popup } = await openPopup(suite, 'search-results.html', '#message');
    expect(await popup.text('#message')).toContain('没有找到文章');
    await page.close();
  });

  it('still toggles the page between 简 and 繁', async () => {
    const { page, popup } = await openPopup(suite, 'search-results.html', '#page-t');
    expect(await popup.evaluate<boolean>('!document.querySelector("#article-script")')).toBe(true); // no article to switch
    await popup.evaluate('document.querySelector("#page-t").click()');
    await until(async () => (await page.textContent('li')) === '疫情防控工作會議召開 2020-03-01');
    await popup.evaluate('document.querySelector("#page-original").click()');
    await until(async () => (await page.textContent('li')) === '疫情防控工作会议召开 2020-03-01');
    await page.close();
  });
});

describe('Discuz! thread starter option', () => {
  it('adds the starter’s later posts and never other users’ replies', async () => {
    const { page, popup } = await openPopup(suite, 'discuz--starter-posts-only.html', '#starter-posts');
    expect(await popup.text('#content')).not.toContain('补充一点');
    await popup.evaluate('document.querySelector("#starter-posts").click()');
    await until(() => popup.hasText('#content', '补充一点'));
    expect(await popup.text('#content')).not.toContain('分摊费用');

    // The choice is remembered for the forum: the next click starts with it.
    const again = await clickToolbar(suite.browser, page);
    await again.waitFor('#title');
    expect(await again.evaluate('document.querySelector("#starter-posts").checked')).toBe(true);
    expect(await again.text('#content')).toContain('补充一点');
    await page.close();
  });
});

describe('the removed-items report', () => {
  it('names each step in the UI language and can switch one off for this article and back', async () => {
    const { page, popup } = await openPopup(suite, 'phpwind--deep-focus-post.html', '#removed li[data-rule="jammer"] button');
    expect(await popup.text('#removed li[data-rule="jammer"] b')).toBe('防复制干扰码');
    expect(await popup.text('#content')).not.toContain('?88`fJ@tk?');

    await popup.evaluate('document.querySelector(\'#removed li[data-rule="jammer"] button\').click()');
    await until(() => popup.hasText('#content', '?88`fJ@tk?'));
    expect(await popup.text('#removed li.off[data-rule="jammer"]')).toContain('已关闭');

    await popup.evaluate('document.querySelector(\'#removed li.off[data-rule="jammer"] button\').click()');
    await until(async () => !(await popup.hasText('#content', '?88`fJ@tk?')));
    await page.close();
  });
});

describe('an article split over pages', () => {
  it('offers to merge the later pages, fetches them (GBK, same site) and appends them in order', async () => {
    const { page, popup } = await openPopup(suite, 'paged/report.htm', '#merge-pages');
    expect(await popup.text('#title')).toBe('南湖镇农村生活污水治理两年全覆盖');
    expect(await popup.text('#content')).not.toContain('目前，全镇已有十一个村');

    await popup.evaluate('document.querySelector("#merge-pages").click()');
    await until(() => popup.hasText('#content', '目前，全镇已有十一个村'));
    const content = (await popup.text('#content')) ?? '';
    expect(content.indexOf('入夏以来')).toBeLessThan(content.indexOf('试点过程中'));
    expect(content.indexOf('试点过程中')).toBeLessThan(content.indexOf('目前，全镇'));
    expect(content).not.toMatch(/下一页|版权所有/);
    expect(await popup.text('label:has(#merge-pages)')).toContain('已合并全部 3 页');
    await page.close();
  });
});

describe('a Discuz! thread over several pages', () => {
  it('offers the later pages only with 只看楼主, then adds the starter’s posts from them', async () => {
    const { page, popup } = await openPopup(suite, 'generated/thread/thread-9088-1-1.html', '#starter-posts');
    expect(await popup.evaluate('!!document.querySelector("#merge-pages")')).toBe(false);

    await popup.evaluate('document.querySelector("#starter-posts").click()');
    await popup.waitFor('#merge-pages');
    await popup.evaluate('document.querySelector("#merge-pages").click()');
    await until(() => popup.hasText('#content', '再更新一下：停车棚已经开工'));
    const content = (await popup.text('#content')) ?? '';
    expect(content).toContain('补充一点');
    expect(content).not.toMatch(/充电口一直不够用|分摊费用/);
    await page.close();
  });
});

describe('copy', () => {
  it('copies the article as rich text (HTML with its table) and plain text together', async () => {
    const { page, popup } = await openPopup(suite, 'news-portal--flood-season-duty.html', '#copy');
    const cdp = await suite.browser.context.browser()!.newBrowserCDPSession();
    await cdp.send('Browser.grantPermissions', { origin: `chrome-extension://${suite.browser.extensionId}`, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] } as never);
    await popup.evaluate(`(() => { const s = document.querySelector('#format'); s.value = 'html'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    await popup.clickAsUser('#copy');
    await until(async () => !!(await popup.text('#notice')));
    expect(await popup.text('#notice')).toBe('已复制 HTML');
    const clipboard = await popup.evaluate<Record<string, string>>(`(async () => {
      const out = {};
      for (const item of await navigator.clipboard.read()) for (const type of item.types) out[type] = await (await item.getType(type)).text();
      return out;
    })()`);
    // Chromium re-serializes clipboard HTML with inline styles; the structure is what matters.
    expect(clipboard['text/html']).toMatch(/<th[^>]*>水库名称<\/th>/);
    expect(clipboard['text/html']).toMatch(/<ol[^>]*><li[^>]*>实行二十四小时/);
    expect(clipboard['text/plain']).toContain('红旗水库\t126.50\t125.82');
    await page.close();
  });
});

describe('a second click on the same page', () => {
  it('shows the same article again, and what the page changed since once it changed', async () => {
    const { page, popup } = await openPopup(suite, 'generic--tea-essay.html', '#title');
    const first = await popup.text('#content');
    await popup.close();
    const again = await clickToolbar(suite.browser, page);
    await again.waitFor('#title');
    expect(await again.text('#content')).toBe(first);
    await again.close();
    // The page's own script adds a paragraph to the article (a live update): the next click has it.
    await page.evaluate(() => {
      const last = [...document.querySelectorAll('p')].at(-1)!;
      last.insertAdjacentHTML('afterend', '<p>（补记）茶事之后，我们又沿着山路走到溪边，看了一会儿水，才各自回家。这一段是页面后来加上的。</p>');
    });
    const third = await clickToolbar(suite.browser, page);
    await third.waitFor('#title');
    expect(await third.text('#content')).toContain('这一段是页面后来加上的');
    await third.close();
    await page.close();
  });
});
