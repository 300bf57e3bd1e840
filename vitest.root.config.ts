import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/root/**/*.test.ts'],
    testTimeout: 120_000,
    env: { NO_COLOR: '1', TUSOI_LANG: '' },
  },
});
