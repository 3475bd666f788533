import { defineConfig } from 'vitest/config';

/** Real Chromium with the built extension (.output/chrome-mv3); run after `wxt build`. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
