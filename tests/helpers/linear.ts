/**
 * Linear time, checked in a way a busy machine cannot fail: CPU time (this process's own,
 * not the wall clock, so other programs sharing the cores do not count) and growth within
 * one run, never a fixed number of seconds.
 */
import { expect } from 'vitest';

/** CPU milliseconds `run` takes; errors it is expected to throw are for `tolerate` to accept. */
export function cpuMs(run: () => unknown, tolerate: (err: unknown) => boolean = () => false): number {
  const start = process.cpuUsage();
  try {
    run();
  } catch (err) {
    if (!tolerate(err)) throw err;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The least of a few runs: interruptions (a collection, a page fault) only ever add time. */
export function leastCpuMs(run: () => unknown, runs: number, tolerate?: (err: unknown) => boolean): number {
  let least = Infinity;
  for (let i = 0; i < runs; i++) least = Math.min(least, cpuMs(run, tolerate));
  return least;
}

/**
 * Below this much CPU time for a megabyte nothing is worth measuring: quadratic work on a
 * megabyte takes seconds to minutes, never this little.
 */
const TOO_QUICK_TO_MATTER_MS = 30;
/**
 * Input grows 16×: linear work grows about 16×, quadratic 256×. Between 64 KB and 1 MB a
 * linear pass that allocates as it goes (a regex replace over a megabyte of short matches)
 * also leaves the caches and feeds the collector: measured 43–80× on an idle machine, up to
 * 100× beside other work. The bound sits below quadratic, at 128×.
 */
export const GROWTH = 16;
const MOST_GROWTH = 128;
const ATTEMPTS = 3;

/**
 * Asserts `run` costs about linear time in its input's size: the cost at `size` against the
 * cost at size / 16, in CPU time, in the same run. Measured again before failing, since a
 * single run can be unlucky.
 */
export function expectLinearGrowth<T>(make: (size: number) => T, run: (input: T) => unknown, size: number, tolerate?: (err: unknown) => boolean): void {
  const small = make(Math.floor(size / GROWTH));
  const large = make(size);
  // Each attempt measures both again; the least of each so far counts, since load only ever adds time.
  let ratio = Infinity;
  let largeMs = Infinity;
  let smallMs = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && ratio > MOST_GROWTH; attempt++) {
    largeMs = Math.min(largeMs, leastCpuMs(() => run(large), attempt + 1, tolerate));
    if (largeMs < TOO_QUICK_TO_MATTER_MS) return;
    smallMs = Math.min(smallMs, Math.max(leastCpuMs(() => run(small), 3, tolerate), 1));
    ratio = largeMs / smallMs;
  }
  expect(ratio, `cost grew ${ratio.toFixed(1)}× for ${GROWTH}× the input`).toBeLessThanOrEqual(MOST_GROWTH);
}

/** What ordinary input costs a pipeline: a page's fixed cost, and the cost per character past it. */
export interface Peer {
  fixedMs: number;
  perCharMs: number;
}

/**
 * Asserts `run` on a hostile input costs at most `factor` times what ordinary input of the
 * same size costs (`peer`, measured once in the same run), in CPU time. A short input is held
 * to the pipeline's fixed cost per page, so a few milliseconds of setup never decide it.
 */
export function expectLikePeer(runMs: () => number, chars: number, peer: Peer, factor: number): void {
  let ms = runMs();
  const peerMs = peer.fixedMs + peer.perCharMs * chars;
  const bound = Math.max(TOO_QUICK_TO_MATTER_MS, factor * peerMs);
  if (ms > bound) ms = Math.min(ms, runMs(), runMs());
  expect(ms, `${ms.toFixed(0)} ms CPU where same-length prose takes ${peerMs.toFixed(0)} ms`).toBeLessThanOrEqual(bound);
}
