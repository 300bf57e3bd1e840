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
  },
});
