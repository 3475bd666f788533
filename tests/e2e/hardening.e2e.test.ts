import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR, ROOT, clickToolbar, savedParagraphs, until, useExtension } from './harness';

// The e2e build: its in-tab time budget is set out of the way of a busy machine.
const suite = useExtension('zh-CN', E2E_EXTENSION_DIR);
const GENERATED = join(ROOT, 'tests', 'e2e', 'pages', 'generated');
const PARA = '<p>这是一段足够长的正文内容，用来测试很大的页面能否被正常处理，而不会让浏览器卡住。这里再多写一些文字。</p>';

beforeAll(() => {
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(join(GENERATED, 'ten-mb.html'), `<!doctype html><html><head><meta charset="utf-8"><title>十兆字节的页面</title></head><body><article><h1>十兆字节的页面</h1>${PARA.repeat(55_000)}</article></body></html>`);
  writeFileSync(join(GENERATED, 'many-nodes.html'), `<!doctype html><html><head><meta charset="utf-8"><title>二十万个节点</title></head><body><div id="main">${'<div><span>项</span></div>'.repeat(100_000)}${PARA.repeat(20)}</div></body></html>`);
});

async function cleanInPopup(path: string) {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.base}/${path}`, { timeout: 60_000 });
  const started = Date.now();
  const popup = await clickToolbar(suite.browser, page);
  // The popup stays responsive while the page cleans: it answers at once.
  expect(await popup.evaluate<number>('1 + 1')).toBe(2);
  await popup.waitFor('#title, #message');
  const seconds = (Date.now() - started) / 1000;
  return { popup, page, seconds };
}

describe('huge pages', () => {
  it('cleans a 10 MB page and reports the time', async () => {
    const { popup, page, seconds } = await cleanInPopup('generated/ten-mb.html');
    expect(await popup.text('#title')).toBe('十兆字节的页面');
    // The popup previews the opening; the note says how much more there is.
    expect(await popup.evaluate<number>('document.querySelectorAll("#content p").length')).toBe(400);
    expect(await popup.text('#preview-note')).toContain('55,000');
    console.log(`10 MB page: ${seconds.toFixed(1)} s from click to article`);
    // Saving keeps every paragraph, not just the preview.
    await popup.evaluate('document.querySelector("#save").click()');
    await until(async () => !!(await popup.text('#notice')));
    const saved = await popup.evaluate<number | null>(savedParagraphs(`${suite.base}/generated/ten-mb.html`));
    expect(saved).toBe(55_000);
    await page.close();
  });

  it('cleans a 200,000-node page without its div soup', async () => {
    const { popup, page, seconds } = await cleanInPopup('generated/many-nodes.html');
    expect(await popup.evaluate<number>('document.querySelectorAll("#content p").length')).toBe(20);
    expect(await popup.text('#content')).not.toContain('项');
    console.log(`200,000-node page: ${seconds.toFixed(1)} s from click to article`);
    await page.close();
  });
});
