import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDocument } from '../../lib/pipeline';
import type { CleanArticle, CleanOptions } from '../../lib/types';
import { nodeSanitizer, parseHtml } from '../../cli/node-dom';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

export interface Expected {
  url: string;
  template: string;
  title: string;
  subtitle?: string;
  published?: string;
  author?: string;
  source?: string;
  editor?: string;
  credits?: string[];
  poster?: string;
  stats?: { views?: number; replies?: number };
  images?: number;
  paragraphs: string[];
  headings: string[];
  captions: string[];
  must_not_contain: string[];
  /** Pieces of contentHtml that show structure was kept (lists, tables, quotations). */
  html_contains?: string[];
  options?: CleanOptions;
}

export interface Fixture {
  name: string;
  template: string;
  html: string;
  expected: Expected;
}

/** Every tests/fixtures/<template>--<slug>.html with its .expected.json. */
export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html$/, '');
      return {
        name,
        template: name.split('--')[0]!,
        html: readFileSync(join(FIXTURES_DIR, f), 'utf8'),
        expected: JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.expected.json`), 'utf8')) as Expected,
      };
    });
}

export function runFixture(fx: Fixture): CleanArticle {
  return cleanDocument(parseHtml(fx.html, fx.expected.url), fx.expected.url, { sanitize: nodeSanitizer(), ...fx.expected.options });
}

/** The comparison the golden scorer uses: NFKC, no whitespace. */
export function norm(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/\s+/g, '');
}
