import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openPopup, until, useExtension } from './harness';

const suite = useExtension();

/** The popup's article opened in the reader (a draft: nothing saved). */
async function openReader(fixture: string) {
  const { page, popup } = await openPopup(suite, fixture, '#open-reader');
  const [reader] = await Promise.all([suite.browser.context.waitForEvent('page'), popup.evaluate('document.querySelector("#open-reader").click()')]);
  await reader.setViewportSize({ width: 1000, height: 600 });
  await reader.waitForSelector('#title');
  return { page, reader };
}

const style = (reader: import('playwright-core').Page, selector: string, property: string) =>
  reader.evaluate(([s, p]) => getComputedStyle(document.querySelector(s!)!).getPropertyValue(p!), [selector, property]);

/** Moves a slider as a hand would: the value, then the input event. */
const slide = (reader: import('playwright-core').Page, selector: string, value: number) =>
  reader.evaluate(([s, v]) => {
    const input = document.querySelector(s as string) as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, [selector, value] as const);

describe('the reader', () => {
  it('sets the article by the layout panel (font, width, line height, spacing), and remembers it', async () => {
    const { page, reader } = await openReader('pinyin-mirror--rare-earth-park.html');
    await reader.keyboard.press('s'); // the panel's key
    await reader.waitForSelector('#reader-settings[open] #reader-font');
    await reader.selectOption('#reader-font', 'kai');
    await slide(reader, '#reader-width', 28);
    await slide(reader, '#reader-line-height', 2.2);
    await slide(reader, '#reader-spacing', 1.5);
    await reader.screenshot({ path: join(OUTPUT_DIR, 'reader-settings.png') });
    const size = parseFloat(await style(reader, '.reader', 'font-size'));
    expect(parseFloat(await style(reader, '.reader', 'max-width'))).toBeCloseTo(28 * size, 0);
    expect(await style(reader, '.reader', 'font-family')).toMatch(/Kai/);
    expect(parseFloat(await style(reader, '.reader', 'line-height'))).toBeCloseTo(2.2 * size, 0);
    expect(parseFloat(await style(reader, '.content p', 'margin-bottom'))).toBeCloseTo(1.5 * size, 0);

    await reader.reload();
    await reader.waitForSelector('#title');
    await reader.waitForFunction(() => getComputedStyle(document.querySelector('.reader')!).fontFamily.includes('Kai'));
    expect(parseFloat(await style(reader, '.reader', 'max-width'))).toBeCloseTo(28 * size, 0);
    await reader.close();
    await page.close();
  });

  it('answers its keys (? lists them): size, contents, theme; never while typing in a field', async () => {
    const { page, reader } = await openReader('pinyin-mirror--rare-earth-park.html');
    const size = async () => parseFloat(await style(reader, '.reader', 'font-size'));
    const before = await size();
    await reader.keyboard.press('+');
    await reader.waitForFunction((b) => parseFloat(getComputedStyle(document.querySelector('.reader')!).fontSize) === b + 1, before);
    await reader.keyboard.press('-');
    await reader.waitForFunction((b) => parseFloat(getComputedStyle(document.querySelector('.reader')!).fontSize) === b, before);
    await reader.keyboard.press('t');
    await reader.waitForSelector('#toc[open]');
    const theme = () => reader.evaluate(() => document.documentElement.dataset.theme);
    const first = await theme();
    await reader.keyboard.press('d');
    await reader.waitForFunction((f) => document.documentElement.dataset.theme !== f, first);

    await reader.keyboard.press('?');
    await reader.waitForSelector('#reader-keys');
    expect(await reader.locator('#reader-keys dl > div').count()).toBe(9);
    expect(await reader.textContent('#reader-keys')).toContain('放大字号');
    await reader.keyboard.press('Escape');
    await reader.waitForSelector('#reader-keys', { state: 'detached' });

    // In the note field (a saved article's) or any input, + is a character, not a key of the reader.
    await reader.click('#reader-settings summary');
    await reader.focus('#reader-font');
    await reader.keyboard.press('+');
    expect(await size()).toBe(before);
    await reader.close();
    await page.close();
  });

  it('shows how far through the article the reader is, and brings a saved article back to where it was left', async () => {
    const { page, reader } = await openReader('pinyin-mirror--rare-earth-park.html');
    await reader.click('#reader-save');
    await reader.waitForFunction(() => /已保存/.test(document.querySelector('#notice')?.textContent ?? ''));
    const saved = await reader.context().newPage();
    await saved.setViewportSize({ width: 1000, height: 400 });
    await saved.goto(`chrome-extension://${suite.browser.extensionId}/reader.html?url=${encodeURIComponent(page.url())}`);
    await saved.waitForSelector('#title');
    await saved.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    await saved.waitForFunction(() => Number(document.querySelector('#reading-progress')?.getAttribute('aria-valuenow')) === 50);
    // Kept once scrolling has stopped.
    const kept = () => saved.evaluate<number>(`chrome.storage.local.get('readingPositions').then((r) => Object.keys(r.readingPositions ?? {}).length)`);
    await until(async () => (await kept()) === 1);
    await saved.close();

    const again = await reader.context().newPage();
    await again.setViewportSize({ width: 1000, height: 400 });
    await again.goto(`chrome-extension://${suite.browser.extensionId}/reader.html?url=${encodeURIComponent(page.url())}`);
    await again.waitForFunction(() => /已回到上次读到的位置（50%）/.test(document.querySelector('#notice')?.textContent ?? ''));
    expect(await again.evaluate(() => Math.round((100 * scrollY) / (document.documentElement.scrollHeight - innerHeight)))).toBe(50);
    await again.close();
    await reader.close();
    await page.close();
  });
});
