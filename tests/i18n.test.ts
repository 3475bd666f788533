import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
    const files = ['entrypoints/popup/App.tsx', 'entrypoints/popup/ScriptControls.tsx', 'entrypoints/popup/ArticleView.tsx', 'entrypoints/library/LibraryApp.tsx', 'entrypoints/reader/ReaderApp.tsx', 'platform/library-actions.ts', 'platform/actions.ts'];
    for (const f of files) {
      const src = readFileSync(join(import.meta.dirname, '..', f), 'utf8');
      for (const [, key] of src.matchAll(/\bt\('(\w+)'/g)) expect(en, `${f}: ${key}`).toHaveProperty(key!);
    }
  });
});
