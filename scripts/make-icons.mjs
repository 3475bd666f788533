#!/usr/bin/env node
// Draws the toolbar icon set (public/icon/16…128.png) in Chromium: a teal tile with 净
// in heavy type over a swept page corner. The 16 px size is drawn on its own pixel grid
// (thicker strokes, no corner) so it still reads in the toolbar.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const out = join(import.meta.dirname, '..', 'public', 'icon');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  const data = await page.evaluate((s) => {
    const c = document.createElement('canvas');
    c.width = c.height = s;
    const g = c.getContext('2d');
    const r = s * 0.2;
    g.fillStyle = '#0f766e';
    g.beginPath();
    g.roundRect(0, 0, s, s, r);
    g.fill();
    if (s >= 32) {
      // A folded page corner: the clean sheet the article ends up on.
      g.fillStyle = '#5eead4';
      g.beginPath();
      g.moveTo(s * 0.7, 0);
      g.lineTo(s, 0);
      g.lineTo(s, s * 0.3);
      g.closePath();
      g.fill();
    }
    g.fillStyle = '#ffffff';
    g.font = `900 ${Math.round(s * (s <= 16 ? 0.92 : 0.74))}px "Noto Sans CJK SC", "Noto Sans SC", sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('净', s / 2, s * 0.54);
    return c.toDataURL('image/png');
  }, size);
  writeFileSync(join(out, `${size}.png`), Buffer.from(data.split(',')[1], 'base64'));
}
await browser.close();
console.log(`Icons written to ${out}`);
