import { Worker } from 'node:worker_threads';
import type { CleanOptions } from '../lib/types';
import type { ExportFormat } from '../lib/export/formats';
import type { PageInput } from './clean-file';

export interface JobOptions {
  clean: CleanOptions;
  format: ExportFormat;
  script?: string;
  /** One JSON object per line, with the input's id and url, instead of the export format. */
  jsonl: boolean;
}

export interface WorkerJob {
  seq: number;
  input: PageInput;
  options: JobOptions;
}

export interface Outcome {
  seq: number;
  status: 'cleaned' | 'no-article' | 'refused' | 'timed-out' | 'failed';
  output?: string;
  summary?: string;
  message?: string;
}

/** What a page past its time limit is reported with, wherever it was cleaned. */
export const timedOutMessage = (timeoutMs: number) => `took longer than ${timeoutMs / 1000} s, skipped`;

/** Where pages are cleaned: a pool of workers, or the CLI's own thread for a single page. */
export interface PageRunner {
  run(job: WorkerJob): Promise<Outcome>;
  close(): Promise<void>;
}

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  /** A worker is replaced after this many pages: a safety net, not the way memory stays flat. */
  recycleAfter: number;
  /** Heap per worker; a page past it fails alone instead of ending the run. */
  heapMb: number;
  /** The worker's entry: the compiled dist/cli/worker.js (tests start a broken one). */
  workerScript: URL;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  pages: number;
  busy?: { job: WorkerJob; resolve: (o: Outcome) => void; timer: NodeJS.Timeout };
}

const MAX_BOOT_FAILURES = 3;

/**
 * Worker threads that clean pages in parallel. Each page has a time limit: past it the
 * worker is stopped and replaced, the page reported, and the run goes on; a worker that
 * dies (a page too large for its heap) costs that page only.
 */
/**
 * Stops a worker the pool no longer listens to. Its own error may still arrive (a script that
 * throws as it loads, on a busy machine after the pool gave up on it): a listener that ignores
 * it keeps that from becoming the whole process's uncaught exception.
 */
function retire(worker: Worker): void {
  worker.removeAllListeners();
  worker.on('error', () => undefined);
  void worker.terminate();
}

export class WorkerPool implements PageRunner {
  private slots: Slot[] = [];
  private waiting: Array<{ job: WorkerJob; resolve: (o: Outcome) => void }> = [];
  private closing = false;
  /** Workers that died before they were ready, in a row: past a few, the run stops retrying. */
  private bootFailures = 0;
  /** Why no worker can start, once that is clear. */
  private broken: string | null = null;

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  run(job: WorkerJob): Promise<Outcome> {
    return new Promise((resolve) => {
      if (this.broken) return resolve({ seq: job.seq, status: 'failed', message: this.broken });
      this.waiting.push({ job, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    // jsdom walks trees by recursion: a deep stack lets pages nested ten thousand levels through.
    const worker = new Worker(this.opts.workerScript, { resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb, stackSizeMb: 32 } });
    const slot: Slot = { worker, ready: false, pages: 0 };
    worker.on('message', (message: Outcome | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.bootFailures = 0;
        this.dispatch();
      } else this.finish(slot, message, false);
    });
    worker.on('error', (err) =>
      /memory limit/i.test(err.message) ? this.lose(slot, 'refused', 'too large to clean: it needs more memory than a worker has') : this.lose(slot, 'failed', err.message),
    );
    worker.on('exit', () => this.lose(slot, 'failed', 'the worker stopped'));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.busy || !this.waiting.length) continue;
      const { job, resolve } = this.waiting.shift()!;
      const timer = setTimeout(() => this.lose(slot, 'timed-out', timedOutMessage(this.opts.timeoutMs)), this.opts.timeoutMs);
      slot.busy = { job, resolve, timer };
      slot.worker.postMessage(job);
    }
  }

  private finish(slot: Slot, outcome: Outcome, replace: boolean): void {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    slot.pages++;
    if (replace || slot.pages >= this.opts.recycleAfter) this.replace(slot);
    busy.resolve(outcome);
    this.dispatch();
  }

  /** The worker cannot answer for its page (time limit, crash): report the page and replace it. */
  private lose(slot: Slot, status: Outcome['status'], message: string): void {
    if (this.closing || !this.slots.includes(slot)) return;
    if (!slot.ready && ++this.bootFailures >= MAX_BOOT_FAILURES) return this.giveUp(message);
    if (!slot.busy) {
      this.replace(slot);
      this.dispatch();
      return;
    }
    this.finish(slot, { seq: slot.busy.job.seq, status, message }, true);
  }

  /** Workers cannot start at all (a broken install): every page waiting fails with the reason, nothing hangs. */
  private giveUp(reason: string): void {
    this.closing = true;
    const message = `the cleaning workers could not start: ${reason}`;
    this.broken = message;
    for (const { job, resolve } of this.waiting.splice(0)) resolve({ seq: job.seq, status: 'failed', message });
    for (const slot of this.slots) {
      if (slot.busy) slot.busy.resolve({ seq: slot.busy.job.seq, status: 'failed', message });
      retire(slot.worker);
    }
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    retire(slot.worker);
    this.slots[i] = this.spawn();
  }
}
