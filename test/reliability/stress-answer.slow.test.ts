/**
 * Crash safety of the interview: the real `tusoi answer` under a pty is killed
 * with SIGKILL at random points (fixed seed), resumed each time; at the end
 * every answer acknowledged on screen before a kill is in the database, and
 * SQLite's integrity check passes.
 */
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/random.js';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';
import { count } from './level.js';

const KILLS = count(10, 50);
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'];

describe(`answer killed ${KILLS} times`, () => {
  it('keeps every acknowledged answer and an intact database', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'], round: ['--label', '2026'] });
    const rnd = seeded(8_2026);
    const acknowledged = new Map<string, Map<string, string>>(); // member → behaviour → level
    for (let k = 0; k < KILLS; k++) {
      const member = `M00${1 + (k % 3)}`;
      const s = runPty(['--db', cell.db, 'answer', '--member', member], { cwd: cell.dir });
      await s.waitFor('(C/k)');
      s.type('c' + KEYS.enter);
      const wanted = Math.floor(rnd() * 5);
      let offset = 0;
      for (let n = 0; n < wanted; n++) {
        const asked = await s.waitFor(/Câu (\d+)\/111 · (\S+)/, { from: offset }).catch(() => -1);
        if (asked < 0) break; // the review screen: every behaviour answered
        offset = await s.waitFor('phím số', { from: asked });
        const level = Math.floor(rnd() * 3);
        s.type(String(level + 1) + KEYS.enter);
        offset = await s.waitFor(/✓ Đã lưu (\S+): .+ · đã trả lời \d+ trên 111 câu/, { from: offset });
        const ack = /✓ Đã lưu (\S+): /.exec(s.text().slice(s.text().lastIndexOf('✓ Đã lưu')))!;
        const answers = acknowledged.get(member) ?? new Map<string, string>();
        answers.set(ack[1]!, LEVELS[level]!);
        acknowledged.set(member, answers);
      }
      // Kill at a random moment: after an acknowledgement, or while a key is on its way.
      if (rnd() < 0.5) s.type(String(1 + Math.floor(rnd() * 3)) + KEYS.enter);
      await new Promise((r) => setTimeout(r, Math.floor(rnd() * 25)));
      s.kill('SIGKILL');
      await s.exited;
    }
    const stored = cell.query<{ code: string; b: string; level: string }>(
      'SELECT m.code, a.behaviour_id AS b, a.level FROM answer a JOIN response r ON r.id = a.response_id JOIN member m ON m.id = r.member_id',
    );
    let checked = 0;
    for (const [member, answers] of acknowledged) {
      for (const [b, level] of answers) {
        // Resuming starts after the last saved answer, so an acknowledged behaviour is never asked again.
        expect(stored.find((x) => x.code === member && x.b === b)?.level, `${member} ${b}`).toBe(level);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(KILLS / 2);
    expect(cell.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  }, 600_000);
});
