import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/pack/**/*.test.ts'],
    testTimeout: 900_000,
    env: { NO_COLOR: '1', TUSOI_LANG: '' },
  },
});
