import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../lib/rules';
import { TEMPLATES } from '../lib/templates';
import { cleanText } from '../lib/text-pipeline';
import { loadFixtures, runFixture } from './helpers/fixtures';
import { loadGolden } from './helpers/golden';

const LOCALES = join(import.meta.dirname, '..', 'public', '_locales');
const load = (loc: string) => JSON.parse(readFileSync(join(LOCALES, loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('UI text', () => {
  const en = load('en');

  it('exists in Simplified Chinese, Traditional Chinese and English', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['en', 'zh_CN', 'zh_TW']);
  });

  it.each(['zh_CN', 'zh_TW'])('%s has every message, with the same $n placeholders', (loc) => {
    const messages = load(loc);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.match(/\$\d/g)?.sort(), key).toEqual(en[key]!.message.match(/\$\d/g)?.sort());
    }
  });

  it('every t() key used in the code exists', () => {
    const root = join(import.meta.dirname, '..');
    const files = ['entrypoints', 'platform'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f)),
    );
    expect(files).toContain(join('entrypoints', 'reader', 'NotesPanel.tsx'));
    for (const f of files) {
      const src = readFileSync(join(import.meta.dirname, '..', f), 'utf8');
      for (const [, key] of src.matchAll(/\bt\('(\w+)'/g)) expect(en, `${f}: ${key}`).toHaveProperty(key!);
    }
  });

  it('titles every context-menu entry through the locale files', () => {
    const src = readFileSync(join(import.meta.dirname, '..', 'platform', 'actions.ts'), 'utf8');
    const titles = [...src.matchAll(/contextMenus\.create\(\{[^}]*title: ([^,]+),/g)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThanOrEqual(4);
    for (const title of titles) expect(title).toMatch(/^t\('\w+'\)$/);
  });

  it('names every page family in every language, with no English left in the Chinese ones', () => {
    for (const loc of ['en', 'zh_CN', 'zh_TW']) {
      const messages = load(loc);
      for (const { id } of TEMPLATES) {
        const label = messages[`family_${id.replace(/-/g, '_')}`]?.message;
        expect(label, `${loc}: ${id}`).toBeTruthy();
        if (loc !== 'en') expect(label!.replace(/Discuz!|PHPWind/g, ''), `${loc}: ${id}`).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
  });

  it('names every step of the removed-items report, in every language', () => {
    const reported = new Set(ALL_RULES.map((r) => r.id));
    for (const fx of loadFixtures()) for (const r of runFixture(fx).removed) reported.add(r.rule);
    for (const seed of loadGolden()) for (const r of cleanText(seed.seedText).removed) reported.add(r.rule);
    expect(reported.size).toBeGreaterThan(ALL_RULES.length); // the DOM-only steps showed up too
    for (const loc of ['en', 'zh_CN', 'zh_TW']) {
      const messages = load(loc);
      for (const id of reported) expect(messages, `${loc}: ${id}`).toHaveProperty(`rule_${id.replace(/-/g, '_')}`);
    }
  });
});
