import { defineConfig } from 'vitest/config';

/** Real Chromium with the built extension (.output/chrome-mv3); run after `wxt build`. */
export default defineConfig({
  test: {
    // A safety net only, for a run that hangs: set for a busy 2-core machine, it never decides a result.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
  },
});
