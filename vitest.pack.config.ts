import { defineConfig } from 'vitest/config';
import { shared } from './vitest.shared.js';

export default defineConfig({
  test: {
    ...shared,
    include: ['test/pack/**/*.test.ts'],
    testTimeout: 900_000,
  },
});
