import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser (Chromium) and packaging tests run with `npm run test:browser` and `npm run test:pack`,
    // so that `npm test` passes on any machine in well under five minutes.
    exclude: [...configDefaults.exclude, 'test/browser/**', 'test/pack/**', 'test/root/**'],
    // e2e tests spawn the compiled CLI: give them room on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { NO_COLOR: '1', TUSOI_LANG: '' },
  },
});
