import { createWriteStream, existsSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { FORMAT_INFO } from '../lib/export/formats';
import type { PageInput } from './clean-file';
import { readInputs } from './inputs';
import { type JobOptions, type Outcome, WorkerPool } from './pool';

export interface BatchOptions {
  sources: string[];
  job: JobOptions;
  jobs: number;
  timeoutMs: number;
  /** Write <name>.<ext> files here; else JSON Lines to `jsonl`, else each output to stdout. */
  outDir?: string;
  /** A file, or '-' for stdout. */
  jsonl?: string;
  resume: boolean;
  /** The address of saved pages given on the command line (--url). */
  url?: string;
  /** Inputs known before the run starts (files), for the progress bar; null when streamed. */
  total: number | null;
  progress: boolean;
}

export type Tally = Record<Outcome['status'], number>;

/** Pages in flight per worker: enough to keep every core busy, few enough to bound memory. */
const IN_FLIGHT_PER_WORKER = 4;
const RECYCLE_AFTER = 2000;
/**
 * Heap per worker. Real pages need well under 100 MB in jsdom; a low ceiling makes V8 collect
 * early, which keeps a 2-worker run near 650 MB instead of 1.4 GB. A page that needs more
 * (a 50 MB page) is refused with a clear message instead.
 */
const WORKER_HEAP_MB = 512;
const SAFE_NAME = /[^\w.\-\u3400-\u9fff]+/g;

/** The file an input's result goes to in --out: its own name, or its id made safe. */
function outName(input: PageInput, extension: string): string {
  const base = input.path ? basename(input.path, extname(input.path)) : input.id.replace(SAFE_NAME, '_').slice(-120);
  return `${base || 'page'}.${extension}`;
}

/** Ids already cleaned in an earlier run's JSON Lines (failed ones are tried again). */
function doneIds(file: string): Set<string> {
  const done = new Set<string>();
  if (!existsSync(file)) return done;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      const record = JSON.parse(line) as { id?: unknown; error?: unknown };
      if (typeof record.id === 'string' && !record.error) done.add(record.id);
    } catch {
      // a line cut off when the earlier run was stopped: that page is cleaned again
    }
  }
  return done;
}

class Writer {
  private stream: WriteStream | NodeJS.WriteStream | null = null;
  private used = new Set<string>();

  constructor(private readonly opts: BatchOptions) {
    if (opts.jsonl === '-') this.stream = process.stdout;
    else if (opts.jsonl) this.stream = createWriteStream(opts.jsonl, { flags: opts.resume ? 'a' : 'w' });
  }

  target(input: PageInput): string {
    return join(this.opts.outDir!, outName(input, FORMAT_INFO[this.opts.job.format].extension));
  }

  write(input: PageInput, outcome: Outcome): void {
    if (this.opts.jsonl) {
      const line = outcome.status === 'cleaned' ? outcome.output! : JSON.stringify({ id: input.id, url: input.url ?? null, error: outcome.status, message: outcome.message });
      this.stream!.write(`${line}\n`);
    } else if (outcome.status !== 'cleaned') return;
    else if (this.opts.outDir) {
      let target = this.target(input);
      for (let n = 2; this.used.has(target); n++) target = this.target(input).replace(/(\.[^.]+)$/, `-${n}$1`);
      this.used.add(target);
      writeFileSync(target, outcome.output!);
    } else process.stdout.write(outcome.output!);
  }

  async close(): Promise<void> {
    const s = this.stream;
    if (s && s !== process.stdout) await new Promise<void>((resolve) => (s as WriteStream).end(resolve));
  }
}

function progressBar(opts: BatchOptions): SingleBar | null {
  if (!opts.progress) return null;
  const bar = new SingleBar({
    format: opts.total ? ' {bar} {value}/{total} pages · {rate} pages/s · {failed} not cleaned' : ' {value} pages · {rate} pages/s · {failed} not cleaned',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(opts.total ?? 0, 0, { rate: '0.0', failed: 0 });
  return bar;
}

/**
 * Cleans every input on a pool of workers and writes the results in input order.
 * Returns how each page ended.
 */
export async function runBatch(opts: BatchOptions): Promise<{ tally: Tally; seconds: number }> {
  const tally: Tally = { cleaned: 0, 'no-article': 0, refused: 0, 'timed-out': 0, failed: 0 };
  const started = performance.now();
  const pool = new WorkerPool({ size: opts.jobs, timeoutMs: opts.timeoutMs, recycleAfter: RECYCLE_AFTER, heapMb: WORKER_HEAP_MB });
  const writer = new Writer(opts);
  const skip = opts.resume && opts.jsonl && opts.jsonl !== '-' ? doneIds(opts.jsonl) : new Set<string>();
  const bar = progressBar(opts);

  const inputs = new Map<number, PageInput>();
  const finished = new Map<number, Outcome>();
  let next = 0;
  const flush = () => {
    for (let o = finished.get(next); o; o = finished.get(next)) {
      const input = inputs.get(next)!;
      writer.write(input, o);
      tally[o.status]++;
      if (o.status !== 'cleaned') process.stderr.write(`${bar ? '\n' : ''}jingdu: ${input.id}: ${o.message}\n`);
      finished.delete(next);
      inputs.delete(next);
      next++;
      const seconds = (performance.now() - started) / 1000;
      bar?.update(next, { rate: (next / seconds).toFixed(1), failed: next - tally.cleaned });
    }
  };

  const inFlight = new Set<Promise<void>>();
  let seq = 0;
  try {
    for await (const input of readInputs(opts.sources)) {
      if (opts.url && input.path) input.url = opts.url;
      if (skip.has(input.id) || (opts.resume && opts.outDir && existsSync(writer.target(input)))) continue;
      const job = { seq: seq++, input, options: opts.job };
      inputs.set(job.seq, input);
      if (bar && !opts.total) bar.setTotal(seq);
      const running = pool.run(job).then((outcome) => {
        finished.set(outcome.seq, outcome);
        flush();
      });
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
      if (inFlight.size >= opts.jobs * IN_FLIGHT_PER_WORKER) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    bar?.stop();
    await pool.close();
    await writer.close();
  }
  return { tally, seconds: (performance.now() - started) / 1000 };
}

export function summaryLine(tally: Tally, seconds: number): string {
  const pages = Object.values(tally).reduce((a, b) => a + b, 0);
  const rate = seconds > 0 ? pages / seconds : 0;
  return (
    `jingdu: ${pages} page${pages === 1 ? '' : 's'}: ${tally.cleaned} cleaned, ${tally['no-article']} no article, ${tally.refused} refused, ` +
    `${tally['timed-out']} timed out, ${tally.failed} failed · ${rate.toFixed(1)} pages/s`
  );
}
