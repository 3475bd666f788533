import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');
/** Pages per CLI run: each run starts a fresh process, so a long folder never fills one heap. */
const CHUNK = 40;

export interface CleanedJson {
  title: string | null;
  paragraphs: string[];
  author: string | null;
  byline: string | null;
  source: string | null;
  published: string | null;
}

/**
 * Cleans `<dir>/<id>.html` for every id with the CLI, two processes at a time, and reads the
 * JSON results back (a page the CLI refused is missing from the map).
 */
export async function cleanMany(dir: string, ids: string[], flags: string[]): Promise<Record<string, CleanedJson>> {
  const out = mkdtempSync(join(tmpdir(), 'jingdu-clean-'));
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  const run = promisify(execFile);
  const cli = join(ROOT, 'bin', 'jingdu.mjs');
  const worker = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      const files = chunk.map((id) => join(dir, `${id}.html`));
      await run('node', [cli, 'clean', ...files, ...flags, '--format', 'json', '--out', out], { maxBuffer: 64 << 20 }).catch(() => {
        // a page the CLI could not clean is missing below; the others were written
      });
    }
  };
  await Promise.all([worker(), worker()]);
  const results: Record<string, CleanedJson> = {};
  for (const f of readdirSync(out)) results[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(out, f), 'utf8')) as CleanedJson;
  rmSync(out, { recursive: true, force: true });
  return results;
}
