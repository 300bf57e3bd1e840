/**
 * What a run of the bundled CLI loaded, as source modules: shared by the
 * start-up tests (test/e2e/cli, test/web/serve-cli) that read the import log
 * of test/support/record-imports.mjs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/**
 * Each bundle file the import log names is expanded to the sources esbuild
 * put in it (dist/bundle/meta.json); other entries (`require:x`, node
 * builtins, files outside the bundle) stay as they are.
 */
export function loadedSources(log: string): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as Record<string, { inputs: Record<string, unknown> }>;
  return [...new Set(log.split('\n').filter(Boolean))].flatMap((entry) => {
    const m = /(?:^require:|\/)(?:\.\.\/)?(dist\/bundle\/[^/]+\.c?js)$/.exec(entry);
    return m ? Object.keys(meta[m[1]!]?.inputs ?? { [`missing:${m[1]}`]: 0 }) : [entry];
  });
}
