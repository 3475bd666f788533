import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import budget from '../../bench/budget.json';
import { EXTENSION_DIR } from './harness';

const gzipSize = (file: string) => gzipSync(readFileSync(file)).length;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

/** The built extension (wxt build) against bench/budget.json. */
describe('bundle budget', () => {
  it.each(Object.entries(budget.entrypoints))('%s stays within %d bytes gzipped', (path, limit) => {
    expect(gzipSize(join(EXTENSION_DIR, path))).toBeLessThanOrEqual(limit);
  });

  it('the whole extension stays within its budget, and each opencc dictionary ships once', () => {
    const all = files(EXTENSION_DIR);
    expect(all.reduce((sum, f) => sum + statSync(f).size, 0)).toBeLessThanOrEqual(budget.totalBytes);
    // 幹部 is in the Simplified→Traditional tables only; 滑鼠 (Taiwan's mouse) in both directions' phrase tables.
    const holding = (word: string) => all.filter((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes(word)).map((f) => f.slice(EXTENSION_DIR.length + 1));
    expect(holding('幹部')).toEqual(['dict-cn2t.js']);
    expect(holding('滑鼠')).toEqual(['dict-cn2t.js', 'dict-t2cn.js']);
  });

  it('keeps the opencc dictionaries out of the cleaner, the popup and the background', () => {
    for (const path of ['cleaner.js', 'background.js']) {
      expect(readFileSync(join(EXTENSION_DIR, path), 'utf8')).not.toMatch(/STPhrases|干部|幹部/);
    }
    const popup = files(join(EXTENSION_DIR, 'chunks')).filter((f) => /popup-/.test(f));
    for (const f of popup) expect(statSync(f).size).toBeLessThan(200_000);
  });

  it('asks for no more than the documented permissions', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('loads no remote code: pages load only their own scripts, and no script fetches code', () => {
    for (const file of files(EXTENSION_DIR)) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.html')) {
        for (const [, src] of text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) expect(src, file).toMatch(/^\/|^\.\//);
      }
      if (file.endsWith('.js')) expect(text, file).not.toMatch(/importScripts\(\s*["']https?:|import\(\s*["']https?:|<script[^>]+src=["']https?:/);
    }
  });
});

describe('icons', () => {
  /** Width and height from a PNG's IHDR chunk. */
  const pngSize = (file: string) => {
    const b = readFileSync(file);
    return [b.readUInt32BE(16), b.readUInt32BE(20)];
  };

  it('ships a PNG icon at every size the browsers ask for, each drawn at its size', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { icons: Record<string, string> };
    expect(Object.keys(manifest.icons).map(Number).sort((a, b) => a - b)).toEqual([16, 32, 48, 96, 128]);
    for (const [size, path] of Object.entries(manifest.icons)) expect(pngSize(join(EXTENSION_DIR, path)), path).toEqual([Number(size), Number(size)]);
  });
});

/** What the stores read: the privacy statement, the manifest's own strings, the versions it needs. */
describe('store readiness', () => {
  const ROOT = join(EXTENSION_DIR, '..', '..');
  const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');
  const privacy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
  const manifests = [EXTENSION_DIR, FIREFOX_DIR].map((dir) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & { permissions: string[] });
  const locales = readdirSync(join(ROOT, 'public', '_locales')).map((l) => JSON.parse(readFileSync(join(ROOT, 'public', '_locales', l, 'messages.json'), 'utf8')) as Record<string, unknown>);

  it('PRIVACY.md names every permission either build asks for, and nothing more', () => {
    const documented = [...privacy.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!).filter((p) => !p.includes(':'));
    const asked = new Set(manifests.flatMap((m) => m.permissions.filter((p) => !p.includes('://'))));
    expect(new Set(documented)).toEqual(asked);
    const optional = new Set(manifests.flatMap((m) => [...((m.optional_host_permissions as string[]) ?? []), ...((m.optional_permissions as string[]) ?? [])]));
    for (const pattern of optional) expect(privacy).toContain(`\`${pattern}\``);
  });

  it('PRIVACY.md lists every key the extension keeps in its storage', () => {
    const source = ['platform', 'entrypoints', 'lib'].flatMap((d) => files(join(ROOT, d))).filter((f) => /\.tsx?$/.test(f) && !f.includes('e2e-probe'));
    const keys = new Set(source.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/defineItem<[^(]*\('((?:local|session|sync):[A-Za-z]+)'/g)].map((m) => m[1]!)));
    const testOnly = new Set(['local:e2eDiskRoom']);
    expect(keys.size).toBeGreaterThan(5);
    for (const key of keys) if (!testOnly.has(key)) expect(privacy, key).toContain(`\`${key}\``);
  });

  it('takes every string the stores and browsers show from the locale files, each locale having it', () => {
    for (const manifest of manifests) {
      const text = JSON.stringify({ name: manifest.name, description: manifest.description, commands: manifest.commands, action: manifest.action ?? manifest.browser_action });
      const placeholders = [...text.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
      // name, description, both shortcuts and the toolbar title
      expect(placeholders.length).toBe(5);
      expect(text.replace(/__MSG_\w+__/g, '').replace(/"(?:suggested_key|default|Alt\+Shift\+[A-Z]|default_popup|popup\.html|name|description|commands|toggle-page-script|save-article|action|default_title)"/g, '')).not.toMatch(/"[^"]*[A-Za-z\u4e00-\u9fff][^"]*"/);
      for (const messages of locales) for (const key of placeholders) expect(messages, key).toHaveProperty(key);
    }
  });

  it('Firefox is told the version the manifest needs', () => {
    const gecko = (manifests[1]!.browser_specific_settings as { gecko: { strict_min_version?: string; data_collection_permissions?: unknown } }).gecko;
    expect(gecko.data_collection_permissions).toBeDefined();
    expect(Number.parseFloat(gecko.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140); // data_collection_permissions
  });
});
