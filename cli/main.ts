import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { METADATA_LINES } from '../lib/article/body';
import { isVariant } from '../lib/convert/variants';
import { type ExportFormat, FORMAT_INFO } from '../lib/export/formats';
import { ALL_RULES } from '../lib/rules';
import { runBatch, summaryLine } from './batch';
import { expandArguments } from './inputs';

const USAGE = `usage: jingdu clean INPUT... [options]

Cleans scraped Chinese articles (.txt) and saved pages (.html) into clean articles.
INPUT is a file, a folder (read recursively), a glob, a WARC or WARC.gz file (one
result per HTML response), or - for JSON Lines on stdin ({"id","url","html"} or
{"id","url","text"} per line).

options:
  --format json|md|txt|html   output format (default: json)
  --out DIR                   write <input-name>.<ext> into DIR
  --jsonl FILE                write one JSON object per line (the article with the
                              input's id and url) to FILE, or - for stdout; the
                              default output for - inputs
  (neither)                   print each result to stdout
  --resume                    skip inputs already in --out DIR or --jsonl FILE
  --jobs N                    pages cleaned in parallel (default: the number of cores)
  --timeout SECONDS           time limit per page; a page past it is reported and
                              skipped (default: 30)
  --quiet                     no progress bar and no summary
  --url URL                   the page's address, for HTML inputs (links, template hints)
  --disable RULE[,RULE]       switch cleanup rules off (e.g. punctuation,pinyin)
  --all-posts                 Discuz!: keep every post by the thread starter
  --merge-pages               append the article's later pages, saved beside it
                              (the pager's links: name_2.html, ?page=2 …)
  --script cn|t|twp|hk|tw     convert the output: 简体, 繁體, 臺灣正體 (with Taiwan
                              phrases), 香港繁體, 臺灣字形 (default: as written)
  -h, --help                  show this help

Exit status: 0 when every input was cleaned, 1 when some were not, 2 on bad usage.`;

const RULE_IDS = [...ALL_RULES.map((r) => r.id), METADATA_LINES];

function fail(message: string): never {
  process.stderr.write(`jingdu: ${message}\n`);
  process.exit(2);
}

function positiveNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} needs a positive number, not '${value}'`);
  return n;
}

function ruleList(value: string | undefined): string[] | undefined {
  const ids = value?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids?.filter((id) => !RULE_IDS.includes(id)) ?? [];
  if (unknown.length) fail(`unknown rule ${unknown.map((id) => `'${id}'`).join(', ')} (rules: ${RULE_IDS.join(', ')})`);
  return ids;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      jsonl: { type: 'string' },
      resume: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      url: { type: 'string' },
      disable: { type: 'string' },
      'all-posts': { type: 'boolean', default: false },
      'merge-pages': { type: 'boolean', default: false },
      script: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...args] = positionals;
  if (command !== 'clean') fail(`unknown command ${command ? `'${command}'` : '(none)'}\n\n${USAGE}`);
  if (args.length === 0) fail(`no inputs\n\n${USAGE}`);
  const format = values.format as ExportFormat;
  if (!(format in FORMAT_INFO)) fail(`unknown format '${format}' (use json, md, txt or html)`);
  const script = values.script;
  if (script !== undefined && (!isVariant(script) || script === 'original')) fail(`unknown script '${script}' (use cn, t, twp, hk or tw)`);
  if (values.out && values.jsonl) fail('choose one of --out and --jsonl');
  if (values.resume && !values.out && (!values.jsonl || values.jsonl === '-')) fail('--resume needs --out DIR or --jsonl FILE');
  const disabledRules = ruleList(values.disable);
  const timeoutMs = positiveNumber(values.timeout, 'timeout', 30) * 1000;

  const sources = await expandArguments(args);
  const streamed = sources.some((s) => s === '-' || /\.warc(\.gz)?$/i.test(s));
  const total = streamed ? null : sources.length;
  const jobs = Math.floor(positiveNumber(values.jobs, 'jobs', Math.min(availableParallelism(), total ?? Infinity)));
  const jsonl = values.jsonl ?? (sources.includes('-') && !values.out ? '-' : undefined);
  if (values.out) mkdirSync(values.out, { recursive: true });
  const showProgress = !values.quiet && !!process.stderr.isTTY;

  const { tally, seconds } = await runBatch({
    sources,
    job: {
      clean: { disabledRules, allPostsByStarter: values['all-posts'], mergePages: values['merge-pages'] },
      format,
      script,
      jsonl: !!jsonl,
    },
    jobs,
    timeoutMs,
    outDir: values.out,
    url: values.url,
    jsonl,
    resume: values.resume,
    total,
    progress: showProgress,
  });
  const pages = Object.values(tally).reduce((a, b) => a + b, 0);
  if (!values.quiet && (pages > 1 || values.out || jsonl)) process.stderr.write(`${summaryLine(tally, seconds)}\n`);
  return pages === tally.cleaned ? 0 : 1;
}
