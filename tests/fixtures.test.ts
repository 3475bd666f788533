import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../lib/templates';
import { parseHtml } from '../cli/node-dom';
import { FIXTURES_DIR, loadFixtures, norm, runFixture } from './helpers/fixtures';
import { metaMatches } from './helpers/golden';

const fixtures = loadFixtures();

describe('fixture pages', () => {
  it('every template family has at least two fixture pages', () => {
    for (const t of TEMPLATES) {
      expect(fixtures.filter((f) => f.template === t.id).length, t.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('every fixture names a known family', () => {
    const ids = TEMPLATES.map((t) => t.id);
    for (const f of fixtures) expect(ids, f.name).toContain(f.template);
  });
});

describe.each(fixtures)('$name', (fx) => {
  const article = runFixture(fx);
  const want = fx.expected;
  const bodyText = norm([...article.paragraphs, ...article.captions].join('\n'));

  it('detects its family with evidence', () => {
    expect(article.template.id).toBe(fx.template);
    expect(article.template.evidence.join(' ').length).toBeGreaterThan(5);
  });

  it('extracts exactly the article paragraphs, headings and captions', () => {
    expect(article.paragraphs.map(norm)).toEqual(want.paragraphs.map(norm));
    expect(article.headings.map(norm)).toEqual(want.headings.map(norm));
    expect(article.captions.map(norm)).toEqual(want.captions.map(norm));
    if (want.images !== undefined) expect(article.images).toHaveLength(want.images);
  });

  if (want.html_contains) {
    it('keeps lists, tables and quotations as such', () => {
      for (const piece of want.html_contains!) expect(article.contentHtml).toContain(piece);
    });
  }

  it('removes every piece of chrome and artifact', () => {
    const html = norm(article.contentHtml.replace(/<[^>]+>/g, ''));
    for (const s of want.must_not_contain) {
      expect(bodyText, s).not.toContain(norm(s));
      expect(html, s).not.toContain(norm(s));
    }
  });

  it('reads the metadata', () => {
    for (const field of ['title', 'published', 'author', 'source', 'editor'] as const) {
      if (want[field]) expect(metaMatches(field, want[field]!, article[field]), `${field}: ${article[field]}`).toBe(true);
    }
    if (want.subtitle) expect(norm(article.subtitle)).toBe(norm(want.subtitle));
    if (want.poster) expect(article.poster).toBe(want.poster);
    if (want.credits) expect(article.credits).toEqual(want.credits);
    if (want.stats) expect(article.stats).toEqual(want.stats);
  });
});

describe('plain articles lose nothing against plain Readability', () => {
  it.each(fixtures.filter((f) => f.template === 'generic'))('$name', (fx) => {
    const html = readFileSync(join(FIXTURES_DIR, `${fx.name}.html`), 'utf8');
    const plain = new Readability(parseHtml(html, fx.expected.url)).parse();
    const plainParagraphs = [...parseHtml(plain!.content!, fx.expected.url).querySelectorAll('p, h2, h3')]
      .map((p) => norm(p.textContent))
      .filter((t) => t.length > 20);
    const ours = norm(runFixture(fx).paragraphs.join('\n'));
    for (const p of plainParagraphs) expect(ours).toContain(p);
  });
});
