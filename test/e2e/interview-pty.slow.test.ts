/**
 * More of the real `tusoi answer` in a pseudo-terminal (test:slow): Ctrl+C
 * exits 130 and the next run resumes; two members answering at once.
 */
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { answerRange, startAnswer as start } from '../support/interview-pty.js';
import { KEYS } from '../support/pty.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'];

describe('tusoi answer in a real terminal', () => {
  it('Ctrl+C exits 130 saying where the work stands, and the next run resumes there', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    const s = await start(cell, 'M002');
    await answerRange(s, 1, 3, () => 'thinh-thoang');
    await s.waitFor('Câu 4/111');
    await s.waitFor('phím số', { from: s.text().lastIndexOf('Câu 4/111') });
    s.type(KEYS.ctrlC);
    await s.waitFor(/Đã lưu 3\/111 câu; phiếu chưa nộp\. Làm tiếp:\s+tusoi --db cell\.sqlite answer --member M002/);
    expect((await s.exited).exitCode).toBe(130);
    const again = await start(cell, 'M002');
    await again.waitFor('Câu 4/111 · TT1.4');
    again.kill('SIGKILL');
    await again.exited;
  }, 60_000);

  it('two members answering at once on one database: no "database is locked", nothing lost', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
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
