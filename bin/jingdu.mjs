#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, built by `npm ci` through scripts/build-cli.mjs). After an
// edit to cli/ or lib/ it is compiled again first (well under a second), so it never runs stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const compiled = join(root, 'dist', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : /\.tsx?$/.test(entry.name) ? statSync(path).mtimeMs : 0);
  }
  return newest;
}

const sources = ['cli', 'lib'].map((d) => join(root, d)).filter(existsSync);
if (!existsSync(compiled) || (sources.length && Math.max(...sources.map(newestSource)) > statSync(compiled).mtimeMs)) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
// A reader that stops reading (`jingdu … | head`) ends the run quietly, not with a stack trace.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(1);
});
const { main } = await import(compiled);
process.exitCode = await main(process.argv.slice(2));
