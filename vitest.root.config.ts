import { defineConfig } from 'vitest/config';
import { shared } from './vitest.shared.js';

export default defineConfig({
  test: {
    ...shared,
    include: ['test/root/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
