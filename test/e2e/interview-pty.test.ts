/**
 * The real `tusoi answer` in a pseudo-terminal: keys typed as a member would,
 * the process killed with SIGKILL mid-way, resumed, finished and submitted.
 * (Ctrl+C and two members at once: interview-pty.slow.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { answerRange, startAnswer as start } from '../support/interview-pty.js';
import { KEYS } from '../support/pty.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'];

const levelFor = (n: number) => (n % 10 === 3 ? 'thinh-thoang' : n % 17 === 5 ? 'thuong-xuyen' : 'khong');

describe('tusoi answer in a real terminal', () => {
  it('survives SIGKILL: resumes at the right behaviour, keeps every acknowledged answer, finishes and submits', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    const first = await start(cell, 'nguyen van an');
    const acks = await answerRange(first, 1, 12, levelFor);
    expect(acks).toHaveLength(12);
    first.kill('SIGKILL');
    await first.exited;
    expect(cell.query<{ n: number }>('SELECT COUNT(*) AS n FROM answer')[0]!.n).toBe(12);

    const second = await start(cell, 'M001');
    await second.waitFor('Tiếp tục từ chỗ đã dừng: đã lưu 12/111 câu.');
    await second.waitFor('Câu 13/111 · TT4.1');
    await answerRange(second, 13, 111, levelFor);
    await second.waitFor('Xem lại trước khi nộp — đã trả lời 111/111 câu');
    await second.waitFor('phím số');
    second.type(KEYS.enter); // "Nộp phiếu" is first
    await second.waitFor('Nộp phiếu bây giờ?');
    second.type('c');
    second.type(KEYS.enter);
    let at = await second.waitFor('Đã nộp phiếu của Nguyễn Văn An');
    // Tự sửa: a commitment may be written for each reported behaviour; this member skips them all.
    for (;;) {
      const next = await Promise.race([
        second.waitFor('khắc phục? (Enter: bỏ qua;', { from: at }).then((i) => ['ask', i] as const),
        second.waitFor('Đã lưu 0 cam kết', { from: at }).then((i) => ['done', i] as const),
      ]);
      at = next[1];
      if (next[0] === 'done') break;
      second.type(KEYS.enter);
    }
    expect((await second.exited).exitCode).toBe(0);

    const rows = cell.query<{ b: string; level: string }>('SELECT behaviour_id AS b, level FROM answer');
    expect(rows).toHaveLength(111);
    const ids = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as {
      groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }>;
    };
    const order = ids.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
    const expected = Object.fromEntries(order.map((id, i) => [id, levelFor(i + 1)]));
    expect(Object.fromEntries(rows.map((r) => [r.b, r.level]))).toEqual(expected);
    expect(cell.query('SELECT status FROM response')).toEqual([{ status: 'submitted' }]);
    // Locked: answering again (a whole, valid paper form) is refused with what to do, and changes nothing.
    const form = join(cell.dir, 'again.csv');
    writeFileSync(form, `behaviour,level\n${order.map((id) => `${id},thuong-xuyen`).join('\n')}\n`);
    const locked = await cell.cli(['answer', '--member', 'M001', '--answers', form]);
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain('Nguyễn Văn An đã có phiếu trong đợt này');
    expect(locked.stderr).toContain('--replace');
    expect(Object.fromEntries(cell.query<{ b: string; level: string }>('SELECT behaviour_id AS b, level FROM answer').map((r) => [r.b, r.level]))).toEqual(expected);
  }, 120_000);
});
