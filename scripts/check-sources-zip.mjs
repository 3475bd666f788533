// The sources zip `npm run zip:firefox` writes for the add-on store's review: it must hold what
// rebuilds the add-on (`npm ci && npm run build:firefox`) and nothing a build or a test wrote.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

const dir = '.output';
const zipName = readdirSync(dir).find((f) => f.endsWith('-sources.zip'));
if (!zipName) {
  console.error('no *-sources.zip in .output: run npm run zip:firefox');
  process.exit(1);
}
// Only the names are read: the filter sees every entry and inflates none.
const names = [];
unzipSync(readFileSync(join(dir, zipName)), {
  filter: (file) => {
    names.push(file.name);
    return false;
  },
});
const needed = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'PRIVACY.md', 'public/_locales/zh_CN/messages.json', 'entrypoints/popup/main.tsx', 'lib/pipeline.ts', 'platform/settings.ts'];
const forbidden = [/^node_modules\//, /^\.output\//, /^\.wxt\//, /^out\//, /^dist\//, /^test-output\//, /^tests\/e2e\/pages\/generated\//, /\.log$/, /^\.\.\//, /^\//];
const missing = needed.filter((n) => !names.includes(n));
const extra = names.filter((n) => forbidden.some((re) => re.test(n)));
if (missing.length || extra.length) {
  if (missing.length) console.error(`${zipName} lacks: ${missing.join(', ')}`);
  if (extra.length) console.error(`${zipName} holds what a build or test wrote: ${extra.slice(0, 10).join(', ')}${extra.length > 10 ? ` and ${extra.length - 10} more` : ''}`);
  process.exit(1);
}
console.log(`${zipName}: ${names.length} files, the project's sources only`);
