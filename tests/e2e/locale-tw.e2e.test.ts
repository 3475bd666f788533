import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, OUTPUT_DIR, openPopup, useExtension } from './harness';

/** The whole extension in a 繁體中文 (zh-TW) browser. */
const suite = useExtension('zh-TW');
/** Names that stay as they are in any language: formats, engines, the product. */
const NAMES = /Markdown|HTML|JSON|EPUB|zip|Discuz!|PHPWind|Jingdu|UTC/g;

describe('a zh-TW browser', () => {
  it('shows the popup in Traditional Chinese with no English', async () => {
    const { page, popup } = await openPopup(suite, 'discuz--party-members-thread.html', '#title');
    const chrome = await popup.evaluate<string>(
      `[...document.querySelectorAll('nav, .scripts, .template, .meta dt, details summary, label, button, option')].map((e) => e.textContent).join(' ')`,
    );
    expect(chrome).toContain('保存到文庫');
    expect(chrome).toContain('識別為：Discuz! 論壇帖子');
    expect(chrome.replace(NAMES, ''), chrome).not.toMatch(/[A-Za-z]{3,}/);
    await popup.screenshot(join(OUTPUT_DIR, 'popup-zh-TW.png'));
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
