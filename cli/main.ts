import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type ExportFormat, FORMAT_INFO, exportArticle } from '../lib/export/formats';
import { cleanFile } from './clean-file';

const USAGE = `usage: jingdu clean FILE... [options]

Cleans scraped Chinese articles (.txt) and saved pages (.html) into clean articles.

options:
  --format json|md|txt|html   output format (default: json)
  --out DIR                   write <input-basename>.<ext> into DIR (default: print to stdout)
  --url URL                   the page's address, for HTML inputs (links, template hints)
  --disable RULE[,RULE]       switch cleanup rules off (e.g. punctuation,pinyin)
  --all-posts                 Discuz!: keep every post by the thread starter
  -h, --help                  show this help`;

function fail(message: string): never {
  process.stderr.write(`jingdu: ${message}\n`);
  process.exit(2);
}

export function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      url: { type: 'string' },
      disable: { type: 'string' },
      'all-posts': { type: 'boolean', default: false },
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
  if (values.out) mkdirSync(values.out, { recursive: true });

  let failures = 0;
  for (const file of files) {
    try {
      const article = cleanFile(file, {
        url: values.url,
        disabledRules: values.disable?.split(',').map((s) => s.trim()),
        allPostsByStarter: values['all-posts'],
      });
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
