import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { METADATA_LINES } from '../lib/article/body';
import { isVariant } from '../lib/convert/variants';
import { type ExportFormat, FORMAT_INFO } from '../lib/export/format-info';
import { ALL_RULES } from '../lib/rules';
import type { SiteRule } from '../lib/site-rules/schema';
import { expandArguments, isStreamed } from './inputs';
import { loadRules } from './rule-files';
import { checkOutputs, checkTargets } from './outputs';
import { UsageError } from './usage-error';

const USAGE = `usage: jingdu clean INPUT... [options]
       jingdu rules test RULES PAGES...

Cleans scraped Chinese articles (.txt) and saved pages (.html) into clean articles.
INPUT is a file, a folder (read recursively), a glob, a WARC or WARC.gz file (one
result per HTML response), or - for JSON Lines on stdin ({"id","url","html"} or
{"id","url","text"} per line).

options:
  --format json|md|txt|html   output format (default: json)
  --out DIR                   write each result into DIR, mirroring the inputs' folders
                              (a/x.html → DIR/a/x.json); records are named by their id
  --jsonl FILE                write one JSON object per line (the article with the
                              input's id and url) to FILE, or - for stdout; the
                              default output for - inputs
  (neither)                   print each result to stdout
  --resume                    skip inputs already in --out DIR or --jsonl FILE (a line
                              a killed run left half-written is dropped first)
  --shard I/N                 clean only every N-th input, starting with the I-th
                              (0 ≤ I < N; files in the order given, folders sorted,
                              records of JSON Lines and WARC by position): N tasks
                              given the same inputs cover them exactly once; with
                              --jsonl and --resume a task continues after its last line
  --force                     replace outputs that exist (never done otherwise)
  --jobs N                    pages cleaned in parallel (default: the number of cores)
  --timeout SECONDS           time limit per page; a page past it is reported and
                              skipped (default: 30)
  --quiet                     no progress bar and no summary
  --url URL                   the page's address, for HTML inputs (links, template hints)
  --disable RULE[,RULE]       switch cleanup rules off (e.g. punctuation,pinyin)
  --all-posts                 Discuz!: keep every post by the thread starter
  --merge-pages               append the article's later pages, saved beside it
                              (the pager's links: name_2.html, ?page=2 …)
  --rules FILE|DIR            site rules to apply (JSON: one rule, an array or a rule
                              pack; .txt: ftr-site-config files); may be repeated
  --script cn|t|twp|hk|tw     convert the output: 简体, 繁體, 臺灣正體 (with Taiwan
                              phrases), 香港繁體, 臺灣字形 (default: as written)
  -h, --help                  show this help

jingdu rules test RULES PAGES... runs each rule's tests (a url with phrases the
article must or must not contain) against saved pages: files that state their
address (browsers' "saved from url" note, a canonical link, og:url), WARC files,
JSON Lines. Nothing is fetched.

Exit status: 0 when every input was cleaned, 1 when some were not (or none was
found), 2 on bad usage.`;

const RULE_IDS = [...ALL_RULES.map((r) => r.id), METADATA_LINES];
/** The compiled worker beside the compiled CLI (dist/cli/main.js and worker.js): the CLI runs only compiled. */
const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
/** Node's timers hold at most 2^31 ms; a day is more than any page needs. */
const LONGEST_TIMEOUT_S = 86_400;

/** Nothing to clean was found: one line on stderr, exit 1. */
class NoInputError extends Error {}

const OPTIONS = {
  format: { type: 'string', default: 'json' },
  out: { type: 'string' },
  jsonl: { type: 'string' },
  resume: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  jobs: { type: 'string' },
  timeout: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  url: { type: 'string' },
  disable: { type: 'string' },
  'all-posts': { type: 'boolean', default: false },
  'merge-pages': { type: 'boolean', default: false },
  script: { type: 'string' },
  rules: { type: 'string', multiple: true },
  shard: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    const option = /'(-[^' <]+)/.exec(message)?.[1] ?? 'an option';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option '${option}' (jingdu --help lists the options)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take/.test(message)) throw new UsageError(`${option} takes no value`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} needs a value (one that starts with '-' is written ${option}=VALUE)`);
    throw new UsageError(`${message.split('\n')[0]} (jingdu --help lists the options)`);
  }
}

function numberIn(value: string | undefined, name: string, fallback: number, { integer = false, max = Infinity } = {}): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max || (integer && !Number.isInteger(n))) {
    const what = integer ? 'a whole number of at least 1' : `a number of seconds above 0${max < Infinity ? ` and at most ${max}` : ''}`;
    throw new UsageError(`--${name} needs ${what}, not '${value}'`);
  }
  return n;
}

/** --shard I/N: this task's share of the inputs. */
function shardOf(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 1_000_000 || index >= count) throw new UsageError(`--shard needs I/N with 0 ≤ I < N (task I of N, as Slurm's array index), not '${value}'`);
  return { index, count };
}

function ruleList(value: string | undefined): string[] | undefined {
  const ids = value?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids?.filter((id) => !RULE_IDS.includes(id)) ?? [];
  if (unknown.length) throw new UsageError(`unknown rule ${unknown.map((id) => `'${id}'`).join(', ')} (rules: ${RULE_IDS.join(', ')})`);
  return ids;
}

/** The rules of --rules, with what was refused said on stderr (the run goes on with the rest). */
function rulesFrom(paths: string[], quiet: boolean): SiteRule[] {
  const { rules, warnings } = loadRules(paths);
  if (!quiet) for (const w of warnings) process.stderr.write(`jingdu: ${w}\n`);
  if (!rules.length) throw new UsageError(`no usable site rule in ${paths.join(', ')}`);
  return rules;
}

async function clean(args: string[], values: ReturnType<typeof parse>['values']): Promise<number> {
  if (args.length === 0) throw new UsageError('no inputs (jingdu clean INPUT...; jingdu --help for more)');
  const format = values.format as ExportFormat;
  if (!(format in FORMAT_INFO)) throw new UsageError(`unknown format '${format}' (use json, md, txt or html)`);
  const script = values.script;
  if (script !== undefined && (!isVariant(script) || script === 'original')) throw new UsageError(`unknown script '${script}' (use cn, t, twp, hk or tw)`);
  if (values.out && values.jsonl) throw new UsageError('choose one of --out and --jsonl');
  if (values.resume && values.force) throw new UsageError('choose one of --resume and --force');
  if (values.resume && !values.out && (!values.jsonl || values.jsonl === '-')) throw new UsageError('--resume needs --out DIR or --jsonl FILE');
  const disabledRules = ruleList(values.disable);
  const shard = shardOf(values.shard);
  const timeoutMs = numberIn(values.timeout, 'timeout', 30, { max: LONGEST_TIMEOUT_S }) * 1000;
  const jobsAsked = values.jobs === undefined ? undefined : numberIn(values.jobs, 'jobs', 1, { integer: true, max: 256 });
  checkOutputs(values.out, values.jsonl, values.resume, values.force);
  const siteRules = values.rules?.length ? rulesFrom(values.rules, values.quiet) : undefined;

  const { sources, empty } = await expandArguments(args);
  for (const line of empty) process.stderr.write(`jingdu: ${line}\n`);
  if (!sources.length) throw new NoInputError(args.length > 1 || empty.length !== 1 ? 'nothing to clean' : '');
  const extension = FORMAT_INFO[format].extension;
  if (values.out) checkTargets(sources, values.out, extension, values.resume, values.force);

  const streamed = sources.some(isStreamed);
  const total = streamed ? null : shard ? Math.ceil((sources.length - shard.index) / shard.count) : sources.length;
  const jobs = jobsAsked ?? Math.max(1, Math.min(availableParallelism(), total ?? Infinity));
  const jsonl = values.jsonl ?? (sources.some((s) => s.path === '-') && !values.out ? '-' : undefined);
  if (values.out) mkdirSync(values.out, { recursive: true });
  const showProgress = !values.quiet && !!process.stderr.isTTY;

  const { runBatch, summaryLine } = await import('./batch');
  const result = await runBatch({
    sources,
    job: {
      clean: { disabledRules, allPostsByStarter: values['all-posts'], mergePages: values['merge-pages'], siteRules },
      format,
      script,
      jsonl: !!jsonl,
    },
    jobs,
    timeoutMs,
    outDir: values.out,
    extension,
    url: values.url,
    jsonl,
    resume: values.resume,
    force: values.force,
    shard,
    total,
    progress: showProgress,
    // Starting workers costs more than one page: a single file is cleaned right here.
    inProcess: total === 1,
    workerScript: WORKER_SCRIPT,
  });
  const { tally } = result;
  const pages = Object.values(tally).reduce((a, b) => a + b, 0);
  if (!values.quiet && (pages > 1 || values.out || jsonl || result.skipped)) process.stderr.write(`${summaryLine(result)}\n`);
  return pages === tally.cleaned && !empty.length ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const [command, ...args] = positionals;
    if (command === 'rules') {
      if (args[0] !== 'test') throw new UsageError(`unknown rules command ${args[0] ? `'${args[0]}'` : '(none)'} (usage: jingdu rules test RULES PAGES...)`);
      const { testRules } = await import('./rules-test');
      return await testRules(args.slice(1));
    }
    if (command !== 'clean') throw new UsageError(`unknown command ${command ? `'${command}'` : '(none)'} (usage: jingdu clean INPUT... [options]; jingdu --help for more)`);
    return await clean(args, values);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`jingdu: ${err.message}\n`);
      return 2;
    }
    if (err instanceof NoInputError) {
      if (err.message) process.stderr.write(`jingdu: ${err.message}\n`);
      return 1;
    }
    // Anything else is a fault of ours: one line, and the stack only when asked for.
    process.stderr.write(`jingdu: ${(err as Error).message ?? String(err)}\n`);
    if (process.env.JINGDU_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  }
}
