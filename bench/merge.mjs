// Merging N generated cell exports: files per second, peak RSS, and the ratio
// to the sqlite3 shell `.import`ing the same rows (the floor: read and parse
// every file into one table, one transaction), measured in the same run.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, row, ROOT } from './lib.mjs';

async function generate(dir, count) {
  const { loadQuestionnaireFile, bundledQuestionnaireFile } = await import(`${ROOT}/dist/questionnaire/load.js`);
  const { generateCellExports } = await import(`${ROOT}/dist/demo/generate.js`);
  const q = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii')).questionnaire;
  mkdirSync(dir, { recursive: true });
  for (const c of generateCellExports(q, { count, seed: 1, roundLabel: '2026' })) writeFileSync(join(dir, c.fileName), c.csv);
}

/** Runs a command, sampling its peak RSS (VmHWM, Linux) until it exits. */
function runMeasured(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ['pipe', 'ignore', 'pipe'], ...options });
    let peakKb = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    if (options.input) child.stdin.end(options.input);
    else child.stdin.end();
    const timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // gone
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, peakMb: peakKb / 1024 });
    });
  });
}

async function mergeOnce(dir) {
  const work = mkdtempSync(join(tmpdir(), 'tusoi-bench-merge-'));
  const db = join(work, 'khoi.sqlite');
  const cli = (args) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { stdio: 'ignore' });
  cli(['init', '--unit-code', 'DUK', '--unit-name', 'Đảng ủy Khối', '--level', 'khoi']);
  cli(['round', 'open', '--label', '2026']);
  const r = await runMeasured(process.execPath, [BIN, '--db', db, 'merge', dir], { env: { ...process.env, NO_COLOR: '1' } });
  rmSync(work, { recursive: true, force: true });
  return r;
}

async function sqliteOnce(dir) {
  const which = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) return undefined;
  const work = mkdtempSync(join(tmpdir(), 'tusoi-bench-sqlite-'));
  const header = readFileSync(join(dir, readdirSync(dir)[0]), 'utf8').split('\r\n')[0].replace(/^\uFEFF/, '').split(',');
  const script = [
    `CREATE TABLE t(${header.map((h, i) => `c${i}`).join(',')});`,
    '.mode csv',
    'BEGIN;',
    ...readdirSync(dir).map((f) => `.import --skip 1 '${join(dir, f)}' t`),
    'COMMIT;',
  ].join('\n');
  const r = await runMeasured('sqlite3', [join(work, 's.db')], { input: script });
  rmSync(work, { recursive: true, force: true });
  return r;
}

export async function mergeBench({ quick }) {
  const sizes = quick ? [200, 1000] : [1000, 3000, 10000];
  // The cache is keyed by the file layout, so a change of columns never reuses stale files.
  const { headerFor } = await import(`${ROOT}/dist/exchange/columns.js`);
  const layout = createHash('sha256').update(headerFor(['khong', 'thinh-thoang', 'thuong-xuyen']).join(',')).digest('hex').slice(0, 8);
  const cache = join(tmpdir(), `tusoi-bench-exports-${layout}`);
  const rows = [];
  const results = [];
  for (const n of sizes) {
    const dir = join(cache, String(n));
    if (!existsSync(dir) || readdirSync(dir).length !== n) {
      rmSync(dir, { recursive: true, force: true });
      process.stderr.write(`generating ${n} cell exports…\n`);
      await generate(dir, n);
    }
    const ours = await mergeOnce(dir);
    const shell = await sqliteOnce(dir);
    results.push({ n, ours, shell });
  }
  const big = results.at(-1);
  const perSecond = (big.n / big.ours.ms) * 1000;
  if (big.shell) {
    const ratio = big.ours.ms / big.shell.ms;
    rows.push(row(`merge ${big.n} exports (sqlite3 .import = baseline)`, big.ours.ms, 'ms', big.shell.ms, 'sqlite3 .import', ratio, '≤ 1.50×', ratio <= 1.5));
  } else {
    rows.push(row(`merge ${big.n} exports (sqlite3 not installed: apt-get install sqlite3)`, big.ours.ms, 'ms', undefined, '', undefined, '≤ 1.50×', false));
  }
  rows.push(row(`merge ${big.n} exports: files per second`, perSecond, 'files/s', undefined, '', undefined, '≥ 2000/s', perSecond >= 2000));
  const small = results[0];
  const flat = big.ours.peakMb <= small.ours.peakMb * 1.5;
  rows.push(row(`merge ${big.n} exports: peak RSS (at ${small.n}: ${small.ours.peakMb.toFixed(0)} MB)`, big.ours.peakMb, 'MB', undefined, '', undefined, '< 200 MB, flat', big.ours.peakMb < 200 && flat));
  for (const r of results) {
    rows.push(
      row(
        `  merge ${r.n}: ${((r.n / r.ours.ms) * 1000).toFixed(0)} files/s, ${r.ours.peakMb.toFixed(0)} MB${r.shell ? `; sqlite3 ${((r.n / r.shell.ms) * 1000).toFixed(0)} files/s` : ''}`,
        r.ours.ms,
        'ms',
        r.shell?.ms,
        'sqlite3 .import',
        r.shell ? r.ours.ms / r.shell.ms : undefined,
        'info',
        true,
      ),
    );
  }
  return rows;
}
