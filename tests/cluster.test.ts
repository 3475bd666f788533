import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '../cli/encoding';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLURM_BINARIES, SSHD_BINARIES, type Slurm, type Sshd, cannotRun, startOrSayWhy, startSlurm, startSshd } from './helpers/cluster';

/**
 * Corpora across machines, on the engines corpus builders use, run for real: a Slurm job
 * array over a WARC.gz and the real dev pages, one task killed mid-way and submitted again,
 * and GNU parallel across two ssh logins. Each must write exactly what one process writes.
 */
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jingdu.mjs');
const DEV = join(ROOT, '..', 'shared', 'realpages', 'dev');
const jingdu = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, 'clean', ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 512 << 20 });
const lineCount = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);

const PROSE = '记者近日从有关部门召开的工作会议上了解到，全区去年共改造户用卫生厕所四万多座，农牧区人居环境明显改善。';
const page = (title: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${PROSE}</p>`.repeat(4)}</article></body></html>`;

/** A crawl of 40 news pages and a picture record, one gzip member per record as crawlers write it. */
async function crawl(file: string): Promise<void> {
  const records = [];
  for (let i = 0; i < 40; i++) {
    records.push(WARCRecord.create({ url: `https://news.example.cn/${i}.html`, date: '2024-05-01T08:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } }, [new TextEncoder().encode(page(`第${i}号通报`))]));
    if (i === 20) records.push(WARCRecord.create({ url: 'https://news.example.cn/logo.png', type: 'response', httpHeaders: { 'Content-Type': 'image/png' } }, [new Uint8Array([0x89, 0x50, 0x4e, 0x47])]));
  }
  const members = await Promise.all(records.map(async (r) => gzipSync(await WARCSerializer.serialize(r))));
  writeFileSync(file, Buffer.concat(members));
}

const slurmMissing = cannotRun(SLURM_BINARIES);
const sshMissing = cannotRun(SSHD_BINARIES);
if (slurmMissing) console.warn(`Slurm test skipped: ${slurmMissing}`);
if (sshMissing) console.warn(`GNU parallel over ssh test skipped: ${sshMissing}`);

let work = '';
let warc = '';
let reference = '';
beforeAll(async () => {
  if (slurmMissing && sshMissing) return;
  work = mkdtempSync(join(tmpdir(), 'jingdu-cluster-'));
  warc = join(work, 'crawl.warc.gz');
  await crawl(warc);
  // What one process writes: the yardstick for every way of splitting the work.
  reference = join(work, 'one-process.jsonl');
  const r = jingdu([warc, DEV, '--jsonl', reference, '--jobs', '1', '--quiet']);
  expect(r.status, r.stderr).toBeLessThanOrEqual(1);
  // One line per input: the 40 pages of the crawl (not its picture) and every dev page.
  expect(lineCount(reference)).toBe(40 + readdirSync(DEV).filter((f) => f.endsWith('.html')).length);
}, 600_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!!slurmMissing)('a Slurm job array', () => {
  let slurm: Slurm | undefined;
  let why = '';
  beforeAll(async () => {
    ({ started: slurm, why } = await startOrSayWhy(startSlurm, 'Slurm test'));
  }, 300_000);
  afterAll(async () => slurm?.stop(), 60_000);

  const sbatch = (array: string, out: string) =>
    slurm!
      .run('sbatch', ['--parsable', `--array=${array}`, `--output=${join(slurm!.dir, 'task-%a.log')}`, '--chdir', ROOT, join(ROOT, 'scripts', 'slurm', 'jingdu-array.sbatch'), '4', out, warc, DEV])
      .trim();
  const running = (job: string) => slurm!.run('squeue', ['-h', '-j', job, '-o', '%i']).trim() !== '';
  const wait = async (job: string) => {
    while (running(job)) await new Promise((r) => setTimeout(r, 300));
  };

  it('4 tasks over a WARC.gz and the dev pages, one killed mid-way and submitted again, merge into exactly what one process writes', async (ctx) => {
    if (!slurm) return ctx.skip(why);
    const out = join(work, 'slurm');
    const job = sbatch('0-3', out);
    // Task 2 is killed once it has written a few lines, as a preempted or crashed node would.
    const shard2 = join(out, 'shard-2.jsonl');
    while (lineCount(shard2) < 3 && running(job)) await new Promise((r) => setTimeout(r, 100));
    slurm!.run('scancel', ['--full', '--signal=KILL', `${job}_2`]);
    await wait(job);
    const expected = lineCount(reference);
    const shareOf2 = Math.ceil((expected - 2) / 4);
    expect(lineCount(shard2)).toBeLessThan(shareOf2); // it really stopped mid-way
    // Merging now refuses: shard 2 is short.
    const early = spawnSync(join(ROOT, 'scripts', 'slurm', 'merge-shards.sh'), [out, '4'], { encoding: 'utf8' });
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/shard-2\.jsonl has \d+ lines/);

    // Submitted again, task 2 continues after its last complete line.
    await wait(sbatch('2', out));
    expect(lineCount(shard2)).toBe(shareOf2);
    const merged = execFileSync(join(ROOT, 'scripts', 'slurm', 'merge-shards.sh'), [out, '4'], { maxBuffer: 512 << 20 });
    expect(merged.equals(readFileSync(reference))).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['shard-0.jsonl', 'shard-1.jsonl', 'shard-2.jsonl', 'shard-3.jsonl']);
  }, 900_000);
});

describe.skipIf(!!sshMissing)('GNU parallel over ssh', () => {
  let sshd: Sshd | undefined;
  let why = '';
  beforeAll(async () => {
    ({ started: sshd, why } = await startOrSayWhy(startSshd, 'GNU parallel over ssh test'));
  }, 300_000);
  afterAll(async () => sshd?.stop(), 60_000);

  it('scripts/parallel-hosts.sh cleans a JSON Lines corpus on two hosts into exactly what one process writes', (ctx) => {
    if (!sshd) return ctx.skip(why);
    const pages = readdirSync(DEV).filter((f) => f.endsWith('.html')).sort().slice(0, 60);
    const corpus = join(work, 'corpus.jsonl');
    // Decoded as the CLI decodes a saved page (and as npm run eval reads it).
    writeFileSync(corpus, pages.map((f) => `${JSON.stringify({ id: f, url: `https://dev.example/${f}`, html: decode(readFileSync(join(DEV, f))).text })}\n`).join(''));
    const one = jingdu(['-', '--jsonl', '-', '--jobs', '1', '--quiet'], readFileSync(corpus, 'utf8'));
    // Small parts, so both hosts get several.
    const both = spawnSync(join(ROOT, 'scripts', 'parallel-hosts.sh'), [corpus, ...sshd!.logins], {
      encoding: 'utf8',
      maxBuffer: 512 << 20,
      env: { ...process.env, SSH: sshd!.ssh, NODE: process.execPath, BLOCK: '300k', JOBLOG: join(work, 'jobs.log') },
    });
    // Both hosts cleaned parts of it.
    const hosts = readFileSync(join(work, 'jobs.log'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[1]);
    expect(new Set(hosts)).toEqual(new Set(sshd!.logins.map((l) => l.replace(/^\d+\//, ''))));
    expect(both.stdout.split('\n').length).toBe(one.stdout.split('\n').length);
    expect(both.stdout).toBe(one.stdout);
    expect(both.stderr).not.toMatch(/ssh:|Permission denied|command not found/);
  }, 600_000);
});
