/**
 * npm run eval [DIR]: quality of Jingdu against plain Readability on pages with gold.
 * DIR holds <id>.html with <id>.json (or <id>.expected.json): { title, text } or { title, paragraphs },
 * optionally { author, date } (../shared/realpages) and { options: { allPostsByStarter } }.
 * Default: tests/fixtures. Both extractors read the page decoded the same way (the CLI's
 * charset detection); prints body bigram F1 / precision / recall and titles, authors and
 * dates right (n/a where the gold has none), by the measures of ../shared/tools/score_pages.py.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { Readability } from '@mozilla/readability';
import { decode } from '../cli/encoding';
import { closeDocument, parseHtml } from '../cli/node-dom';
import { cleanMany } from '../tests/helpers/clean-many';
import { authorMatches, bigramScores, metaMatches, norm } from '../tests/helpers/golden';

const ROOT = join(import.meta.dirname, '..');
const dir = process.argv[2] ?? join(ROOT, 'tests', 'fixtures');

interface Gold {
  options?: { allPostsByStarter?: boolean };
  title?: string | null;
  text?: string;
  paragraphs?: string[];
  author?: string | null;
  date?: string | null;
}

interface Result {
  title?: string | null;
  text: string;
  author?: string | null;
  byline?: string | null;
  source?: string | null;
  published?: string | null;
}

function goldOf(id: string): Gold | null {
  for (const name of [`${id}.json`, `${id}.expected.json`]) {
    const file = join(dir, name);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Gold;
  }
  return null;
}

function plainReadability(id: string): Result | null {
  const html = decode(readFileSync(join(dir, `${id}.html`))).text;
  // Plain Readability as the field runs it: on jsdom.
  const doc = parseHtml(html, 'https://eval.example/', 'jsdom');
  const parsed = new Readability(doc).parse();
  closeDocument(doc); // jsdom keeps a window's memory until it is closed
  if (!parsed) return null;
  return { title: parsed.title, text: parsed.textContent ?? '', author: parsed.byline, published: parsed.publishedTime };
}

function score(gold: Gold, r: Result | null) {
  const goldText = gold.text ?? (gold.paragraphs ?? []).join('\n');
  const body = r ? bigramScores(goldText, r.text) : { f1: 0, p: 0, r: 0 };
  return {
    ...body,
    title: gold.title ? !!r?.title && norm(r.title) === norm(gold.title) : undefined,
    author: gold.author ? !!r && authorMatches(gold.author, r) : undefined,
    date: gold.date ? !!r?.published && metaMatches('published', gold.date, r.published) : undefined,
  };
}

const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '')).filter((id) => goldOf(id));
if (!pages.length) {
  console.error(`No <id>.html with gold <id>.json in ${dir}`);
  process.exit(2);
}

// Each page is cleaned with the options its gold was decided under, as a user would choose them.
const wantsAllPosts = (id: string) => !!goldOf(id)!.options?.allPostsByStarter;
const ours = {
  ...(await cleanMany(dir, pages.filter((id) => !wantsAllPosts(id)), [])),
  ...(await cleanMany(dir, pages.filter(wantsAllPosts), ['--all-posts'])),
};

const rows = [];
for (const id of pages) {
  const gold = goldOf(id)!;
  const mine = ours[id];
  rows.push({
    page: id,
    jingdu: score(gold, mine ? { ...mine, text: mine.paragraphs.join('\n') } : null),
    readability: score(gold, plainReadability(id)),
  });
  await turn(); // jsdom frees a closed window only once the event loop turns
}

const f = (x: number) => x.toFixed(3);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const count = (key: 'title' | 'author' | 'date', who: 'jingdu' | 'readability') => {
  const known = rows.filter((r) => r[who][key] !== undefined);
  return known.length ? `${known.filter((r) => r[who][key]).length}/${known.length}` : 'n/a';
};

if (rows.length <= 40) {
  console.table(rows.map((r) => ({ page: r.page, 'Jingdu F1': f(r.jingdu.f1), 'Readability F1': f(r.readability.f1) })));
}
console.log(`pages ${rows.length}`);
for (const who of ['jingdu', 'readability'] as const) {
  const fs = rows.map((r) => r[who].f1);
  const name = who === 'jingdu' ? 'Jingdu           ' : 'plain Readability';
  console.log(
    `${name} body F1 ${f(mean(fs))} (median ${f(median(fs))}, P ${f(mean(rows.map((r) => r[who].p)))}, R ${f(mean(rows.map((r) => r[who].r)))}, under 0.5: ${fs.filter((x) => x < 0.5).length})` +
      `  titles ${count('title', who)}  authors ${count('author', who)}  dates ${count('date', who)}`,
  );
}
