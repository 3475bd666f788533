import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { convertArticle } from '../lib/convert/article';
import { type Convert, loadConverter } from '../lib/convert/load';
import { type TargetVariant, isVariant } from '../lib/convert/variants';
import { type ExportFormat, FORMAT_INFO, exportArticle } from '../lib/export/formats';
import { useExportSanitizer } from '../lib/export/safe';
import { cleanFile } from './clean-file';
import { nodeSanitizer } from './node-dom';

const USAGE = `usage: jingdu clean FILE... [options]

Cleans scraped Chinese articles (.txt) and saved pages (.html) into clean articles.

options:
  --format json|md|txt|html   output format (default: json)
  --out DIR                   write <input-basename>.<ext> into DIR (default: print to stdout)
  --url URL                   the page's address, for HTML inputs (links, template hints)
  --disable RULE[,RULE]       switch cleanup rules off (e.g. punctuation,pinyin)
  --all-posts                 Discuz!: keep every post by the thread starter
  --merge-pages               append the article's later pages, saved beside it
                              (the pager's links: name_2.html, ?page=2 …)
  --script cn|t|twp|hk|tw     convert the output: 简体, 繁體, 臺灣正體 (with Taiwan
                              phrases), 香港繁體, 臺灣字形 (default: as written)
  -h, --help                  show this help`;

function fail(message: string): never {
  process.stderr.write(`jingdu: ${message}\n`);
  process.exit(2);
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
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
  const [command, ...files] = positionals;
  if (command !== 'clean') fail(`unknown command ${command ? `'${command}'` : '(none)'}\n\n${USAGE}`);
  if (files.length === 0) fail(`no input files\n\n${USAGE}`);
  const format = values.format as ExportFormat;
  if (!(format in FORMAT_INFO)) fail(`unknown format '${format}' (use json, md, txt or html)`);
  const script = values.script;
  if (script !== undefined && (!isVariant(script) || script === 'original')) fail(`unknown script '${script}' (use cn, t, twp, hk or tw)`);
  const convert: Convert | null = script ? await loadConverter(script as TargetVariant) : null;
  if (values.out) mkdirSync(values.out, { recursive: true });
  useExportSanitizer(nodeSanitizer());

  let failures = 0;
  for (const file of files) {
    try {
      const cleaned = await cleanFile(file, {
        url: values.url,
        disabledRules: values.disable?.split(',').map((s) => s.trim()),
        allPostsByStarter: values['all-posts'],
        mergePages: values['merge-pages'],
      });
      const article = convert ? convertArticle(cleaned, convert) : cleaned;
      const output = exportArticle(article, format);
      if (values.out) {
        const target = join(values.out, `${basename(file, extname(file))}.${FORMAT_INFO[format].extension}`);
        writeFileSync(target, output);
        process.stderr.write(`${file} → ${target} (${article.template.id}, ${article.paragraphs.length} paragraphs)\n`);
      } else process.stdout.write(output);
    } catch (err) {
      failures++;
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
      process.stderr.write(`jingdu: ${file}: ${reason}\n`);
    }
  }
  return failures ? 1 : 0;
}
