#!/usr/bin/env node
// CommonJS (bin/package.json): a CommonJS entry starts faster than an ES
// module on every Node line, and `tusoi --help` needs nothing else.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const argv = process.argv.slice(2).map((a) => a.normalize('NFC'));
// The top-level help, stored by the build for each language and invocation
// (src/cli/quick-help.ts): written as is, without building the program.
const { quickHelpKey } = require('../dist/bundle/quick-help.cjs');
const key = quickHelpKey(argv, process.env, process.stdout);
const help = key && JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'bundle', 'help.json'), 'utf8'))[key];
if (help) {
  // `tusoi --help | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(help);
} else {
  // Node's compile cache (22.1+) keeps V8's compiled code of the bundle
  // between runs: it must be on before the bundle is imported.
  try {
    require('node:module').enableCompileCache?.();
  } catch {
    // A cache that cannot be made (read-only temp folder) only costs speed.
  }
  import('../dist/bundle/main.js').then(({ run }) => run());
}
