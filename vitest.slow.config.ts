import { configDefaults, defineConfig } from 'vitest/config';
import { shared } from './vitest.shared.js';

// `npm run test:slow`: the other pty flows, multi-process races, SIGKILL loops and the longer reliability cases.
export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.slow.test.ts'],
    exclude: [...configDefaults.exclude, 'test/browser/**', 'test/pack/**', 'test/root/**'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
