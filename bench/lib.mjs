// Benchmark helpers: every figure is reported as a ratio to a baseline measured
// in the same run, so a slow or busy machine shifts both alike.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/tusoi.js', import.meta.url));

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Wall time of one process run, in milliseconds. */
export function timeProcess(args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== (options.expectStatus ?? 0)) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

/**
 * CPU time (user + system) of one process run, in milliseconds, from the
 * shell's `times` after it exits. Unlike wall time it hardly moves when other
 * jobs share the machine, so start-up ratios stay readable on a busy one.
 */
export function cpuOfProcess(args, options = {}) {
  const r = spawnSync('bash', ['-c', '"$0" "$@" >/dev/null 2>&1; s=$?; times; exit $s', process.execPath, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
  });
  if (r.status !== (options.expectStatus ?? 0)) throw new Error(`${args.join(' ')} exited ${r.status}`);
  const children = r.stdout.trim().split('\n')[1] ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return (secs[0] + secs[1]) * 1000;
}

/** As `interleaved`, with CPU time instead of wall time. */
export function interleavedCpu(commands, runs) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of Object.entries(commands)) times[k].push(cpuOfProcess(c.args, c));
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

/**
 * Runs several commands round-robin, `runs` times each, so that drift in the
 * machine's load affects them all alike. Returns the median of each.
 */
export function interleaved(commands, runs) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const [k, c] of Object.entries(commands)) timeProcess(c.args, c); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of Object.entries(commands)) times[k].push(timeProcess(c.args, c));
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

export function row(figure, value, unit, baseline, baselineName, ratio, target, pass) {
  return { figure, value, unit, baseline, baselineName, ratio, target, pass };
}

export function printTable(rows, out = process.stdout) {
  const head = ['figure', 'measured', 'baseline', 'ratio', 'target', 'result'];
  const body = rows.map((r) => [
    r.figure,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline === undefined ? '—' : `${fmt(r.baseline)} ms (${r.baselineName})`,
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  out.write(`${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${body.map(line).join('\n')}\n`);
}

function fmt(n) {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}
