import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { SLURM_BINARIES, cannotRun, startSlurm } from '../tests/helpers/cluster';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jingdu.mjs');
const DEV = join(ROOT, '..', 'shared', 'realpages', 'dev');

/** Peak RSS (MB) and seconds of a command run under /usr/bin/time. */
function timedRun(args: string[]): { seconds: number; peakMb: number | null } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const kb = /peak-kb (\d+)/.exec(r.stderr ?? '')?.[1];
  return { seconds: (performance.now() - t) / 1000, peakMb: kb ? Math.round(Number(kb) / 1024) : null };
}

/**
 * `records` real pages as JSON Lines, cleaned by 4 Slurm array tasks (one core each) on a
 * one-node cluster started here, against `jingdu clean --jobs 2` in one process on the same
 * file: pages/s for each, and each task's peak RSS (from /usr/bin/time inside the task).
 */
export async function slurmThroughput(records: number) {
  const why = cannotRun(SLURM_BINARIES) ?? (existsSync('/usr/bin/time') ? null : '/usr/bin/time missing (Debian package time)');
  if (why) return { skipped: why };
  const dir = mkdtempSync(join(tmpdir(), 'jingdu-bench-slurm-'));
  const pages = readdirSync(DEV).filter((f) => f.endsWith('.html')).sort();
  const corpus = join(dir, 'corpus.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < records; i++) {
    const f = pages[i % pages.length]!;
    const encoding = JSON.parse(readFileSync(join(DEV, f.replace(/\.html$/, '.json')), 'utf8')).encoding ?? 'utf-8';
    lines.push(JSON.stringify({ id: `r${i}`, url: `https://dev.example/${f}`, html: iconv.decode(readFileSync(join(DEV, f)), encoding) }));
  }
  writeFileSync(corpus, `${lines.join('\n')}\n`);

  const one = timedRun(['/bin/sh', '-c', `exec ${process.execPath} ${BIN} clean - --jsonl ${join(dir, 'one.jsonl')} --jobs 2 --quiet < ${corpus}`]);
  const slurm = await startSlurm();
  try {
    const out = join(dir, 'shards');
    // Each task runs the CLI under /usr/bin/time, which writes its peak RSS to the task's log.
    const started = performance.now();
    const job = slurm
      .run('sbatch', ['--parsable', '--array=0-3', `--output=${join(dir, 'task-%a.log')}`, '--chdir', ROOT, '--wrap',
        `mkdir -p ${out} && /usr/bin/time -f 'peak-kb %M' ${process.execPath} ${BIN} clean - --shard $SLURM_ARRAY_TASK_ID/4 --jsonl ${out}/shard-$SLURM_ARRAY_TASK_ID.jsonl --resume --quiet --jobs 1 < ${corpus}`])
      .trim();
    while (slurm.run('squeue', ['-h', '-j', job, '-o', '%i']).trim()) await new Promise((r) => setTimeout(r, 500));
    const seconds = (performance.now() - started) / 1000;
    const peaks = [0, 1, 2, 3].map((i) => Number(/peak-kb (\d+)/.exec(readFileSync(join(dir, `task-${i}.log`), 'utf8'))?.[1] ?? NaN) / 1024);
    const merged = spawnSync(join(ROOT, 'scripts', 'slurm', 'merge-shards.sh'), [out, '4'], { maxBuffer: 1 << 30 }).stdout;
    return {
      records,
      oneProcess: { seconds: one.seconds, pagesPerSecond: records / one.seconds, peakMb: one.peakMb },
      slurm: { tasks: 4, seconds, pagesPerSecond: records / seconds, peakMbPerTask: peaks.map(Math.round) },
      identical: merged.equals(readFileSync(join(dir, 'one.jsonl'))),
    };
  } finally {
    await slurm.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
