import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { separate, shared } from './vitest.shared.js';

// `npm test`: well under two minutes on a 2-core machine. Anything heavier is a
// `*.slow.test.ts` file (`npm run test:slow`) or lives in test/browser, test/pack, test/root.
export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...separate],
    // A few cases run the compiled CLI under a pseudo-terminal: room on a shared machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // vitest's default (one worker fewer than the cores) is one worker on 2 cores; two let the
    // pseudo-terminal cases, which mostly wait on their child process, overlap the in-process ones
    // (on this 2-core machine: 54 s instead of 80 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
