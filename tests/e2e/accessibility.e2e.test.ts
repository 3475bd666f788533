import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, type RealPopup, type UiLocale, clearSettings, openPopup, until, useExtension } from './harness';

/**
 * Every extension page in every UI language, checked by axe-core against WCAG 2.2 AA, used
 * from the keyboard alone, and photographed (test-output/popup-<locale>.png and the rest).
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations in a page, each as "rule: the elements it found" (so a failure says where). */
const axeRun = `((async () => {
  ${AXE}
  const r = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} } });
  return r.violations.map((v) => v.id + ' (' + v.help + '): ' + v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', '));
})())`;

const violationsIn = (page: Page) => page.evaluate<string[]>(axeRun);
const popupViolations = (popup: RealPopup) => popup.evaluate<string[]>(axeRun);

/** Presses Tab in the popup and says what took the focus and whether it shows it. */
async function tabInPopup(popup: RealPopup): Promise<{ id: string; visible: boolean }> {
  for (const type of ['keyDown', 'keyUp']) await popup.send('Input.dispatchKeyEvent', { type, key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 });
  return popup.evaluate(`(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    return { id: e.id || e.tagName.toLowerCase(), visible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 };
  })()`);
}

const LOCALES: UiLocale[] = ['zh-CN', 'zh-TW', 'en-US'];

describe.each(LOCALES)('in a %s browser', (locale) => {
  const suite = useExtension(locale);
  const shot = (name: string) => join(OUTPUT_DIR, `${name}-${locale}.png`);

  it('the popup: no WCAG 2.2 AA violation with an article, its menu open, or no article; every action reached by Tab with a visible focus', async () => {
    await clearSettings(suite.browser);
    const { page, popup } = await openPopup(suite, 'discuz--party-members-thread.html', '#title');
    expect(await popupViolations(popup)).toEqual([]);
    await popup.screenshot(shot('popup'));

    const reached: string[] = [];
    for (let i = 0; i < 14; i++) {
      const focus = await tabInPopup(popup);
      expect(focus.visible, `focus on ${focus.id} is not visible`).toBe(true);
      reached.push(focus.id);
    }
    for (const id of ['save', 'open-reader', 'format', 'copy', 'download', 'summary', 'article-script', 'page-cn', 'page-t']) expect(reached).toContain(id);

    // The menu opens from the keyboard and shows what it holds.
    await popup.evaluate(`document.querySelector('#more summary').focus()`);
    await popup.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
    await popup.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    await until(() => popup.evaluate<boolean>(`document.querySelector('#more').open`), 20_000);
    expect(await popupViolations(popup)).toEqual([]);
    await popup.screenshot(shot('popup-menu'));
    await page.close();

    const empty = await openPopup(suite, 'search-results.html', '#message');
    expect(await popupViolations(empty.popup)).toEqual([]);
    await empty.popup.screenshot(shot('popup-no-article'));
    await empty.page.close();
  });

  it('the library, the reader with its settings open and the options: no WCAG 2.2 AA violation', async () => {
    const { page, popup } = await openPopup(suite, 'news-portal--wetland-birds.html', '#save');
    // The save is announced: its notice goes into a status region that was there, empty, before it.
    expect(await popup.evaluate<string>(`document.querySelector('#notice[role=status]')?.textContent ?? 'missing'`)).toBe('');
    await popup.evaluate('document.querySelector("#save").click()');
    await until(async () => !!(await popup.text('#notice[role=status]')));
    // And so is the page's conversion, in the region beside its buttons.
    expect(await popup.evaluate<boolean>(`!!document.querySelector('.page-toggle #page-progress[role=status]')`)).toBe(true);
    await page.close();

    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library.waitForSelector('#articles tr');
    expect(await violationsIn(library)).toEqual([]);

    await library.click('#articles .title a');
    await library.waitForSelector('#title');
    await library.click('#reader-settings summary');
    await library.waitForSelector('#reader-settings[open] #reader-font');
    expect(await violationsIn(library)).toEqual([]);
    await library.close();

    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await options.waitForSelector('#phrase-from');
    await options.fill('#phrase-from', '鉅亨網');
    await options.click('#phrase-add');
    await options.waitForSelector('#phrase-table');
    expect(await violationsIn(options)).toEqual([]);
    await options.screenshot({ path: shot('options'), fullPage: true });
    await options.close();
  });
});
