import { describe, expect, it } from 'vitest';
import { cleanText } from '../lib/text-pipeline';
import { bigramF1, loadGolden, metaMatches, norm } from './helpers/golden';

/** The five real scraped pages must come out as ../shared/golden decides. */
describe.each(loadGolden())('seed $id', ({ golden, seedText }) => {
  const article = cleanText(seedText);
  const body = article.paragraphs.join('\n');

  it(`is detected as ${golden.template}`, () => {
    expect(article.template.id).toBe(golden.template);
    expect(article.template.evidence.length).toBeGreaterThan(0);
  });

  it('keeps the body (bigram F1 ≥ 0.98) in reading order', () => {
    expect(bigramF1(golden.paragraphs.join('\n'), body)).toBeGreaterThanOrEqual(0.98);
    expect(article.paragraphs.map(norm)).toEqual(golden.paragraphs.map(norm));
  });

  it('leaks no chrome, jammer or pinyin', () => {
    const leaks = [...(golden.must_not_contain ?? []), ...(golden.jammer_tokens ?? [])].filter((s) => norm(s) && norm(body).includes(norm(s)));
    const matches = (golden.must_not_match ?? []).flatMap((p) => body.match(new RegExp(p, 'g')) ?? []);
    expect(leaks).toEqual([]);
    expect(matches).toEqual([]);
  });

  it('reads the metadata', () => {
    for (const field of ['title', 'published', 'author', 'source', 'editor'] as const) {
      const want = golden[field];
      if (want) expect(metaMatches(field, want, article[field]), `${field}: ${article[field]}`).toBe(true);
    }
    if (golden.subtitle) expect(norm(article.subtitle)).toBe(norm(golden.subtitle));
    if (golden.edition) expect(article.edition).toBe(golden.edition);
    if (golden.category) expect(article.category).toBe(golden.category);
    if (golden.poster) expect(article.poster).toBe(golden.poster);
    if (golden.stats) expect(article.stats).toEqual(golden.stats);
  });

  it('separates headings and captions', () => {
    expect(article.headings.map(norm)).toEqual(golden.headings.map(norm));
    expect(article.captions.map(norm)).toEqual(golden.captions.map(norm));
  });
});
