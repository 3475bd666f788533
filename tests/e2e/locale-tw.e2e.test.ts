import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, OUTPUT_DIR, ROOT, clickToolbar, openPopup, until, useExtension } from './harness';

/** The whole extension in a 繁體中文 (zh-TW) browser. */
const suite = useExtension('zh-TW');
/** Names that stay as they are in any language: formats, engines, the product. */
const NAMES = /Markdown|HTML|JSON|EPUB|zip|Discuz!|PHPWind|Jingdu|UTC/g;

describe('a zh-TW browser', () => {
  it('shows the popup in Traditional Chinese with no English', async () => {
    const { page, popup } = await openPopup(suite, 'discuz--party-members-thread.html', '#title');
    const chrome = await popup.evaluate<string>(
      `[...document.querySelectorAll('.toolbar, .scripts, .template summary, .meta dt, details summary, label, button, option, [aria-label]')].map((e) => e.textContent + ' ' + (e.getAttribute('aria-label') ?? '')).join(' ')`,
    );
    expect(chrome).toContain('保存到文庫');
    expect(chrome).toContain('識別為：Discuz! 論壇帖子');
    expect(chrome.replace(NAMES, ''), chrome).not.toMatch(/[A-Za-z]{3,}/);
    await popup.screenshot(join(OUTPUT_DIR, 'popup-zh-TW.png'));
    await page.close();
  });

  it('shows a page in 臺灣正體 with Taiwan phrases when 繁 is clicked, before any choice in the options', async () => {
    const dir = join(ROOT, 'tests', 'e2e', 'pages', 'generated');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'software.html'), '<!doctype html><meta charset="utf-8"><title>软件下载</title><h1>软件和鼠标</h1><p>这款软件需要用鼠标操作，网络连接后即可使用。</p>');
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.base}/generated/software.html`);
    const popup = await clickToolbar(suite.browser, page);
    await popup.waitFor('#page-t');
    await popup.evaluate('document.querySelector("#page-t").click()');
    await until(async () => (await page.textContent('h1')) === '軟體和滑鼠');
    expect(await page.textContent('p')).toBe('這款軟體需要用滑鼠操作，網路連線後即可使用。');
    await page.close();
  });

  it('shows the icon set (screenshot)', async () => {
    const page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 260, height: 140 });
    const icon = (size: number) => `data:image/png;base64,${readFileSync(join(EXTENSION_DIR, 'icon', `${size}.png`)).toString('base64')}`;
    await page.setContent(
      `<body style="margin:8px;background:#dfe3e8;display:flex;gap:12px;align-items:end">${[16, 32, 48, 128].map((s) => `<img src="${icon(s)}" width="${s}" height="${s}">`).join('')}</body>`,
    );
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    await page.screenshot({ path: join(OUTPUT_DIR, 'icons.png') });
    await page.close();
  });
});
