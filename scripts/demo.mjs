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

if (!existsSync(seeds)) {
  console.log(`\nThe shared folder is missing (${join('..', 'shared')} beside this repository): the seed pages are not cleaned or scored.`);
} else {
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
  const browser = process.env.CHROMIUM_PATH ?? 'chromium';
  const child = spawn(browser, [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, `file://${fixtures}/discuz--party-members-thread.html`], { stdio: 'ignore', detached: true });
  // Say "opened" only once the browser has stayed up: a missing binary or no display ends it at once.
  const died = await new Promise((resolve) => {
    child.once('error', (err) => resolve(err.message));
    child.once('exit', (code) => resolve(`exited with code ${code}`));
    setTimeout(() => resolve(null), 3000);
  });
  if (died) {
    console.error(`Chromium did not start (${browser}: ${died}). Install it (apt-get install chromium) or set CHROMIUM_PATH; a desktop session is needed to see it.`);
    process.exitCode = 1;
  } else {
    child.unref();
    console.log('Chromium opened on a demo page: click the 净读 toolbar button.');
  }
}
