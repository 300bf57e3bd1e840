// Refusing inputs that are not files to read: a FIFO, /dev/zero and a 600 MB sparse file given to
// `questionnaire validate`, `member import` and `merge`. Each is refused from `fstat` on the opened
// descriptor, before a byte is read, so time and peak memory should be those of start-up:
// ratios against `node -e 0` in the same run, and peak RSS against its.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, interleaved, median, ROOT, row } from './lib.mjs';

const PRELOAD = new URL('./max-rss.mjs', import.meta.url).href;

/** Peak RSS (MB) of one run of `node …args`, read from the preload's note. */
function peakMb(args, dir) {
  const note = join(dir, 'rss.txt');
  spawnSync(process.execPath, ['--import', PRELOAD, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', TUSOI_BENCH_RSS: note }, stdio: 'ignore' });
  return Number(readFileSync(note, 'utf8')) / 1024;
}

export function refusalBench(runs) {
  const dir = mkdtempSync(join(tmpdir(), 'tusoi-bench-refusals-'));
  try {
    const cli = (args) => execFileSync(process.execPath, [BIN, ...args], { cwd: dir, stdio: 'ignore' });
    const bloc = join(dir, 'bloc.sqlite');
    const cell = join(dir, 'cell.sqlite');
    cli(['--db', bloc, 'init', '--unit-code', 'DUK', '--unit-name', 'Đảng ủy Khối', '--level', 'khoi']);
    cli(['--db', bloc, 'round', 'open', '--label', '2026']);
    cli(['--db', cell, 'init', '--unit-code', 'CB01', '--unit-name', 'Chi bộ 1']);
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const sparse = join(dir, 'big.csv');
    writeFileSync(sparse, '');
    truncateSync(sparse, 600 * 1024 * 1024);
    const inputs = { FIFO: fifo, '/dev/zero': '/dev/zero', '600 MB sparse': sparse };
    const commands = {
      'questionnaire validate': (f) => [BIN, 'questionnaire', 'validate', f],
      'member import': (f) => [BIN, '--db', cell, 'member', 'import', f],
      merge: (f) => [BIN, '--db', bloc, 'merge', f],
    };
    const cases = { baseline: { args: ['-e', '0'] } };
    for (const [c, argsOf] of Object.entries(commands)) for (const [i, f] of Object.entries(inputs)) cases[`${c} ${i}`] = { args: argsOf(f), expectStatus: 1 };
    const t = interleaved(cases, runs);
    const peaks = Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, median([0, 1, 2].map(() => peakMb(c.args, dir)))]));
    const base = t.baseline;
    const rows = [row(`refusals: node -e 0 (baseline); peak RSS ${peaks.baseline.toFixed(0)} MB`, base, 'ms', base, 'node -e 0', 1, '—', true)];
    for (const k of Object.keys(cases)) {
      if (k === 'baseline') continue;
      const ratio = t[k] / base;
      const mem = peaks[k] / peaks.baseline;
      // Time: at most what validating the whole bundled questionnaire may take (2.50×); memory: at most
      // twice start-up's, nowhere near the 600 MB a read would take.
      rows.push(row(`refuse: ${k}; peak RSS ${peaks[k].toFixed(0)} MB (${mem.toFixed(2)}×)`, t[k], 'ms', base, 'node -e 0', ratio, '≤ 2.50×, RSS ≤ 2.00×', ratio <= 2.5 && mem <= 2));
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
