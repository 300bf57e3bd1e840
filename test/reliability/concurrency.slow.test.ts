/**
 * Four processes on one database at once: two members answering in their own
 * terminals, a secretary watching `status`, and `export` run again and again.
 * No "database is locked", nothing lost.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { BIN } from '../support/cli.js';
import { KEYS, runPty, type PtySession } from '../support/pty.js';
import { count } from './level.js';

const ANSWERS = count(40, 111);

async function answerAll(s: PtySession, n: number, key: string): Promise<number> {
  let offset = 0;
  let acks = 0;
  for (let i = 1; i <= n; i++) {
    offset = await s.waitFor(`Câu ${i}/111`, { from: offset });
    offset = await s.waitFor('phím số', { from: offset });
    s.type(key + KEYS.enter);
    offset = await s.waitFor(`đã trả lời ${i} trên 111 câu`, { from: offset });
    acks++;
  }
  return acks;
}

/** Runs a command in a loop until `stop`, collecting failures. */
function loop(args: string[], cwd: string, stop: () => boolean, failures: string[]): Promise<number> {
  return new Promise((resolve) => {
    let runs = 0;
    const next = () => {
      if (stop()) return resolve(runs);
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('exit', (code) => {
        runs++;
        if (code !== 0) failures.push(`${args.join(' ')} → ${code}: ${err}`);
        next();
      });
    };
    next();
  });
}

describe('four processes on one database', () => {
  it('answer, answer, status and export together: no lock errors, nothing lost', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'], round: ['--label', '2026'] });
    const start = async (member: string) => {
      const s = runPty(['--db', cell.db, 'answer', '--member', member], { cwd: cell.dir });
      await s.waitFor('(C/k)');
      s.type('c' + KEYS.enter);
      return s;
    };
    const [a, b] = await Promise.all([start('M001'), start('M002')]);
    let done = false;
    const failures: string[] = [];
    const watchers = Promise.all([
      loop(['--db', cell.db, 'status', '--json'], cell.dir, () => done, failures),
      loop(['--db', cell.db, 'export', '--out', 'x.csv'], cell.dir, () => done, failures),
    ]);
    const [acksA, acksB] = await Promise.all([answerAll(a!, ANSWERS, '2'), answerAll(b!, ANSWERS, '3')]);
    done = true;
    const [statusRuns, exportRuns] = await watchers;
    a!.kill('SIGKILL');
    b!.kill('SIGKILL');
    expect(failures).toEqual([]);
    expect(statusRuns).toBeGreaterThanOrEqual(1);
    expect(exportRuns).toBeGreaterThanOrEqual(1);
    expect(a!.text() + b!.text()).not.toMatch(/locked|busy|bận/i);
    expect([acksA, acksB]).toEqual([ANSWERS, ANSWERS]);
    expect(
      cell.query('SELECT m.code, COUNT(*) AS n, MIN(a.level) AS lo, MAX(a.level) AS hi FROM answer a JOIN response r ON r.id = a.response_id JOIN member m ON m.id = r.member_id GROUP BY m.code ORDER BY m.code'),
    ).toEqual([
      { code: 'M001', n: ANSWERS, lo: 'thinh-thoang', hi: 'thinh-thoang' },
      { code: 'M002', n: ANSWERS, lo: 'thuong-xuyen', hi: 'thuong-xuyen' },
    ]);
    expect(cell.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  }, 300_000);
});
