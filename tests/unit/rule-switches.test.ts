import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../../cli/node-dom';
import { cleanDocument } from '../../lib/pipeline';
import { cleanText } from '../../lib/text-pipeline';
import { loadFixtures, runFixture } from '../helpers/fixtures';
import { loadGolden } from '../helpers/golden';

const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!;
const bodyOf = (a: { paragraphs: string[] }) => a.paragraphs.join('\n');

describe('switching a cleanup rule off for one article', () => {
  const post = fixture('phpwind--deep-focus-post');

  it('brings back what the jammer rule took, and drops it from the report', () => {
    const cleaned = runFixture(post);
    expect(bodyOf(cleaned)).not.toContain('?88`fJ@tk?');
    expect(cleaned.removed.map((r) => r.rule)).toContain('jammer');

    const kept = runFixture({ ...post, expected: { ...post.expected, options: { disabledRules: ['jammer'] } } });
    expect(bodyOf(kept)).toContain('?88`fJ@tk?');
    expect(kept.removed.map((r) => r.rule)).not.toContain('jammer');
  });

  it('still leaves out text the page itself hid', () => {
    const kept = runFixture({ ...post, expected: { ...post.expected, options: { disabledRules: ['jammer'] } } });
    expect(bodyOf(kept)).not.toContain('wHIj');
    expect(kept.removed.map((r) => r.rule)).toContain('hidden-text');
  });

  it('keeps the ASCII punctuation of NFKC-scraped text when normalization is off', () => {
    const seed = loadGolden().find((s) => s.golden.template === 'discuz')!;
    const normalized = cleanText(seed.seedText);
    const raw = cleanText(seed.seedText, { disabledRules: ['punctuation'] });
    expect(bodyOf(normalized)).toMatch(/[\u4e00-\u9fff]，[\u4e00-\u9fff]/);
    expect(bodyOf(raw)).toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/);
    expect(raw.removed.map((r) => r.rule)).not.toContain('punctuation');
  });

  it('keeps metadata lines in the body when that step is off, still reading them', () => {
    const prose = ['记者从区水务局获悉，历时两年的城东河道综合治理工程日前通过竣工验收，沿岸十二个小区告别了雨季积水。', '治理后的河道两岸新建了步道和口袋公园，附近居民傍晚都愿意来这里散步，不少人带着孩子来看新放养的鱼苗。'];
    const html = `<html><head><title>城东河道治理工程通过验收</title></head><body><article><h1>城东河道治理工程通过验收</h1>${prose.map((p) => `<p>${p}</p>`).join('')}<p>（责任编辑：王欣）</p></article></body></html>`;
    const clean = (disabledRules: string[]) => cleanDocument(parseHtml(html, 'https://news.example/a.html'), 'https://news.example/a.html', { sanitize: nodeSanitizer(), disabledRules });
    const cleaned = clean([]);
    expect(bodyOf(cleaned)).not.toContain('责任编辑');
    expect(cleaned.editor).toBe('王欣');
    expect(cleaned.removed.map((r) => r.rule)).toContain('metadata-lines');

    const kept = clean(['metadata-lines']);
    expect(bodyOf(kept)).toContain('责任编辑：王欣');
    expect(kept.editor).toBe('王欣');
    expect(kept.removed.map((r) => r.rule)).not.toContain('metadata-lines');
  });
});
