#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the CLI and the extension share lib/ as written.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
