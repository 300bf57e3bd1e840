import { defineConfig } from 'vitest/config';
import { shared } from './vitest.shared.js';

export default defineConfig({
  test: {
    ...shared,
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
