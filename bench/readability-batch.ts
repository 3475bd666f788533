/**
 * The peer for batch throughput: plain Readability on jsdom, one process, every page of a
 * folder, written as a corpus builder would (each window closed, the event loop let turn
 * so jsdom can free it). Usage: node --import tsx bench/readability-batch.ts DIR
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { Readability } from '@mozilla/readability';
import { decode } from '../cli/encoding';
import { parseHtml } from '../cli/node-dom';

const dir = process.argv[2]!;
let cleaned = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.html'))) {
  const doc = parseHtml(decode(readFileSync(join(dir, f))).text, 'https://bench.example/', 'jsdom');
  if (new Readability(doc).parse()) cleaned++;
  doc.defaultView?.close();
  await turn();
}
process.stdout.write(`${cleaned}\n`);
