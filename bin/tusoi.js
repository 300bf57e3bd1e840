#!/usr/bin/env node
// Node's compile cache (22.1+) keeps V8's compiled code of the bundle between
// runs: the bundle is imported only after it is on, or it would not apply.
import module from 'node:module';

try {
  module.enableCompileCache?.();
} catch {
  // A cache that cannot be made (read-only temp folder) only costs speed.
}
const { run } = await import('../dist/bundle/main.js');
await run();
