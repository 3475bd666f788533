import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from '../cli/encoding';
import { SLURM_BINARIES, cannotRun, startSlurm } from '../tests/helpers/cluster';
import { timed } from './timed';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jingdu.mjs');
const DEV = join(ROOT, '..', 'shared', 'realpages', 'dev');

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
    // Decoded as the CLI decodes a saved page (and as npm run eval reads it).
    lines.push(JSON.stringify({ id: `r${i}`, url: `https://dev.example/${f}`, html: decode(readFileSync(join(DEV, f))).text }));
  }
  writeFileSync(corpus, `${lines.join('\n')}\n`);

  const one = timed(['/bin/sh', '-c', `exec ${process.execPath} ${BIN} clean - --jsonl ${join(dir, 'one.jsonl')} --jobs 2 --quiet < ${corpus}`]);
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
