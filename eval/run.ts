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
import { pageHalves } from './site-half';

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

// Each page's site, and the half of the sites it falls in (eval/site-half.ts).
const halves = pageHalves(dir, pages);

const rows = [];
for (const id of pages) {
  const gold = goldOf(id)!;
  const mine = ours[id];
  rows.push({
    page: id,
    half: halves.get(id)!.half,
    jingdu: score(gold, mine ? { ...mine, text: mine.paragraphs.join('\n') } : null),
    readability: score(gold, plainReadability(id)),
  });
  await turn(); // jsdom frees a closed window only once the event loop turns
}

const f = (x: number) => x.toFixed(3);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
type Row = (typeof rows)[number];
const count = (key: 'title' | 'author' | 'date', who: 'jingdu' | 'readability', of: Row[] = rows) => {
  const known = of.filter((r) => r[who][key] !== undefined);
  return { right: known.filter((r) => r[who][key]).length, known: known.length };
};
const shown = (c: { right: number; known: number }) => (c.known ? `${c.right}/${c.known}` : 'n/a');
const share = (c: { right: number; known: number }) => (c.known ? c.right / c.known : NaN);

if (rows.length <= 40) {
  console.table(rows.map((r) => ({ page: r.page, 'Jingdu F1': f(r.jingdu.f1), 'Readability F1': f(r.readability.f1) })));
}
console.log(`pages ${rows.length}`);
for (const who of ['jingdu', 'readability'] as const) {
  const fs = rows.map((r) => r[who].f1);
  const name = who === 'jingdu' ? 'Jingdu           ' : 'plain Readability';
  console.log(
    `${name} body F1 ${f(mean(fs))} (median ${f(median(fs))}, P ${f(mean(rows.map((r) => r[who].p)))}, R ${f(mean(rows.map((r) => r[who].r)))}, under 0.5: ${fs.filter((x) => x < 0.5).length})` +
      `  titles ${shown(count('title', who))}  authors ${shown(count('author', who))}  dates ${shown(count('date', who))}`,
  );
}

// The two halves of the sites: a mechanism learned on one half must hold on the other.
const byHalf = (['A', 'B'] as const).map((half) => {
  const of = rows.filter((r) => r.half === half);
  return { half, of, f1: mean(of.map((r) => r.jingdu.f1)), title: count('title', 'jingdu', of), author: count('author', 'jingdu', of), date: count('date', 'jingdu', of) };
});
if (byHalf.every((h) => h.of.length)) {
  for (const h of byHalf) {
    const sites = new Set(h.of.map((r) => halves.get(r.page)!.site)).size;
    console.log(`Jingdu, sites ${h.half} (${sites} sites, ${h.of.length} pages): body F1 ${f(h.f1)} (under 0.5: ${h.of.filter((r) => r.jingdu.f1 < 0.5).length})  titles ${shown(h.title)}  authors ${shown(h.author)}  dates ${shown(h.date)}`);
  }
  const [a, b] = byHalf as [(typeof byHalf)[0], (typeof byHalf)[0]];
  const points = (x: number, y: number) => (Number.isNaN(x) || Number.isNaN(y) ? 'n/a' : `${Math.abs(100 * (x - y)).toFixed(1)} points`);
  console.log(
    `gap between the halves: body F1 ${f(Math.abs(a.f1 - b.f1))}, titles ${points(share(a.title), share(b.title))}, authors ${points(share(a.author), share(b.author))}, dates ${points(share(a.date), share(b.date))}`,
  );
}
