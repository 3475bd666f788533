/**
 * npm run bench: speed of Jingdu against what users would otherwise run.
 * - the CLI's start: --help and one page against `node -e 0` and a plain Readability script
 * - pipeline vs plain Readability on every fixture page and seed (same process, median of runs)
 * - the same on every real page of ../shared/realpages/dev, on freshly parsed documents (parsing not timed)
 * - batch throughput and peak memory on real pages (BENCH_PAGES, default 2,000) against plain Readability
 * - bundle sizes (gzip) against bench/budget.json
 * - conversion throughput: our path vs plain opencc-js on the same 1 MB text
 * - in-page conversion of a 5,000-paragraph page in real Chromium
 * - BENCH_ONLY=slurm: BENCH_RECORDS (default 10,000) JSON Lines records through 4 Slurm array
 *   tasks on a one-node cluster, against --jobs 2 in one process (pages/s, peak RSS per task)
 * Prints a table and writes bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { Converter as cn2t } from 'opencc-js/cn2t';
import { Converter as t2cn } from 'opencc-js/t2cn';
import { closeDocument, type NodeDom, nodeSanitizer, parseHtml } from '../cli/node-dom';
import { decode } from '../cli/encoding';
import { fastConverter } from '../lib/convert/load';
import { cleanDocument } from '../lib/pipeline';
import { cleanText } from '../lib/text-pipeline';
import { inPageConversion, realPageConversion } from './in-page';
import { type Goal, speedGoals } from './goals';
import { clickToArticle } from './click';
import { libraryAndReader } from './library';
import { timed } from './timed';
import { utf8Page } from './pages';
import { median, percentile } from './stats';
import { slurmThroughput } from './slurm';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);


function time(fn: () => unknown, runs = RUNS): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const ms = (x: number) => x.toFixed(2);

function pipelineVsReadability() {
  const rows: Array<{ page: string; jingduMs: number; readabilityMs: number; ratio: number }> = [];
  const sanitize = nodeSanitizer();
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.html'))) {
    const html = readFileSync(join(FIXTURES, f), 'utf8');
    const url = 'https://bench.example/page.html';
    const jingdu = time(() => cleanDocument(parseHtml(html, url, 'jsdom'), url, { sanitize }));
    const plain = time(() => new Readability(parseHtml(html, url, 'jsdom')).parse());
    rows.push({ page: f, jingduMs: jingdu, readabilityMs: plain, ratio: jingdu / plain });
  }
  if (existsSync(SEEDS)) {
    for (const f of readdirSync(SEEDS)) {
      const text = readFileSync(join(SEEDS, f), 'utf8');
      // Seeds are text: plain Readability sees them as one <pre>-less page of <p> lines.
      const html = `<html><body>${text.split('\n').map((l) => `<p>${l.replace(/[<&]/g, ' ')}</p>`).join('')}</body></html>`;
      const jingdu = time(() => cleanText(text));
      const plain = time(() => new Readability(parseHtml(html, 'https://bench.example/', 'jsdom')).parse());
      rows.push({ page: `seed ${f}`, jingduMs: jingdu, readabilityMs: plain, ratio: jingdu / plain });
    }
  }
  return rows;
}

const REAL_PAGES = join(ROOT, '..', 'shared', 'realpages', 'dev');

/** Median ms of `fn` over `runs` documents parsed fresh for each run (Readability changes the document it reads). */
function timeOnFresh(html: string, url: string, fn: (doc: Document) => unknown, runs: number, dom: NodeDom): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const doc = parseHtml(html, url, dom);
    const t = performance.now();
    try {
      fn(doc);
    } catch {
      // a page with no article costs what it cost
    }
    samples.push(performance.now() - t);
    closeDocument(doc);
  }
  return median(samples);
}

/**
 * What the reader feels at each click: our whole pipeline against one plain Readability pass
 * on the same page, every real page of the dev set. Reported as the median page ratio and the
 * ratio of the totals.
 */
async function realPagesVsReadability(dom: NodeDom, runs = 3) {
  const sanitize = nodeSanitizer();
  const url = 'https://bench.example/page.html';
  const rows: Array<{ page: string; jingduMs: number; readabilityMs: number; ratio: number }> = [];
  for (const f of readdirSync(REAL_PAGES).filter((x) => x.endsWith('.html'))) {
    const html = decode(readFileSync(join(REAL_PAGES, f))).text;
    // As the CLI runs it: the document was parsed for this cleaning, so it is cleaned in place (Readability too changes the one it reads).
    const jingdu = timeOnFresh(html, url, (doc) => cleanDocument(doc, url, { sanitize, ownsDocument: true }), runs, dom);
    const plain = timeOnFresh(html, url, (doc) => new Readability(doc).parse(), runs, dom);
    rows.push({ page: f, jingduMs: jingdu, readabilityMs: plain, ratio: jingdu / plain });
    await new Promise((r) => setImmediate(r)); // lets jsdom free the closed windows
  }
  const total = (k: 'jingduMs' | 'readabilityMs') => rows.reduce((a, r) => a + r[k], 0);
  return { pages: rows.length, medianRatio: median(rows.map((r) => r.ratio)), totalRatio: total('jingduMs') / total('readabilityMs'), slowest: [...rows].sort((a, b) => b.ratio - a.ratio).slice(0, 5) };
}

/**
 * Batch throughput and memory on real pages (../shared/realpages/dev repeated to `pages`):
 * `jingdu clean --jobs 2` against plain Readability + jsdom in one process, same pages.
 */
function batchThroughput(pages: number) {
  const source = existsSync(REAL_PAGES) ? REAL_PAGES : FIXTURES;
  const dir = mkdtempSync(join(tmpdir(), 'jingdu-bench-'));
  const originals = readdirSync(source).filter((x) => x.endsWith('.html'));
  for (let i = 0; i < pages; i++) copyFileSync(join(source, originals[i % originals.length]!), join(dir, `page-${String(i).padStart(6, '0')}.html`));
  const jingdu = timed(['node', join(ROOT, 'bin', 'jingdu.mjs'), 'clean', dir, '--jsonl', join(dir, 'out.jsonl'), '--jobs', '2', '--quiet']);
  const readability = timed(['node', '--import', 'tsx', join(ROOT, 'bench', 'readability-batch.ts'), dir]);
  rmSync(dir, { recursive: true, force: true });
  const row = (name: string, r: { seconds: number; peakMb: number | null }) => ({ name, pages, seconds: r.seconds, pagesPerSecond: pages / r.seconds, peakMb: r.peakMb });
  return [row('jingdu clean --jobs 2', jingdu), row('plain Readability + jsdom, 1 process', readability)];
}

/** Peak memory of `jingdu clean --jobs 2` on 1,000 and on 10,000 real pages: flat means equal. */
function flatMemory() {
  return [1000, 10_000].map((pages) => {
    const source = existsSync(REAL_PAGES) ? REAL_PAGES : FIXTURES;
    const dir = mkdtempSync(join(tmpdir(), 'jingdu-flat-'));
    const originals = readdirSync(source).filter((x) => x.endsWith('.html'));
    for (let i = 0; i < pages; i++) copyFileSync(join(source, originals[i % originals.length]!), join(dir, `page-${String(i).padStart(6, '0')}.html`));
    const r = timed(['node', join(ROOT, 'bin', 'jingdu.mjs'), 'clean', dir, '--jsonl', join(dir, 'out.jsonl'), '--jobs', '2', '--quiet']);
    rmSync(dir, { recursive: true, force: true });
    return { pages, seconds: r.seconds, pagesPerSecond: pages / r.seconds, peakMb: r.peakMb };
  });
}

/**
 * What a command costs before and while it cleans one page, against `node -e 0` and a plain
 * Readability script on the same page (median wall time of 7 runs each, same machine, same run).
 */
function cliStart() {
  const page = join(FIXTURES, 'news-portal--county-vaccination.html');
  const bin = join(ROOT, 'bin', 'jingdu.mjs');
  const commands: Array<[string, string[]]> = [
    ['node -e 0', ['node', '-e', '0']],
    ['jingdu --help', ['node', bin, '--help']],
    ['jingdu clean (one page)', ['node', bin, 'clean', page, '--format', 'json']],
    ['plain Readability + jsdom script (same page)', ['node', join(ROOT, 'bench', 'readability-one.mjs'), page]],
  ];
  spawnSync('node', [bin, '--help']); // compiles the CLI if the sources changed: not part of the start
  return commands.map(([name, [cmd, ...args]]) => {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const r = spawnSync(cmd!, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
      samples.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`${name}: exit ${r.status}: ${r.stderr}`);
    }
    return { name, medianMs: median(samples) };
  });
}

function printCliStart(rows: ReturnType<typeof cliStart>) {
  const node = rows[0]!.medianMs;
  const peer = rows[3]!.medianMs;
  console.log('\nCLI start (median of 7, wall time)');
  console.table(rows.map((r) => ({ command: r.name, ms: r.medianMs.toFixed(0), 'x node -e 0': (r.medianMs / node).toFixed(1), 'x plain Readability': (r.medianMs / peer).toFixed(2) })));
}

function bundleSizes() {
  const budget = JSON.parse(readFileSync(join(ROOT, 'bench', 'budget.json'), 'utf8')).entrypoints as Record<string, number>;
  const dir = join(ROOT, '.output', 'chrome-mv3');
  if (!existsSync(dir)) return [];
  return Object.entries(budget).map(([file, limit]) => {
    const gz = gzipSync(readFileSync(join(dir, file))).length;
    return { file, gzipBytes: gz, budget: limit, ok: gz <= limit };
  });
}

function totalBytes(path: string): number {
  if (!existsSync(path)) return 0;
  return readdirSync(path, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? totalBytes(join(path, e.name)) : statSync(join(path, e.name)).size), 0);
}

function conversionThroughput() {
  const base = existsSync(SEEDS) ? readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8')).join('\n') : '软件和鼠标，头发的后果。\n';
  const paragraphs: string[] = [];
  let size = 0;
  while (size < 1_000_000) {
    for (const p of base.split('\n')) {
      paragraphs.push(p);
      size += Buffer.byteLength(p) + 1;
    }
  }
  const text = paragraphs.join('\n');
  const mb = Buffer.byteLength(text) / 1e6;
  const rows = [];
  for (const [label, make] of [['to cn', () => t2cn({ from: 'twp', to: 'cn' })], ['to twp', () => cn2t({ from: 'cn', to: 'twp' })]] as const) {
    const plain = make();
    const ours = fastConverter(make());
    // A page is converted node by node: both paths get the same paragraphs.
    const plainMs = time(() => paragraphs.map(plain), 5);
    const oursMs = time(() => paragraphs.map(ours), 5);
    const wholeMs = time(() => plain(text), 5);
    rows.push({ direction: label, mb, plainMBs: mb / (plainMs / 1000), oursMBs: mb / (oursMs / 1000), plainWholeTextMBs: mb / (wholeMs / 1000) });
  }
  return rows;
}

/** The dev set's longest pages by their text, decoded, for the in-page conversion. */
function longestRealPages(count: number): Array<{ name: string; html: string }> {
  if (!existsSync(REAL_PAGES)) return [];
  const pages = readdirSync(REAL_PAGES).filter((f) => f.endsWith('.html')).map((name) => ({ name, html: utf8Page(join(REAL_PAGES, name)) }));
  return pages.sort((a, b) => b.html.length - a.html.length).slice(0, count);
}

function printLibrary(r: Awaited<ReturnType<typeof libraryAndReader>>) {
  console.log(`\nLibrary of ${r.articles.toLocaleString('en')} saved articles in Chromium (${r.imported})`);
  console.table({
    'library opened → first rows painted (ms)': r.listShownMs,
    'library opened → the whole library read, searchable (ms)': r.listReadMs,
    'search keystroke → list painted, median (ms)': r.keystrokeMedianMs,
    'search keystroke → list painted, p90 (ms)': r.keystrokeP90Ms,
    'reader, 100,000 characters and 50 kept pictures → painted (ms)': r.readerArticleShownMs,
    'reader, the same article → its 50 kept pictures shown (ms)': r.readerPicturesShownMs,
  });
  console.log(`each keystroke (ms): ${r.keystrokesMs.join(' ')}; found ${r.rowsFound.simplified} (简) and ${r.rowsFound.traditional} (繁); kept pictures shown ${r.keptPictures}`);
}


function printClick(r: Awaited<ReturnType<typeof clickToArticle>>) {
  const split = (k: 'popupOpenMs' | 'jingduMs' | 'secondJingduMs') => ({ median: Math.round(median(r.rows.map((x) => x[k]))), p90: Math.round(percentile(r.rows.map((x) => x[k]), 0.9)), worst: Math.round(Math.max(...r.rows.map((x) => x[k]))) });
  console.log(`\nToolbar click → article in Chromium, ${r.rows.length} dev pages (ms; ${r.noArticle.length} without an article)`);
  console.table({ 'click → popup painted': split('popupOpenMs'), 'popup painted → article (Jingdu)': split('jingduMs'), 'second click, Jingdu': split('secondJingduMs') });
}

async function main() {
  const results: Record<string, unknown> = { when: new Date().toISOString(), node: process.version, runs: RUNS };
  if (process.env.BENCH_ONLY === 'start') {
    printCliStart((results.cliStart = cliStart()));
    return;
  }
  if (process.env.BENCH_ONLY === 'page') {
    const inPage = await inPageConversion(5000);
    console.log(`\nIn-page conversion, ${inPage.paragraphs} paragraphs in Chromium (ms: dictionary load, paragraph on screen, whole page)`);
    console.table(Object.fromEntries(Object.entries(inPage).filter(([k]) => k !== 'paragraphs')));
    return;
  }
  if (process.env.BENCH_ONLY === 'library') {
    printLibrary((results.library = await libraryAndReader(REAL_PAGES)));
    return;
  }
  if (process.env.BENCH_ONLY === 'click') {
    printClick((results.click = await clickToArticle(REAL_PAGES)));
    return;
  }
  if (process.env.BENCH_ONLY === 'slurm') {
    const r = await slurmThroughput(Number(process.env.BENCH_RECORDS ?? 10_000));
    console.log('\nSlurm array (4 tasks, 1 core each) against one process (--jobs 2), same records');
    console.log(JSON.stringify(r, null, 2));
    writeFileSync(join(ROOT, 'bench', 'slurm.json'), `${JSON.stringify({ when: results.when, ...r }, null, 2)}\n`);
    return;
  }
  if (process.env.BENCH_ONLY === 'flat') {
    // Long (about half an hour on two cores): run on its own.
    const flat = flatMemory();
    console.log('\nPeak memory, jingdu clean --jobs 2');
    console.table(flat.map((r) => ({ pages: r.pages, seconds: r.seconds.toFixed(0), 'pages/s': r.pagesPerSecond.toFixed(2), 'peak MB': r.peakMb ?? 'n/a' })));
    writeFileSync(join(ROOT, 'bench', 'flat-memory.json'), `${JSON.stringify({ when: results.when, flat }, null, 2)}\n`);
    return;
  }

  results.cliStart = cliStart();
  printCliStart(results.cliStart as ReturnType<typeof cliStart>);

  const pipeline = pipelineVsReadability();
  results.pipeline = pipeline;
  console.log('\nPipeline vs plain Readability (median ms)');
  console.table(pipeline.map((r) => ({ page: r.page, jingdu: ms(r.jingduMs), readability: ms(r.readabilityMs), ratio: r.ratio.toFixed(2) })));

  if (existsSync(REAL_PAGES)) {
    // On each DOM the CLI can parse into; both read the very same document.
    const real: Record<string, Awaited<ReturnType<typeof realPagesVsReadability>>> = {};
    for (const dom of ['jsdom', 'fast'] as const) {
      const r = (real[dom] = await realPagesVsReadability(dom));
      console.log(`\nPipeline vs plain Readability on ${r.pages} real pages (${dom} DOM): median page ratio ${r.medianRatio.toFixed(2)}, total ${r.totalRatio.toFixed(2)}`);
      console.table(r.slowest.map((x) => ({ page: x.page.slice(0, 50), jingdu: ms(x.jingduMs), readability: ms(x.readabilityMs), ratio: x.ratio.toFixed(2) })));
    }
    results.realPages = real;
  }

  const batchPages = Number(process.env.BENCH_PAGES ?? 2000);
  const batch = batchThroughput(batchPages);
  results.batch = batch;
  console.log(`\nBatch: ${batchPages} real pages (peak RSS from /usr/bin/time)`);
  console.table(batch.map((r) => ({ run: r.name, seconds: r.seconds.toFixed(1), 'pages/s': r.pagesPerSecond.toFixed(2), 'peak MB': r.peakMb ?? 'n/a' })));
  console.log(`Jingdu is ${(batch[0]!.pagesPerSecond / batch[1]!.pagesPerSecond).toFixed(2)}x plain Readability's pages/s`);

  const bundles = bundleSizes();
  results.bundles = bundles;
  console.log('\nBundle sizes (gzip) against bench/budget.json');
  console.table(bundles);
  const extensionBytes = totalBytes(join(ROOT, '.output', 'chrome-mv3'));
  const { totalBytes: budgetBytes } = JSON.parse(readFileSync(join(ROOT, 'bench', 'budget.json'), 'utf8')) as { totalBytes: number };
  results.extensionBytes = extensionBytes;
  console.log(`Whole extension (.output/chrome-mv3): ${(extensionBytes / 1e6).toFixed(2)} MB unpacked, budget ${(budgetBytes / 1e6).toFixed(2)} MB`);

  const conversion = conversionThroughput();
  results.conversion = conversion;
  console.log('\nConversion throughput (MB/s, same 1 MB of paragraphs)');
  console.table(conversion.map((r) => ({ direction: r.direction, plainOpencc: r.plainMBs.toFixed(2), jingdu: r.oursMBs.toFixed(2), plainWholeText: r.plainWholeTextMBs.toFixed(2) })));

  try {
    const inPage = await inPageConversion(5000);
    results.inPage = inPage;
    console.log(`\nIn-page conversion, ${inPage.paragraphs} paragraphs in Chromium (ms: dictionary load, paragraph on screen, whole page)`);
    console.table(Object.fromEntries(Object.entries(inPage).filter(([k]) => k !== 'paragraphs')));
  } catch (err) {
    results.inPage = { error: String(err) };
    console.log(`\nIn-page conversion skipped: ${err}`);
  }

  try {
    const real = await realPageConversion(longestRealPages(3));
    results.inPageReal = real;
    console.log('\nIn-page conversion of the longest real dev pages (ms)');
    console.table(real.map((r) => ({ page: r.page.slice(0, 40), 'on screen, first use': r.toTraditional.visibleMs, 'on screen, again': r.toTraditionalAgain.visibleMs, restore: r.restore.totalMs, 'longest task': Math.max(r.toTraditional.longestTaskMs, r.toTraditionalAgain.longestTaskMs, r.restore.longestTaskMs) })));
  } catch (err) {
    results.inPageReal = { error: String(err) };
    console.log(`\nIn-page conversion of real pages skipped: ${err}`);
  }

  if (existsSync(REAL_PAGES)) {
    printClick((results.click = await clickToArticle(REAL_PAGES)));
    printLibrary((results.library = await libraryAndReader(REAL_PAGES)));
  }

  const goals: Goal[] = speedGoals(results);
  results.goals = goals;
  console.log('\nGoals');
  console.table(goals.map((g) => ({ goal: g.name, value: g.value, target: `≤ ${g.goal} ${g.unit}`, met: g.met })));

  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten: bench/results.json');
}

await main();
