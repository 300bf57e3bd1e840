/**
 * What every vitest config shares. The suites:
 * - `npm test` (vitest.config.ts): unit, in-process and one real-binary or pty case per flow;
 * - `npm run test:slow` (vitest.slow.config.ts): files named `*.slow.test.ts`;
 * - `npm run test:browser`, `test:pack`, `test:root`: test/browser, test/pack, test/root.
 */
import type { ViteUserConfig } from 'vitest/config';

export const shared = {
  env: { NO_COLOR: '1', TUSOI_LANG: '' },
  // Removes temporary folders made in hooks (see test/support/temp.ts).
  setupFiles: ['test/support/setup.ts'],
} satisfies NonNullable<ViteUserConfig['test']>;

/** Folders and files that only their own script runs. */
export const separate = ['test/browser/**', 'test/pack/**', 'test/root/**', '**/*.slow.test.ts'];
