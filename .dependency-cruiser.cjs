/**
 * Module boundaries (../shared/design/architecture.md §2.2), checked on the
 * compiled code in dist/ (what Node really loads; TypeScript 7 has no
 * compiler API for the checker to read the sources with), from the entry point,
 * so a stale file left in dist/ by a deleted source is not checked. Type-only
 * imports are gone from compiled code: test/architecture.test.ts checks those
 * on the sources. `npm test` runs it
 * through test/architecture.test.ts; `npx depcruise dist -c .dependency-cruiser.cjs`
 * runs it alone on all of dist/. Heavy libraries are loaded with `const require =
 * createRequire(import.meta.url); require('x')`, a form the checker sees.
 */
const CORE = '^dist/(questionnaire|interview|summary|exchange|report|text|i18n|privacy)/';

/** A library only the given modules may load. */
const only = (name, lib, allowed) => ({
  name,
  severity: 'error',
  comment: `${lib} is loaded by ${allowed} alone: start-up time, and one place to change when it changes.`,
  from: { pathNot: allowed },
  to: { path: `^(node_modules/)?${lib}(/|$)`, dependencyTypesNot: ['type-only'] },
});

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Import cycles make load order and lazy loading fragile.', from: {}, to: { circular: true } },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      comment: 'cli/ is a front end: the services and the core never know about argv, terminals or exit codes.',
      from: { path: '^dist/', pathNot: '^dist/cli/' },
      to: { path: '^dist/cli/' },
    },
    {
      name: 'commands-do-not-import-commands',
      severity: 'error',
      comment: 'A piece two commands share belongs in the module it is about (services/, cli/…), not in another command.',
      from: { path: '^dist/cli/commands/([^/]+)\\.js$' },
      to: { path: '^dist/cli/commands/', pathNot: '^dist/cli/commands/$1\\.js$' },
    },
    {
      name: 'nothing-imports-the-entry',
      severity: 'error',
      comment: 'main.js and program.js are the entry: a command that needs to run another gets the runner in its context.',
      from: { path: '^dist/', pathNot: '^dist/cli/main\\.js$' },
      to: { path: '^dist/cli/(main|program)\\.js$' },
    },
    {
      name: 'core-uses-no-services-or-store',
      severity: 'error',
      comment: 'The core is pure: the store and the use cases come to it, never the other way.',
      from: { path: CORE },
      to: { path: '^dist/(services|store|demo)/' },
    },
    {
      name: 'store-uses-no-services',
      severity: 'error',
      comment: 'store/ holds SQL and nothing above it.',
      from: { path: '^dist/store/' },
      to: { path: '^dist/(services|demo)/' },
    },
    {
      name: 'pure-core-no-fs',
      severity: 'error',
      comment: 'Only loaders and readers touch the disk (questionnaire/: load, files, and known, which reads the build’s table); parsing, deciding and rendering take bytes or text.',
      from: { path: '^dist/(interview|summary|report|text|i18n|exchange|privacy)/|^dist/questionnaire/(?!(load|files|known)\\.js)' },
      // files/ is the bounded reader, fs by another name.
      to: { path: '^(node:)?(fs|child_process|os|process|worker_threads)(/|$)|^dist/files/' },
    },
    {
      name: 'files-is-a-leaf',
      severity: 'error',
      comment: 'files/ reads bytes for the loaders (questionnaire/load, services, cli) and knows nothing above it.',
      from: { path: '^dist/files/' },
      to: { path: '^dist/', pathNot: '^dist/(files/|errors\\.js$)' },
    },
    {
      name: 'interview-does-not-store',
      severity: 'error',
      comment: 'The interview engine is reached by the store through hooks.',
      from: { path: '^dist/interview/' },
      to: { path: '^dist/store/' },
    },
    only('only-store-loads-sqlite', 'better-sqlite3', '^dist/store/db\\.js$'),
    only('only-parse-loads-yaml', 'yaml', '^dist/questionnaire/parse\\.js$'),
    only('only-program-loads-commander', 'commander', '^dist/cli/program\\.js$'),
    only('only-style-loads-chalk', 'chalk', '^dist/cli/style\\.js$'),
    // level-prompt and text-prompt: prompts of our own on @inquirer/core, loaded through prompts.js alone.
    only('only-prompts-load-inquirer', '@inquirer/[^/]+', '^dist/cli/(prompts|level-prompt|text-prompt)\\.js$'),
    only('only-exchange-reads-csv', '(csv-parse|csv-stringify)', '^dist/exchange/'),
    {
      name: 'no-dev-dependencies',
      severity: 'error',
      comment: 'What dist/ loads must be installed for users too.',
      from: { path: '^dist/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'Every import resolves.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The test's tree of broken modules links node_modules in; keep its paths as they are.
    preserveSymlinks: true,
    // Resolve packages as Node does (`csv-stringify/sync` is an `exports` subpath).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    // `require` as well as `import` and `import()`: how the heavy libraries are loaded.
    moduleSystems: ['es6', 'cjs'],
    tsPreCompilationDeps: false,
  },
};
