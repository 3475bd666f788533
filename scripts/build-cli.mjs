#!/usr/bin/env node
// Compiles the TypeScript CLI (cli/, lib/) into dist/cli once, at install time, so `jingdu`
// starts without compiling anything. Dependencies stay in node_modules (not bundled).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export async function buildCli() {
  rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'cli/main.ts', worker: 'cli/worker.ts' },
    outdir: 'dist/cli',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await buildCli();
