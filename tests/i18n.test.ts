import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectScript } from '../lib/convert/script';
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

describe('UI text where it belongs', () => {
  const root = join(import.meta.dirname, '..');
  const sources = ['entrypoints', 'platform'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f)),
  );
  /** The code without its comments: what is left is what can reach the screen. */
  const code = (f: string) => readFileSync(join(root, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/[^\n]*/g, '$1');

  it('writes no Chinese in the code of the pages and the platform: every word on screen comes from the locale files', () => {
    expect(sources.length).toBeGreaterThan(20);
    for (const f of sources) {
      const hardCoded = code(f).split('\n').filter((line) => /[\u3400-\u9fff]/.test(line));
      expect(hardCoded, f).toEqual([]);
    }
  });

  // A conversion example (软件 → 軟體) shows both scripts on purpose; the brand is 净读 in every language.
  const example = (message: string) => message.includes('→');

  it.each([
    ['zh_CN', ['traditional', 'mixed']],
    ['zh_TW', ['simplified', 'mixed']],
  ] as const)('%s is written in its own script', (loc, wrong) => {
    for (const [key, { message }] of Object.entries(load(loc))) {
      if (!example(message)) expect(wrong, `${loc} ${key}: ${message}`).not.toContain(detectScript(message));
    }
  });

  it('leaves no Chinese in the English text but the name and the examples', () => {
    for (const [key, { message }] of Object.entries(load('en'))) {
      if (!example(message)) expect(message.replace('净读', ''), key).not.toMatch(/[\u3400-\u9fff]/);
    }
  });
});
