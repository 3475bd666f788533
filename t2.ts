import { readFileSync } from 'node:fs';
import { decode } from './cli/encoding';
import { nodeSanitizer, parseHtml } from './cli/node-dom';
import { cleanDocument } from './lib/pipeline';
const f = process.argv[2]!;
const html = decode(readFileSync(f)).text;
for (const off of [[], ['trailing-chrome'], ['trailing-links'], ['boilerplate'], ['share-widget'], ['navigation'], ['metadata-lines']]) {
  const a = cleanDocument(parseHtml(html, 'https://x.example/'), 'https://x.example/', { sanitize: nodeSanitizer(), disabledRules: off });
  console.log(off, a.paragraphs.length, a.paragraphs.at(-1)?.slice(0, 30), a.captions);
}
