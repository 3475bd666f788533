// The peer for the CLI's start-up: one saved page through plain Readability on jsdom, as a script would do it.
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';

const doc = new JSDOM(readFileSync(process.argv[2], 'utf8'), { url: 'https://bench.example/page.html' }).window.document;
process.stdout.write(`${JSON.stringify(new Readability(doc).parse())}\n`);
