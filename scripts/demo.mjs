#!/usr/bin/env node
// The product in one command: build the extension (or reuse a build that is up to date), clean
// the five real seed pages with the CLI (JSON + Markdown into out/demo), score them against
// ../shared/golden, and with --open start Chromium with the extension on a demo page.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const seeds = join(root, '..', 'shared', 'seeds');
const extension = join(root, '.output', 'chrome-mv3');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** The build is up to date when nothing it is made of changed after it. */
function buildIsCurrent() {
  const manifest = join(extension, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const sources = ['entrypoints', 'lib', 'platform', 'public', 'wxt.config.ts', 'package-lock.json'].map((p) => newest(join(root, p)));
  return Math.max(...sources) < statSync(manifest).mtimeMs;
}

if (buildIsCurrent()) console.log('The extension build in .output/chrome-mv3 is up to date: reusing it.');
else run('npx', ['wxt', 'build']);
console.log('\nExtension built: load .output/chrome-mv3 in chrome://extensions (Developer mode → Load unpacked).\n');

if (!existsSync(seeds)) {
  console.log(`\nThe shared folder is missing (${join('..', 'shared')} beside this repository): the seed pages are not cleaned or scored.`);
} else {
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f));
  run('node', ['bin/jingdu.mjs', 'clean', ...files, '--format', 'json', '--out', 'out/demo', '--force']);
  run('node', ['bin/jingdu.mjs', 'clean', ...files, '--format', 'md', '--out', 'out/demo', '--force']);
  console.log('\nCleaned seeds are in out/demo (.json and .md). Scored against ../shared/golden:');
  run('python3', ['../shared/tools/score.py', '../shared/golden', 'out/demo']);
}
const fixtures = join(root, 'tests', 'fixtures');
run('node', ['bin/jingdu.mjs', 'clean', ...readdirSync(fixtures).filter((f) => f.endsWith('.html')).map((f) => join(fixtures, f)), '--format', 'md', '--out', 'out/demo/pages', '--force']);

if (process.argv.includes('--open')) await openChromium();

async function openChromium() {
  const browser = process.env.CHROMIUM_PATH ?? 'chromium';
  const args = [`--user-data-dir=${mkdtempSync(join(tmpdir(), 'jingdu-demo-'))}`, '--no-first-run', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`];
  // Chromium refuses to start as root unless its sandbox is switched off.
  if (process.getuid?.() === 0) {
    args.push('--no-sandbox');
    console.log('Running as root: Chromium is started with --no-sandbox, which it needs then.');
  }
  args.push(`file://${fixtures}/discuz--party-members-thread.html`);
  const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Say "opened" only once the browser has stayed up: a missing binary or no display ends it at once.
  const died = await new Promise((resolve) => {
    child.once('error', (err) => resolve(err.code === 'ENOENT' ? 'not installed' : err.message));
    child.once('exit', (code) => resolve(`exited with code ${code}`));
    setTimeout(() => resolve(null), 3000);
  });
  if (!died) {
    child.stderr.destroy();
    child.unref();
    console.log('Chromium opened on a demo page. The 净读 button is behind the puzzle-piece (Extensions) icon right of the address bar: pin it there, then click it.');
    return;
  }
  const why = /Missing X server|cannot open display|ozone/i.test(stderr)
    ? 'there is no display here (run it in a desktop session, or set DISPLAY)'
    : died === 'not installed'
      ? `${browser} is not installed (apt-get install chromium, or set CHROMIUM_PATH)`
      : `${died}: ${stderr.trim().split('\n').at(-1) ?? ''}`;
  console.error(`Chromium did not start: ${why}.`);
  process.exitCode = 1;
}
