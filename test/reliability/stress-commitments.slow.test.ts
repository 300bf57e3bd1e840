/**
 * Commitments survive SIGKILL like answers: a member updating their
 * commitments is killed at random points; every commitment acknowledged on
 * screen is in the database.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/random.js';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';
import { count } from './level.js';

const KILLS = count(4, 15);

describe(`commitments killed ${KILLS} times`, () => {
  it('keeps every acknowledged commitment', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    const q = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as { groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }> };
    const ids = q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
    const flagged = ids.filter((_, i) => i % 12 === 0); // 10 behaviours reported
    const form = join(cell.dir, 'f.csv');
    writeFileSync(form, `behaviour,level\n${ids.map((id) => `${id},${flagged.includes(id) ? 'thinh-thoang' : 'khong'}`).join('\n')}\n`);
    expect((await cell.cli(['answer', '--member', 'M001', '--answers', form])).status).toBe(0);

    const rnd = seeded(99);
    const acknowledged = new Map<string, string>();
    for (let k = 0; k < KILLS; k++) {
      const s = runPty(['--db', cell.db, 'answer', '--member', 'M001'], { cwd: cell.dir });
      await s.waitFor('(C/k)');
      s.type('c' + KEYS.enter);
      let offset = await s.waitFor('cam kết tự sửa');
      const steps = 1 + Math.floor(rnd() * 3);
      for (let n = 0; n < steps; n++) {
        const at = await s.waitFor(/\n(\S+) \[Thỉnh thoảng\]/, { from: offset });
        const behaviour = [...s.text().slice(offset, at).matchAll(/\n(\S+) \[Thỉnh thoảng\]/g)].at(-1)![1]!;
        offset = await s.waitFor('khắc phục?', { from: at });
        const action = `Việc ${k}-${n}`;
        s.type(action + KEYS.enter);
        offset = await s.waitFor('Đến khi nào?', { from: offset });
        s.type(KEYS.enter);
        offset = await s.waitFor(`✓ Đã lưu cam kết cho ${behaviour}`, { from: offset });
        acknowledged.set(behaviour, action);
      }
      if (rnd() < 0.5) s.type('Việc dở dang');
      await new Promise((r) => setTimeout(r, Math.floor(rnd() * 20)));
      s.kill('SIGKILL');
      await s.exited;
    }
    const stored = new Map(cell.query<{ b: string; action: string }>('SELECT behaviour_id AS b, action FROM commitment').map((r) => [r.b, r.action]));
    for (const [b, action] of acknowledged) expect(stored.get(b), b).toBe(action);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(cell.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  }, 300_000);
});
