/**
 * The real `tusoi answer` in a pseudo-terminal: keys typed as a member would,
 * the process killed with SIGKILL mid-way, resumed, finished and submitted.
 */
import { describe, expect, it } from 'vitest';
import { tempCell, type TempCell } from '../support/cell.js';
import { KEYS, runPty, type PtySession } from '../support/pty.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'];
const LEVEL_KEY: Record<string, string> = { khong: '1', 'thinh-thoang': '2', 'thuong-xuyen': '3' };

/** Answers questions `from`..`to` (1-based, inclusive) with the level a pattern gives; returns what was acknowledged. */
async function answerRange(s: PtySession, from: number, to: number, level: (n: number) => string): Promise<string[]> {
  const acks: string[] = [];
  let offset = 0;
  for (let n = from; n <= to; n++) {
    offset = await s.waitFor(new RegExp(`Câu ${n}/111 · (\\S+)`), { from: offset });
    offset = await s.waitFor('phím số', { from: offset });
    s.type(LEVEL_KEY[level(n)]!);
    s.type(KEYS.enter);
    const ack = await s.waitFor(new RegExp(`✓ Đã lưu (\\S+): .* \\(\\d+/111\\)`), { from: offset });
    acks.push(s.text().slice(offset, ack));
    offset = ack;
  }
  return acks;
}

async function start(cell: TempCell, member: string): Promise<PtySession> {
  const s = runPty(['--db', cell.db, 'answer', '--member', member], { cwd: cell.dir });
  await s.waitFor('(C/k)');
  s.type('c');
  s.type(KEYS.enter);
  return s;
}

const levelFor = (n: number) => (n % 10 === 3 ? 'thinh-thoang' : n % 17 === 5 ? 'thuong-xuyen' : 'khong');

describe('tusoi answer in a real terminal', () => {
  it('survives SIGKILL: resumes at the right behaviour, keeps every acknowledged answer, finishes and submits', async () => {
    const cell = tempCell({ members: NAMES, round: ['--label', '2026'] });
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
        second.waitFor('khắc phục? (Enter: bỏ qua)', { from: at }).then((i) => ['ask', i] as const),
        second.waitFor('Đã lưu 0 cam kết', { from: at }).then((i) => ['done', i] as const),
      ]);
      at = next[1];
      if (next[0] === 'done') break;
      second.type(KEYS.enter);
    }
    expect((await second.exited).exitCode).toBe(0);

    const rows = cell.query<{ b: string; level: string }>('SELECT behaviour_id AS b, level FROM answer');
    expect(rows).toHaveLength(111);
    const ids = JSON.parse(cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json']).stdout) as {
      groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }>;
    };
    const order = ids.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
    const expected = Object.fromEntries(order.map((id, i) => [id, levelFor(i + 1)]));
    expect(Object.fromEntries(rows.map((r) => [r.b, r.level]))).toEqual(expected);
    expect(cell.query('SELECT status FROM response')).toEqual([{ status: 'submitted' }]);
    // Locked: answering again is refused with what to do.
    const locked = cell.cli(['answer', '--member', 'M001', '--answers', '/dev/null']);
    expect(locked.status).toBe(1);
  }, 120_000);

  it('Ctrl+C exits 130 saying where the work stands, and the next run resumes there', async () => {
    const cell = tempCell({ members: NAMES, round: ['--label', '2026'] });
    const s = await start(cell, 'M002');
    await answerRange(s, 1, 3, () => 'thinh-thoang');
    await s.waitFor('Câu 4/111');
    await s.waitFor('phím số', { from: s.text().lastIndexOf('Câu 4/111') });
    s.type(KEYS.ctrlC);
    await s.waitFor('Đã lưu 3/111 câu. Làm tiếp: tusoi answer --member M002');
    expect((await s.exited).exitCode).toBe(130);
    const again = await start(cell, 'M002');
    await again.waitFor('Câu 4/111 · TT1.4');
    again.kill('SIGKILL');
    await again.exited;
  }, 60_000);

  it('two members answering at once on one database: no "database is locked", nothing lost', async () => {
    const cell = tempCell({ members: NAMES, round: ['--label', '2026'] });
    const [a, b] = await Promise.all([start(cell, 'M001'), start(cell, 'M003')]);
    const [acksA, acksB] = await Promise.all([answerRange(a!, 1, 40, () => 'khong'), answerRange(b!, 1, 40, () => 'thuong-xuyen')]);
    expect(acksA).toHaveLength(40);
    expect(acksB).toHaveLength(40);
    a!.kill('SIGKILL');
    b!.kill('SIGKILL');
    await Promise.all([a!.exited, b!.exited]);
    expect(a!.text() + b!.text()).not.toMatch(/locked|busy|bận/i);
    expect(
      cell.query('SELECT m.code, COUNT(*) AS n, MIN(a.level) AS lo, MAX(a.level) AS hi FROM answer a JOIN response r ON r.id = a.response_id JOIN member m ON m.id = r.member_id GROUP BY m.code ORDER BY m.code'),
    ).toEqual([
      { code: 'M001', n: 40, lo: 'khong', hi: 'khong' },
      { code: 'M003', n: 40, lo: 'thuong-xuyen', hi: 'thuong-xuyen' },
    ]);
  }, 90_000);
});
