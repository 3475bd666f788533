import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** ../shared beside the repository: seeds (scraped text) and the decided clean results. */
export const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');
export const GOLDEN = join(SHARED, 'golden');

export interface Golden {
  seed: string;
  template: string;
  title: string;
  subtitle?: string;
  published?: string;
  author?: string;
  byline?: string;
  source?: string;
  editor?: string;
  poster?: string;
  edition?: string;
  category?: string;
  stats?: { views?: number; replies?: number };
  paragraphs: string[];
  headings: string[];
  captions: string[];
  must_not_contain?: string[];
  must_not_match?: string[];
  jammer_tokens?: string[];
}

/** Fails with what to do, not ENOENT, when the shared folder is not beside the repository. */
export function requireShared(): void {
  if (!existsSync(SHARED)) throw new Error(`The shared folder is missing: ${SHARED} (the seeds, their golden results and the real pages). Clone it beside this repository as ../shared.`);
}

export function loadGolden(): Array<{ id: string; golden: Golden; seedText: string }> {
  requireShared();
  return readdirSync(GOLDEN)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const golden = JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')) as Golden;
      return { id: f.replace(/\.json$/, ''), golden, seedText: readFileSync(join(SEEDS, golden.seed), 'utf8') };
    });
}

/** The scorer's normalization and character-bigram F1 (../shared/tools/score.py). */
export function norm(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/\s+/g, '');
}

function bigrams(s: string): Map<string, number> {
  const n = norm(s);
  const out = new Map<string, number>();
  for (let i = 0; i < n.length - 1; i++) {
    const g = n.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Character-bigram precision, recall and F1 of `got` against `gold`. */
export function bigramScores(gold: string, got: string): { f1: number; p: number; r: number } {
  const g = bigrams(gold);
  const o = bigrams(got);
  let inter = 0;
  for (const [k, v] of g) inter += Math.min(v, o.get(k) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  if (!total(g) || !total(o)) return { f1: 0, p: 0, r: 0 };
  const p = inter / total(o);
  const r = inter / total(g);
  return { f1: p + r ? (2 * p * r) / (p + r) : 0, p, r };
}

export function bigramF1(gold: string, got: string): number {
  return bigramScores(gold, got).f1;
}

/** The scorer's metadata check: title exact, published by leading numbers, others by containment. */
export function metaMatches(field: string, want: string, got: string | null | undefined): boolean {
  if (got === null || got === undefined) return false;
  if (field === 'published') {
    const w = (want.match(/\d+/g) ?? []).map(Number).slice(0, 3);
    const d = (got.match(/\d+/g) ?? []).map(Number).slice(0, w.length);
    return d.length === w.length && d.every((x, i) => x === w[i]);
  }
  const a = norm(want);
  const b = norm(got);
  return field === 'title' ? a === b : b.length > 0 && (a.includes(b) || b.includes(a));
}

/** score_pages.py's author check: the gold author stands in the result's author, byline or source. */
export function authorMatches(want: string, got: { author?: string | null; byline?: string | null; source?: string | null }): boolean {
  return [got.author, got.byline, got.source].some((v) => !!v && norm(v).includes(norm(want)));
}
