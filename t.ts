import { readFileSync } from 'node:fs';
import { decode } from './cli/encoding';
import { parseHtml } from './cli/node-dom';
import { Readability } from '@mozilla/readability';
import { toBlocks } from './lib/dom/to-blocks';
const f = process.argv[2]!;
const doc = parseHtml(decode(readFileSync(f)).text, 'https://x.example/');
const p = new Readability<Element>(doc.cloneNode(true) as Document, { charThreshold: 200, serializer: (el) => el as Element }).parse();
for (const b of toBlocks(p!.content!, { baseUrl: 'https://x.example/' })) console.log(b.kind, JSON.stringify(b.text.slice(0, 60)), b.container?.type ?? '');
