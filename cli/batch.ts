import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { PageInput } from './clean-file';
import { type Source, readInputs } from './inputs';
import { outTarget } from './outputs';
import { type JobOptions, type Outcome, type PageRunner, type WorkerJob, WorkerPool, timedOutMessage } from './pool';

export interface BatchOptions {
  sources: Source[];
  job: JobOptions;
  jobs: number;
  timeoutMs: number;
  /** Write <name>.<ext> files here; else JSON Lines to `jsonl`, else each output to stdout. */
  outDir?: string;
  /** The output files' extension (the format's). */
  extension: string;
  /** A file, or '-' for stdout. */
  jsonl?: string;
  resume: boolean;
  /** This task's share of the inputs (--shard I/N): input k is cleaned when k mod count is index. */
  shard?: { index: number; count: number };
  /** Replace outputs that exist (else an existing output is never overwritten). */
  force: boolean;
  /** The address of saved pages given on the command line (--url). */
  url?: string;
  /** Inputs known before the run starts (files), for the progress bar; null when streamed. */
  total: number | null;
  progress: boolean;
  /** Clean in this thread instead of starting workers (one page). */
  inProcess: boolean;
  /** The workers' entry (the compiled dist/cli/worker.js). */
  workerScript: URL;
}

export type Tally = Record<Outcome['status'], number>;

export interface BatchResult {
  tally: Tally;
  /** Inputs --resume found done and did not clean again. */
  skipped: number;
  seconds: number;
}

/** Pages in flight per worker: enough to keep every core busy, few enough to bound memory. */
const IN_FLIGHT_PER_WORKER = 4;
const RECYCLE_AFTER = 2000;
/**
 * Heap per worker. Real pages need well under 100 MB in jsdom; a low ceiling makes V8 collect
 * early, which keeps a 2-worker run near 650 MB instead of 1.4 GB. A page that needs more
 * (a 50 MB page) is refused with a clear message instead.
 */
const WORKER_HEAP_MB = 512;

/**
 * What an earlier run of this output wrote: each complete line's id (failed ones are cleaned
 * again) and how many complete lines there are. A line a killed run left half-written is cut
 * off the file here, before anything is appended to it.
 */
function earlierLines(file: string): { done: Set<string>; lines: number } {
  const done = new Set<string>();
  if (!existsSync(file)) return { done, lines: 0 };
  const bytes = readFileSync(file);
  const complete = bytes.lastIndexOf(0x0a) + 1;
  if (complete < bytes.length) truncateSync(file, complete);
  const lines = complete ? bytes.subarray(0, complete - 1).toString('utf8').split('\n') : [];
  for (const line of lines) {
    try {
      const record = JSON.parse(line) as { id?: unknown; error?: unknown };
      if (typeof record.id === 'string' && !record.error) done.add(record.id);
    } catch {
      // not a record of ours: that page is cleaned again
    }
  }
  return { done, lines: lines.length };
}

/**
 * Which inputs an earlier run already wrote. A shard continues after its last complete line,
 * by position: its lines stay one per input, in input order, so the shards' files interleave
 * back into exactly what one process writes (scripts/slurm/merge-shards.sh). Otherwise an
 * input is done when its id has a cleaned line.
 */
function resumeFrom(opts: BatchOptions): (input: PageInput, position: number) => boolean {
  if (!opts.resume || !opts.jsonl || opts.jsonl === '-') return () => false;
  const earlier = earlierLines(opts.jsonl);
  return opts.shard ? (_input, position) => position < earlier.lines : (input) => earlier.done.has(input.id);
}

/** Writes a file whole or not at all: a killed run never leaves half an output. */
function writeAtomically(target: string, text: string, replace: boolean): void {
  mkdirSync(dirname(target), { recursive: true });
  if (!replace && existsSync(target)) throw new Error(`not written: ${target} already exists (--force replaces it)`);
  const temporary = `${target}.${process.pid}.partial`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
}

class Writer {
  private stream: WriteStream | NodeJS.WriteStream | null = null;

  constructor(private readonly opts: BatchOptions) {
    if (opts.jsonl === '-') this.stream = process.stdout;
    else if (opts.jsonl) this.stream = createWriteStream(opts.jsonl, { flags: opts.resume ? 'a' : 'w' });
  }

  /** Writes one outcome; returns why it could not be written, if it could not. */
  write(input: PageInput, outcome: Outcome): string | null {
    if (this.opts.jsonl) {
      const line = outcome.status === 'cleaned' ? outcome.output! : JSON.stringify({ id: input.id, url: input.url ?? null, error: outcome.status, message: outcome.message });
      this.stream!.write(`${line}\n`);
    } else if (outcome.status !== 'cleaned') return null;
    else if (this.opts.outDir) {
      try {
        writeAtomically(outTarget(this.opts.outDir, input, this.opts.extension), outcome.output!, this.opts.force || this.opts.resume);
      } catch (err) {
        return (err as Error).message;
      }
    } else process.stdout.write(outcome.output!);
    return null;
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
 * One page cleaned in this thread: no worker to start, its time limit checked between steps.
 * A page nested too deep for this thread's stack is cleaned again on a worker, whose stack is deeper.
 */
async function inProcessRunner(timeoutMs: number, onWorker: () => PageRunner): Promise<PageRunner> {
  const { handleJob } = await import('./clean-job');
  const { nodeSanitizer } = await import('./node-dom');
  nodeSanitizer(); // loading jsdom is not part of the page's time
  let worker: PageRunner | null = null;
  return {
    async run(job: WorkerJob) {
      const outcome = await handleJob(job, performance.now() + timeoutMs);
      if (outcome.status === 'failed' && /call stack/i.test(outcome.message ?? '')) return (worker ??= onWorker()).run(job);
      return outcome.status === 'timed-out' ? { ...outcome, message: timedOutMessage(timeoutMs) } : outcome;
    },
    close: async () => worker?.close(),
  };
}

/**
 * Cleans every input on a pool of workers (or in this thread, for one page) and writes the
 * results in input order. Returns how each page ended.
 */
export async function runBatch(opts: BatchOptions): Promise<BatchResult> {
  const tally: Tally = { cleaned: 0, 'no-article': 0, refused: 0, 'timed-out': 0, failed: 0 };
  const started = performance.now();
  const pool = () => new WorkerPool({ size: opts.jobs, timeoutMs: opts.timeoutMs, recycleAfter: RECYCLE_AFTER, heapMb: WORKER_HEAP_MB, workerScript: opts.workerScript });
  const runner = opts.inProcess ? await inProcessRunner(opts.timeoutMs, pool) : pool();
  const alreadyWritten = resumeFrom(opts); // before the writer appends to what it trims
  const writer = new Writer(opts);
  const bar = progressBar(opts);
  let skipped = 0;

  const inputs = new Map<number, PageInput>();
  const finished = new Map<number, Outcome>();
  let next = 0;
  const flush = () => {
    for (let o = finished.get(next); o; o = finished.get(next)) {
      const input = inputs.get(next)!;
      const unwritten = writer.write(input, o);
      const outcome: Outcome = unwritten ? { ...o, status: 'failed', message: unwritten } : o;
      tally[outcome.status]++;
      if (outcome.status !== 'cleaned') process.stderr.write(`${bar ? '\n' : ''}jingdu: ${input.id}: ${outcome.message}\n`);
      finished.delete(next);
      inputs.delete(next);
      next++;
      const seconds = (performance.now() - started) / 1000;
      bar?.update(next, { rate: (next / seconds).toFixed(1), failed: next - tally.cleaned });
    }
  };

  const inFlight = new Set<Promise<void>>();
  let seq = 0;
  let position = -1; // among this shard's inputs
  let index = -1; // among all inputs
  try {
    for await (const input of readInputs(opts.sources)) {
      index++;
      if (opts.shard && index % opts.shard.count !== opts.shard.index) continue;
      position++;
      if (opts.url && input.path) input.url = opts.url;
      if (alreadyWritten(input, position) || (opts.resume && opts.outDir && existsSync(outTarget(opts.outDir, input, opts.extension)))) {
        skipped++;
        continue;
      }
      const job = { seq: seq++, input, options: opts.job };
      inputs.set(job.seq, input);
      if (bar && !opts.total) bar.setTotal(seq);
      const running = runner.run(job).then((outcome) => {
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
    await runner.close();
    await writer.close();
  }
  return { tally, skipped, seconds: (performance.now() - started) / 1000 };
}

export function summaryLine({ tally, skipped, seconds }: BatchResult): string {
  const pages = Object.values(tally).reduce((a, b) => a + b, 0);
  const rate = seconds > 0 ? pages / seconds : 0;
  return (
    `jingdu: ${pages} page${pages === 1 ? '' : 's'}: ${tally.cleaned} cleaned, ${tally['no-article']} no article, ${tally.refused} refused, ` +
    `${tally['timed-out']} timed out, ${tally.failed} failed${skipped ? `, ${skipped} skipped as already done (--resume)` : ''} · ${rate.toFixed(1)} pages/s`
  );
}
