// Bundles the compiled CLI (dist/cli/main.js and everything it imports, each
// lazily imported command becoming its own chunk) into dist/bundle/, which
// bin/tusoi.js runs. Why: Node's ESM loader pays per module (resolve, read,
// compile); the start-up path touches ~40 of ours, the bundle a handful. The
// sources stay the truth: in-process and unit tests import them, the real
// binary and the pty tests run the bundle.
//
// Heavy libraries (better-sqlite3, the prompts, chalk, yaml, …) stay outside:
// they are loaded with createRequire at the moment they are needed, which
// esbuild leaves alone, so `tusoi --help` still never loads them.
// dist/bundle/ sits at the same depth as dist/cli/, so paths made from
// import.meta.url (the bundled questionnaires, package.json) still resolve.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * commander requires node:child_process at load time, for executable
 * subcommands tusoi never uses; loading it pulls in net, stream and more,
 * about 5 ms of every start-up. Inside commander it is replaced by a proxy
 * that loads the real module on first use, so behaviour is unchanged.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/commander/`) ? { path: 'lazy-child-process', namespace: 'tusoi-lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'tusoi-lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'dist/cli/main.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Every package stays outside except commander (every start-up needs it) and yaml (its chunk loads only
  // with the commands that read questionnaires).
  // @peculiar/x509 (serve --https only) stays outside too: its dependency tsyringe needs a Reflect shim installed before it loads.
  external: ['better-sqlite3', '@inquirer/*', 'chalk', 'csv-stringify', 'csv-stringify/*', '@peculiar/x509'],
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  // commander is CommonJS and requires node:events etc.; in ESM output
  // esbuild's require shim needs a real `require` to hand those to.
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [lazyChildProcess],
  metafile: true,
});
/**
 * Node's own modules, imported as ES modules, get an ES module facade that
 * reads every export once, getters included: for node:crypto that loads Web
 * Crypto, for node:fs its promises API, on every start-up that imports them
 * (4 ms of a 25 ms bare start on Node 24, measured on an import of node:fs and
 * node:crypto). So each such import in the output becomes a read from
 * `process.getBuiltinModule` (20.16+, 22.3+), which touches only the names
 * used. Done on the output, not with a plugin: a plugin's module would be one
 * more chunk to load per builtin. Any import of a builtin left unrewritten
 * fails the build.
 */
function builtinsFromGetBuiltinModule(code, file) {
  const out = code.replace(/^import (.+?) from "(node:[a-z_/]+)";$/gm, (whole, clause, name) => {
    const mod = `process.getBuiltinModule(${JSON.stringify(name)})`;
    const parts = [];
    let rest = clause.trim();
    const def = /^([A-Za-z_$][\w$]*)\s*(?:,\s*|$)/.exec(rest);
    if (def && !rest.startsWith('{') && !rest.startsWith('*')) {
      parts.push(`const ${def[1]} = ${mod};`);
      rest = rest.slice(def[0].length);
    }
    const ns = /^\*\s+as\s+([A-Za-z_$][\w$]*)$/.exec(rest);
    const named = /^\{([^}]*)\}$/.exec(rest);
    if (ns) parts.push(`const ${ns[1]} = ${mod};`);
    else if (named) parts.push(`const { ${named[1].split(',').map((x) => x.trim()).filter(Boolean).map((x) => x.replace(/\s+as\s+/, ': ')).join(', ')} } = ${mod};`);
    else if (rest !== '') throw new Error(`${file}: cannot rewrite ${whole}`);
    return parts.join(' ');
  });
  if (/from\s*"node:/.test(out)) throw new Error(`${file}: an import of a Node module was left as an ES module import`);
  return out;
}
for (const file of Object.keys(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  const path = `${root}${file}`;
  writeFileSync(path, builtinsFromGetBuiltinModule(readFileSync(path, 'utf8'), file));
}

// The quick help (src/cli/quick-help.ts): CommonJS on its own, required by the
// bin before anything else, so that `tusoi --help` loads one small file.
const quick = await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/quick-help.js'],
  outfile: `${outdir}/quick-help.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

// The top-level help for each language and invocation, printed once by the
// ordinary path (the program built by commander), for the bin to write as is.
const { main } = await import(`${root}dist/cli/main.js`);
const { HELP_KEYS } = await import(`${root}dist/cli/quick-help.js`);
const help = {};
for (const { key, lang, env } of HELP_KEYS) {
  let text = '';
  const stream = { write: (s) => void (text += s), isTTY: false };
  const code = await main(['--lang', lang, '--help'], { stdin: { isTTY: false }, stdout: stream, stderr: stream, env, cwd: root, now: () => new Date() });
  if (code !== 0) throw new Error(`help for ${key} exited ${code}: ${text}`);
  help[key] = text;
}
writeFileSync(`${outdir}/help.json`, JSON.stringify(help));

// The parse of each bundled questionnaire, by the sha256 of its bytes
// (src/questionnaire/known.ts): a file with the same bytes needs no YAML parser.
{
  const { bundledFiles, parseQuestionnaireBytes } = await import(`${root}dist/questionnaire/load.js`);
  const { SOURCE_PLACEHOLDER, sha256Hex } = await import(`${root}dist/questionnaire/known.js`);
  const known = {};
  for (const file of bundledFiles()) {
    const bytes = readFileSync(file);
    const parsed = parseQuestionnaireBytes(bytes, SOURCE_PLACEHOLDER);
    if (parsed.ok) known[sha256Hex(bytes)] = parsed;
  }
  writeFileSync(`${outdir}/known-questionnaires.json`, JSON.stringify(known));
}

// Which source modules each output file holds: tests read it to prove what a
// command loads (a library inlined into a chunk no longer shows as an import).
writeFileSync(`${outdir}/meta.json`, JSON.stringify({ ...result.metafile.outputs, ...quick.metafile.outputs }));
