/**
 * npm run eval [DIR]: quality of Jingdu against plain Readability on pages with gold text.
 * DIR holds <id>.html with <id>.json (or <id>.expected.json): { title, text } or { title, paragraphs },
 * the layout of ../shared/golden, optionally with { options: { allPostsByStarter } }. Default: tests/fixtures. Runs the CLI over the folder and
 * prints character-bigram F1 (the golden scorer's measure) side by side.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../cli/node-dom';
import { bigramF1, norm } from '../tests/helpers/golden';

const ROOT = join(import.meta.dirname, '..');
const dir = process.argv[2] ?? join(ROOT, 'tests', 'fixtures');

interface Gold {
  /** Cleaning options the gold assumes, e.g. every post by the thread starter. */
  options?: { allPostsByStarter?: boolean };
  title?: string;
  text?: string;
  paragraphs?: string[];
}

function goldOf(id: string): Gold | null {
  for (const name of [`${id}.json`, `${id}.expected.json`]) {
    const file = join(dir, name);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Gold;
  }
  return null;
}

const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '')).filter((id) => goldOf(id));
if (!pages.length) {
  console.error(`No <id>.html with gold <id>.json in ${dir}`);
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), 'jingdu-eval-'));
function runCli(ids: string[], flags: string[]): void {
  if (!ids.length) return;
  try {
    execFileSync('node', [join(ROOT, 'bin', 'jingdu.mjs'), 'clean', ...ids.map((id) => join(dir, `${id}.html`)), ...flags, '--format', 'json', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    // a page the CLI could not clean scores 0 below; the CLI has said why
  }
}
// Each page is cleaned with the options its gold was decided under, as a user would choose them.
const wantsAllPosts = (id: string) => !!goldOf(id)!.options?.allPostsByStarter;
runCli(pages.filter((id) => !wantsAllPosts(id)), []);
runCli(pages.filter(wantsAllPosts), ['--all-posts']);

const rows = pages.map((id) => {
  const gold = goldOf(id)!;
  const goldText = gold.text ?? (gold.paragraphs ?? []).join('\n');
  const resultFile = join(out, `${id}.json`);
  const ours = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as { title: string; paragraphs: string[] }) : null;
  const plain = new Readability(parseHtml(readFileSync(join(dir, `${id}.html`), 'utf8'), 'https://eval.example/')).parse();
  return {
    page: id,
    jingdu: ours ? bigramF1(goldText, ours.paragraphs.join('\n')) : 0,
    readability: plain?.textContent ? bigramF1(goldText, plain.textContent) : 0,
    jingduTitle: !!ours && !!gold.title && norm(ours.title) === norm(gold.title),
    readabilityTitle: !!plain?.title && !!gold.title && norm(plain.title) === norm(gold.title),
  };
});

const f = (x: number) => x.toFixed(3);
console.table(rows.map((r) => ({ page: r.page, 'Jingdu F1': f(r.jingdu), 'Readability F1': f(r.readability), 'Jingdu title': r.jingduTitle ? '✓' : '✗', 'Readability title': r.readabilityTitle ? '✓' : '✗' })));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`mean bigram-F1: Jingdu ${f(mean(rows.map((r) => r.jingdu)))}, plain Readability ${f(mean(rows.map((r) => r.readability)))}`);
console.log(`titles right: Jingdu ${rows.filter((r) => r.jingduTitle).length}/${rows.length}, plain Readability ${rows.filter((r) => r.readabilityTitle).length}/${rows.length}`);
