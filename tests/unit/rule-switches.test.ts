import { describe, expect, it } from 'vitest';
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
});
