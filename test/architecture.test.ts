/**
 * Module boundaries (architecture.md §2.2), checked by dependency-cruiser on
 * the compiled code (`.dependency-cruiser.cjs` holds the rules and why).
 * Every rule is also shown to fire, on a small tree of modules that breaks
 * it, so a rule that matched nothing could not pass unnoticed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { tempDir } from './support/temp.js';

const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Cruise {
  modules: Array<{ source: string; dependencies: Array<{ module: string; resolved: string; dependencyTypes: string[] }> }>;
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string }>; totalCruised: number };
}

function cruise(cwd: string): Cruise {
  // NOTE: exits non-zero on violations only with --output-type err; json always exits 0.
  return JSON.parse(execFileSync(process.execPath, [BIN, 'dist/cli/main.js', '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 })) as Cruise;
}

describe('module boundaries', () => {
  const real = cruise(ROOT);

  it('hold in the compiled code', () => {
    expect(real.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    expect(real.summary.totalCruised).toBeGreaterThan(100);
  });

  it('are checked on what really loads each heavy library, `require` through createRequire included', () => {
    const loads = real.modules.flatMap((m) => m.dependencies.filter((d) => /^(better-sqlite3|yaml|commander|chalk|@inquirer\/select)$/.test(d.module)).map((d) => `${m.source} ${d.module}`));
    expect(loads.sort()).toEqual([
      'dist/cli/program.js commander',
      'dist/cli/prompts.js @inquirer/select',
      'dist/cli/style.js chalk',
      'dist/questionnaire/parse.js yaml',
      'dist/store/db.js better-sqlite3',
    ]);
  });

  it('fire on a tree that breaks each of them', () => {
    const dir = tempDir('tusoi-deps-');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', devDependencies: { vitest: '*' } }));
    const files: Record<string, string> = {
      'cli/main.js': "import './program.js'; import '../summary/s.js'; import '../interview/e.js'; import('../services/u.js');",
      'cli/program.js': "import './commands/a.js';",
      'cli/commands/a.js': "import './b.js'; import '../main.js';",
      'cli/commands/b.js': "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); require('better-sqlite3');",
      'cli/x.js': "import 'vitest';",
      'summary/s.js': "import '../cli/x.js'; import '../store/t.js'; import { readFileSync } from 'node:fs'; import 'node:fs/promises'; import 'node:process'; import 'chalk';",
      'store/t.js': "import '../services/u.js';",
      'services/u.js': "import './v.js'; import 'yaml'; import 'commander'; import '@inquirer/select'; import 'csv-stringify/sync';",
      'services/v.js': "import './u.js'; import './missing.js';",
      'interview/e.js': "import '../store/t.js'; import '../files/r.js';",
      'files/r.js': "import '../text/t.js';",
      'text/t.js': '',
    };
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'dist', f)), { recursive: true });
      writeFileSync(join(dir, 'dist', f), `${text}\n`);
    }
    const fired = new Set(cruise(dir).summary.violations.map((v) => v.rule.name));
    const rules = [...readFileSync(CONFIG, 'utf8').matchAll(/name: '([a-z-]+)'|only\('([a-z-]+)'/g)].map((m) => m[1] ?? m[2]!);
    expect(rules.length).toBeGreaterThan(15);
    expect(rules.filter((r) => !fired.has(r))).toEqual([]);
  });
});

describe('the core and the services', () => {
  /** Sources, without comments: a comment may name `process`. */
  function code(dir: string): Array<{ path: string; text: string }> {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
    return walk(join(ROOT, 'src', dir)).map((f) => ({ path: relative(join(ROOT, 'src'), f), text: readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') }));
  }
  const core = ['questionnaire', 'interview', 'summary', 'exchange', 'report', 'text', 'i18n', 'privacy', 'services', 'store', 'demo', 'files'].flatMap(code);

  /** Every module a file names, static or dynamic, type-only included (compiled code has lost those). */
  const specifiers = (text: string) => [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  const layer = (path: string) => path.split('/')[0]!;
  const imports = (f: { path: string; text: string }) =>
    specifiers(f.text).filter((x) => x.startsWith('.')).map((x) => relative(join(ROOT, 'src'), join(ROOT, 'src', dirname(f.path), x)).replaceAll('\\', '/'));

  it('never name cli/, and the core never names the services or the store, not even for a type', () => {
    const offenders = core.flatMap((f) =>
      imports(f)
        .filter((to) => layer(to) === 'cli' || (/^(questionnaire|interview|summary|exchange|report|text|i18n|privacy)$/.test(layer(f.path)) && /^(services|store|demo)$/.test(layer(to))) || (layer(f.path) === 'store' && layer(to) === 'services'))
        .map((to) => `${f.path} → ${to}`),
    );
    expect(imports(core.find((f) => f.path === 'services/merge-files.ts')!)).toContain('store/batch.js');
    expect(offenders).toEqual([]);
  });

  it('never read the process (argv, env, cwd, exit) or the clock: both are injected', () => {
    expect(core.length).toBeGreaterThan(50);
    const offenders = core.filter((f) => /\bprocess\b|\bDate\.now\(\)|new Date\(\)/.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
