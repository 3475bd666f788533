#!/usr/bin/env node
// The product in one command: build the extension, clean the five real seed pages
// with the CLI (JSON + Markdown into out/demo), score them against ../shared/golden,
// and with --open start Chromium with the extension on the fixture pages.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const seeds = join(root, '..', 'shared', 'seeds');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run('npx', ['wxt', 'build']);
console.log('\nExtension built: load .output/chrome-mv3 in chrome://extensions (Developer mode → Load unpacked).\n');

if (existsSync(seeds)) {
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f));
  run('node', ['bin/jingdu.mjs', 'clean', ...files, '--format', 'json', '--out', 'out/demo']);
  run('node', ['bin/jingdu.mjs', 'clean', ...files, '--format', 'md', '--out', 'out/demo']);
  console.log('\nCleaned seeds are in out/demo (.json and .md). Scored against ../shared/golden:');
  run('python3', ['../shared/tools/score.py', '../shared/golden', 'out/demo']);
}
const fixtures = join(root, 'tests', 'fixtures');
run('node', ['bin/jingdu.mjs', 'clean', ...readdirSync(fixtures).filter((f) => f.endsWith('.html')).map((f) => join(fixtures, f)), '--format', 'md', '--out', 'out/demo/pages']);

if (process.argv.includes('--open')) {
  const ext = join(root, '.output', 'chrome-mv3');
  spawn(process.env.CHROMIUM_PATH ?? 'chromium', [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, `file://${fixtures}/discuz--party-members-thread.html`], { stdio: 'ignore', detached: true }).unref();
  console.log('Chromium opened on a demo page: click the 净读 toolbar button.');
}
