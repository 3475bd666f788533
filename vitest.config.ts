import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // A safety net only, for a run that hangs: set for a busy 2-core machine, it never decides a result.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    include: ['tests/**/*.test.ts'],
    // One process per test file: tests/helpers/linear.ts reads this process's CPU time, which threads would share.
    pool: 'forks',
    // Vitest would use cores − 1 (one, on two cores); the files are independent, so use both.
    maxWorkers: 2,
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/global-setup.ts'],
  },
});
