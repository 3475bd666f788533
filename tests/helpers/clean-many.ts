import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');

export interface CleanedJson {
  title: string | null;
  paragraphs: string[];
  author: string | null;
  byline: string | null;
  source: string | null;
  published: string | null;
}

/**
 * Cleans `<dir>/<id>.html` for every id with one run of the CLI (its worker pool keeps
 * memory flat), and reads the JSON results back (a page the CLI refused is missing).
 */
export async function cleanMany(dir: string, ids: string[], flags: string[]): Promise<Record<string, CleanedJson>> {
  if (!ids.length) return {};
  const out = mkdtempSync(join(tmpdir(), 'jingdu-clean-'));
  const files = ids.map((id) => join(dir, `${id}.html`));
  await promisify(execFile)('node', [join(ROOT, 'bin', 'jingdu.mjs'), 'clean', ...files, ...flags, '--quiet', '--format', 'json', '--out', out], { maxBuffer: 64 << 20 }).catch(() => {
    // a page the CLI could not clean is missing below; the others were written
  });
  const results: Record<string, CleanedJson> = {};
  for (const f of readdirSync(out)) results[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(out, f), 'utf8')) as CleanedJson;
  rmSync(out, { recursive: true, force: true });
  return results;
}
