import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PageInput } from './clean-file';
import { type Source, isStreamed, stat } from './inputs';
import { UsageError } from './usage-error';

/** Where the results go: named from the inputs alone, checked before anything is cleaned. */

const SAFE_NAME = /[^\w.\-\u3400-\u9fff]+/g;

/**
 * The file an input's result goes to in --out, without extension: a file's path below the
 * inputs' common folder (inputs.ts), a record's id as it is when that is a safe name, else
 * made safe with a hash of the whole id, so two ids never share a file.
 */
export function outStem(input: PageInput): string {
  if (input.outStem) return input.outStem;
  const safe = input.id.replace(SAFE_NAME, '_').slice(-100) || 'page';
  if (safe === input.id) return safe;
  return `${safe}-${createHash('sha256').update(input.id).digest('hex').slice(0, 10)}`;
}

export function outTarget(outDir: string, input: PageInput, extension: string): string {
  return join(outDir, `${outStem(input)}.${extension}`);
}

function kindOf(path: string): 'folder' | 'file' | 'other' | 'missing' {
  const found = stat(path);
  return !found ? 'missing' : found.isDirectory() ? 'folder' : found.isFile() ? 'file' : 'other';
}

/** --out must be a folder (made when missing); --jsonl a file in a folder that exists. */
export function checkOutputs(out: string | undefined, jsonl: string | undefined, resume: boolean, force: boolean): void {
  if (out !== undefined) {
    const kind = kindOf(out);
    if (kind !== 'folder' && kind !== 'missing') throw new UsageError(`--out ${out}: not a folder (--out names the folder the results go into)`);
  }
  if (jsonl !== undefined && jsonl !== '-') {
    const kind = kindOf(jsonl);
    if (kind === 'folder') throw new UsageError(`--jsonl ${jsonl}: is a folder (--jsonl names a file)`);
    if (kind === 'other') throw new UsageError(`--jsonl ${jsonl}: not a regular file`);
    if (kindOf(dirname(resolve(jsonl))) !== 'folder') throw new UsageError(`--jsonl ${jsonl}: the folder ${dirname(jsonl)} does not exist`);
    if (kind === 'file' && !resume && !force && statSync(jsonl).size > 0) throw new UsageError(`--jsonl ${jsonl}: already exists (--resume continues it, --force replaces it)`);
  }
}

/**
 * Files whose result would land on an input, or on an output already there: refused before
 * anything is cleaned. Records (stdin, WARC) are checked as they are written.
 */
export function checkTargets(sources: Source[], outDir: string, extension: string, resume: boolean, force: boolean): void {
  const inputs = new Set(sources.map((s) => resolve(s.path)));
  const existing: string[] = [];
  for (const source of sources) {
    if (isStreamed(source)) continue;
    const target = outTarget(outDir, { id: source.path, path: source.path, outStem: source.outStem }, extension);
    if (inputs.has(resolve(target))) throw new UsageError(`--out ${outDir}: the result of ${source.path} would replace the input itself; choose another folder`);
    if (existsSync(target)) existing.push(target);
  }
  if (existing.length && !resume && !force) {
    const [them, s] = existing.length > 1 ? ['them', ''] : ['it', 's'];
    const more = existing.length > 1 ? ` and ${existing.length - 1} more` : '';
    throw new UsageError(`--out ${outDir}: ${existing[0]}${more} already exist${s} (--resume skips ${them}, --force replaces ${them})`);
  }
}

