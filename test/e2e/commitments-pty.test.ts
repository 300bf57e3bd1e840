/**
 * Tự sửa in a real terminal: a member makes one commitment after submitting;
 * at the next round's interview it is shown to them first and marked done.
 * Commitments are saved as soon as entered and appear in no export or report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { tempUnit } from '../support/bloc.js';
import { KEYS, runPty, type PtySession } from '../support/pty.js';

const PROMISE = 'Họp giao ban mỗi thứ Hai, nhận việc đúng hạn';

/** Answers all 111 with "không", except question `flag` with "thỉnh thoảng"; submits. */
async function answerAll(s: PtySession, flag: number): Promise<void> {
  let offset = 0;
  for (let n = 1; n <= 111; n++) {
    offset = await s.waitFor(`Câu ${n}/111`, { from: offset });
    offset = await s.waitFor('phím số', { from: offset });
    s.type(n === flag ? '2' + KEYS.enter : '1' + KEYS.enter);
    offset = await s.waitFor(`đã trả lời ${n} trên 111 câu`, { from: offset });
  }
  await s.waitFor('Xem lại trước khi nộp', { from: offset });
  s.type(KEYS.enter);
  await s.waitFor('Nộp phiếu bây giờ?', { from: offset });
  s.type('c' + KEYS.enter);
}

describe('commitments', () => {
  it('are made after submitting, saved at once, followed up at the next round, and never exported', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    const first = runPty(['--db', cell.db, 'answer', '--member', 'M001'], { cwd: cell.dir });
    await first.waitFor('(C/k)');
    first.type('c' + KEYS.enter);
    await answerAll(first, 15); // TT4.3
    await first.waitFor('Tự sửa: đồng chí đã tự nhận 1 hành vi');
    await first.waitFor('Đồng chí sẽ làm gì để khắc phục?');
    first.type(PROMISE + KEYS.enter);
    await first.waitFor('Đến khi nào?');
    first.type('30/6/2027' + KEYS.enter);
    await first.waitFor('✓ Đã lưu cam kết cho TT4.3');
    // Saved the moment it was entered: kill before anything else happens.
    first.kill('SIGKILL');
    await first.exited;
    expect(cell.query('SELECT behaviour_id AS b, action, due, outcome FROM commitment')).toEqual([
      { b: 'TT4.3', action: PROMISE, due: '30/6/2027', outcome: null },
    ]);

    // Never in an export or a report, of the cell or of the bloc it reports to.
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect((await cell.cli(['export', '--out', 'CB03.csv'])).status).toBe(0);
    expect((await cell.cli(['report', '--format', 'html', '--out', 'r.html'])).status).toBe(0);
    const bloc = await tempUnit('DU01', 'dang-uy-co-so');
    expect((await bloc.cli(['merge', join(cell.dir, 'CB03.csv')])).status).toBe(0);
    const outputs = [
      readFileSync(join(cell.dir, 'CB03.csv'), 'utf8'),
      readFileSync(join(cell.dir, 'r.html'), 'utf8'),
      (await cell.cli(['report', '--json'])).stdout,
      (await cell.cli(['report'])).stdout,
      (await bloc.cli(['report', '--json'])).stdout,
      (await bloc.cli(['report'])).stdout,
    ];
    for (const o of outputs) {
      expect(o).not.toContain('giao ban');
      expect(o).not.toContain('30/6/2027');
    }

    // The next round: the commitment is shown first, privately, and marked done.
    expect((await cell.cli(['round', 'open', '--label', '2027'])).status).toBe(0);
    const next = runPty(['--db', cell.db, 'answer', '--member', 'M001'], { cwd: cell.dir });
    await next.waitFor('(C/k)');
    next.type('c' + KEYS.enter);
    await next.waitFor('ở đợt 2026, đồng chí đã cam kết 1 việc');
    await next.waitFor(`Cam kết: ${PROMISE} (hạn: 30/6/2027)`);
    await next.waitFor('Đã thực hiện chưa?');
    next.type('1' + KEYS.enter);
    await next.waitFor('✓ Đã ghi nhận');
    await next.waitFor('Câu 1/111');
    next.kill('SIGKILL');
    await next.exited;
    expect(cell.query('SELECT outcome FROM commitment')).toEqual([{ outcome: 'done' }]);
  }, 120_000);
});
