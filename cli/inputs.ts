import { type Stats, createReadStream, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { glob } from 'tinyglobby';
import { WARCParser, type WARCRecord } from 'warcio';
import { boundedLines } from './bounded-lines';
import { FileTooLargeError, LARGEST_PAGE_BYTES, type PageInput } from './clean-file';

/** What a folder holds that `clean` reads: saved pages, scraped text and web archives. */
const PAGE_FILE = /\.(html?|xhtml|shtml|txt|warc|warc\.gz)$/i;
const WARC_FILE = /\.warc(\.gz)?$/i;
const GLOB = /[*?[\]{}]/;

/** One source of inputs: a file (a page, or a WARC of many), or '-' for JSON Lines on stdin. */
export interface Source {
  path: string;
  /** Where a file's result goes under --out, without its extension: the input tree, mirrored. */
  outStem?: string;
}

export interface Expanded {
  sources: Source[];
  /** Arguments that named nothing to clean, each with the reason (one line each). */
  empty: string[];
}

export function stat(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Regular page files under a folder, sorted; FIFOs, devices and sockets are never read. */
function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (PAGE_FILE.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && stat(path)?.isFile()))) out.push(path);
  }
  return out;
}

/** The deepest folder holding every one of these files. */
function commonFolder(files: string[]): string {
  const parts = files.map((f) => dirname(resolve(f)).split(sep));
  const first = parts[0] ?? [];
  let n = first.length;
  for (const p of parts) {
    let i = 0;
    while (i < n && p[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/**
 * Output names that are a function of the input paths: each file's path below the folder
 * common to all inputs, its extension dropped, so `a/x.html` and `b/x.html` never meet.
 * Two inputs that differ only by extension (x.htm, x.html) keep theirs.
 */
function outStems(files: string[]): Map<string, string> {
  const base = commonFolder(files);
  const stems = new Map(files.map((f) => [f, relative(base, resolve(f)).replace(/\.[^./\\]+$/, '')]));
  const seen = new Map<string, number>();
  for (const stem of stems.values()) seen.set(stem, (seen.get(stem) ?? 0) + 1);
  for (const [f, stem] of stems) if (seen.get(stem)! > 1) stems.set(f, relative(base, resolve(f)));
  return stems;
}

/**
 * The command line's inputs as a list of sources, in order: files, folders (recursive,
 * sorted), globs, '-' (JSON Lines on stdin) and WARC files, which expand lazily. A folder
 * without pages and a glob matching nothing are reported, not silently skipped.
 */
export async function expandArguments(args: string[]): Promise<Expanded> {
  const paths: string[] = [];
  const empty: string[] = [];
  for (const arg of args) {
    const found = stat(arg);
    let matched: string[];
    if (arg === '-') matched = [arg];
    else if (found?.isDirectory()) {
      matched = walk(arg);
      if (!matched.length) empty.push(`${arg}: no pages in this folder (.html, .htm, .txt, .warc, .warc.gz)`);
    } else if (!found && GLOB.test(arg)) {
      matched = (await glob(arg, { onlyFiles: true, expandDirectories: false })).sort();
      if (!matched.length) empty.push(`${arg}: no file matches`);
    } else if (!found) {
      matched = [];
      empty.push(`${arg}: no such file or folder`);
    } else if (!found.isFile()) {
      matched = [];
      empty.push(`${arg}: not a regular file`);
    } else matched = [arg];
    paths.push(...matched);
  }
  const files = paths.filter((path) => !isStreamed({ path }));
  const stems = outStems(files);
  return { sources: paths.map((path) => ({ path, outStem: stems.get(path) })), empty };
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
  for await (const read of boundedLines(process.stdin, LARGEST_PAGE_BYTES)) {
    n++;
    if ('tooLong' in read) yield { id: `line ${n}`, problem: new FileTooLargeError(read.tooLong).message };
    else if (read.line.trim()) yield jsonLine(read.line, n);
  }
}

const WARC_GZ = /\.gz$/i;
/** What a WARC may hold past the lengths its records declare (headers, padding) before it is damaged. */
const WARC_SLACK_BYTES = 16 << 20;

/**
 * The inflated bytes of a WARC, cut off once they run past what the records read so far
 * declare: a gzip member that inflates to gigabytes of garbage (a decompression bomb) is
 * then a damaged file after some megabytes, not a parser holding gigabytes in memory while
 * it looks for the next record's header.
 */
function warcGuard(): { stream: Transform; allow(contentLength: number): void; passed(): number } {
  let passed = 0;
  let budget = WARC_SLACK_BYTES;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      passed += chunk.length;
      if (passed > budget) done(new Error(`more than ${WARC_SLACK_BYTES >> 20} MB that belong to no record (garbage, or a gzip member that inflates without end)`));
      else done(null, chunk);
    },
  });
  return { stream, allow: (contentLength) => void (budget = passed + Math.max(0, contentLength || 0) + WARC_SLACK_BYTES), passed: () => passed };
}

const CUT_SHORT = 'the record\'s Content-Length does not match its content (no blank line where it says the record ends): the page would be cut off or run into the next record, so it is not cleaned';
const WARCIO_CUT_SHORT = /^Content-Length Too Small/;

/**
 * The next record, and whether the one before it was cut short: warcio finds a record whose
 * declared length ends before its content (no blank line follows it) only as it looks for
 * the next one, and only logs it. This hears that log line and keeps it off the terminal.
 */
async function nextRecord(records: AsyncIterator<WARCRecord>): Promise<{ record: WARCRecord | null; cutShort: boolean }> {
  const warn = console.warn;
  let cutShort = false;
  console.warn = (...args: unknown[]) => (typeof args[0] === 'string' && WARCIO_CUT_SHORT.test(args[0]) ? void (cutShort = true) : warn(...args));
  try {
    const next = await records.next();
    return { record: next.done ? null : next.value, cutShort };
  } finally {
    console.warn = warn;
  }
}

/**
 * One input per HTML response record, with its target URI and date (gzip or not). A file
 * that holds no record, or breaks off, is reported as an input that failed, never skipped
 * in silence; a record larger than a page can be is refused without being read.
 */
async function* warcRecords(path: string): AsyncGenerator<PageInput> {
  let records = 0;
  let lastStart = -1;
  const guard = warcGuard();
  const file = createReadStream(path);
  const inflated = WARC_GZ.test(path) ? file.pipe(createGunzip()) : file;
  // A read or inflate error (a member cut off halfway) reaches the parser as the stream's error.
  for (const s of new Set([file, inflated])) s.on('error', (err: Error) => guard.stream.destroy(err));
  const parser = new WARCParser(inflated.pipe(guard.stream));
  const recordsIn = parser[Symbol.asyncIterator]();
  // Each page is given once the next record is read: only then is it known whether its declared length held all of it.
  let pending: PageInput | null = null;
  try {
    for (;;) {
      const { record, cutShort } = await nextRecord(recordsIn);
      if (pending) yield cutShort ? { id: pending.id, url: pending.url, problem: CUT_SHORT } : pending;
      pending = null;
      if (!record) break;
      lastStart = parser.offset;
      // warcio reads anything as a record; a real one starts with its version line.
      if (!/^WARC\/\d/.test(record.warcHeaders.protocol ?? '')) throw new Error(records ? 'a record does not start with WARC/1.x' : 'it does not start with WARC/1.x');
      records++;
      // Every record's declared length is room in the stream, whether it is read or skipped.
      const declared = Number(record.warcHeaders.headers.get('Content-Length') ?? 0);
      guard.allow(declared);
      if (record.warcType !== 'response') continue;
      const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
      if (!/html/i.test(contentType)) continue;
      const url = record.warcTargetURI ?? undefined;
      const id = url ?? `${path}#${record.warcHeaders.headers.get('WARC-Record-ID')}`;
      // Larger records are refused unread, as files are.
      if (declared > LARGEST_PAGE_BYTES) {
        yield { id, url, problem: new FileTooLargeError(declared).message };
        continue;
      }
      const bytes = await record.readFully(true);
      pending = { id, url, bytes, contentType, fetched: record.warcDate ?? undefined };
    }
  } catch (err) {
    if (pending) yield pending;
    yield { id: path, problem: `the WARC file is damaged or cut short after ${records} record${records === 1 ? '' : 's'}: ${(err as Error).message}` };
    return;
  }
  // The parser counts inflated bytes: so does the guard, which has seen them all.
  const size = guard.passed();
  if (records === 0 && size > 0) yield { id: path, problem: 'not a WARC file: no record could be read' };
  // The parser ends quietly where the bytes stop making records; it has then moved past the last
  // record it gave: what follows was cut off or is not WARC.
  else if (records > 0 && parser.offset !== lastStart && parser.offset < size) {
    yield { id: path, problem: `the WARC file is damaged or cut short after ${records} record${records === 1 ? '' : 's'}: its last ${size - parser.offset} bytes are no record` };
  }
}

/** Every input of every source, in order. */
export async function* readInputs(sources: Source[]): AsyncGenerator<PageInput> {
  for (const source of sources) {
    if (source.path === '-') yield* stdinRecords();
    else if (WARC_FILE.test(source.path)) yield* warcRecords(source.path);
    else yield { id: source.path, path: source.path, outStem: source.outStem };
  }
}

/** Sources whose inputs are records read as they come (stdin, WARC), not one file each. */
export function isStreamed(source: Source): boolean {
  return source.path === '-' || WARC_FILE.test(source.path);
}
