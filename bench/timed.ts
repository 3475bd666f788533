import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs a command under /usr/bin/time (Debian package time) for its peak RSS; without it, the time alone. */
export function timed(args: string[]): { seconds: number; peakMb: number | null } {
  const t = performance.now();
  const gnuTime = existsSync('/usr/bin/time');
  const r = spawnSync(gnuTime ? '/usr/bin/time' : args[0]!, gnuTime ? ['-f', 'peak-kb %M', ...args] : args.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t) / 1000;
  const kb = /peak-kb (\d+)/.exec(r.stderr ?? '')?.[1];
  return { seconds, peakMb: kb ? Math.round(Number(kb) / 1024) : null };
}
