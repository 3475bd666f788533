import { createReadStream, readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { WARCParser } from 'warcio';
import type { PageInput } from './clean-file';

/** What a folder holds that `clean` reads: saved pages, scraped text and web archives. */
const PAGE_FILE = /\.(html?|xhtml|shtml|txt|warc|warc\.gz)$/i;
const WARC_FILE = /\.warc(\.gz)?$/i;
const GLOB = /[*?[\]{}]/;

/**
 * The command line's inputs as a list of sources, in order: files, folders (recursive,
 * sorted), globs, '-' (JSON Lines on stdin) and WARC files, which expand lazily.
 */
export async function expandArguments(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') out.push(arg);
    else if (isDirectory(arg)) out.push(...walk(arg));
    else if (!exists(arg) && GLOB.test(arg)) out.push(...(await glob(arg, { onlyFiles: true, expandDirectories: false })).sort());
    else out.push(arg);
  }
  return out;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (PAGE_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

/** A JSON Lines record: {"id","url","html"} or {"id","url","text"}; a bad line is an input that fails. */
function jsonLine(line: string, n: number): PageInput {
  try {
    const record = JSON.parse(line) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const id = str(record.id) ?? (typeof record.id === 'number' ? String(record.id) : undefined) ?? `line ${n}`;
    return { id, url: str(record.url), html: str(record.html), text: str(record.text) };
  } catch {
    return { id: `line ${n}`, problem: 'not a JSON object: each line must be {"id","url","html"} or {"id","url","text"}' };
  }
}

async function* stdinRecords(): AsyncGenerator<PageInput> {
  let n = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    n++;
    if (line.trim()) yield jsonLine(line, n);
  }
}

/** One input per HTML response record, with its target URI and date (gzip or not). */
async function* warcRecords(path: string): AsyncGenerator<PageInput> {
  for await (const record of new WARCParser(createReadStream(path))) {
    if (record.warcType !== 'response') continue;
    const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
    if (!/html/i.test(contentType)) continue;
    const url = record.warcTargetURI ?? undefined;
    const bytes = await record.readFully(true);
    yield { id: url ?? `${path}#${record.warcHeaders.headers.get('WARC-Record-ID')}`, url, bytes, contentType, fetched: record.warcDate ?? undefined };
  }
}

/** Every input of every source, in order. */
export async function* readInputs(sources: string[]): AsyncGenerator<PageInput> {
  for (const source of sources) {
    if (source === '-') yield* stdinRecords();
    else if (WARC_FILE.test(source)) yield* warcRecords(source);
    else yield { id: source, path: source };
  }
}
