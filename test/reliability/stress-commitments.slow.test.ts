/**
 * Commitments survive SIGKILL like answers: a member updating their
 * commitments (with their secret) is killed at random points; every
 * commitment acknowledged on screen is in the database, sealed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/random.js';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';
import { count } from './level.js';
import { commitmentsOf, createSecret, keepCommitment, unlockSecret } from '../../src/services/commitments.js';
import { withDatabaseAsync } from '../../src/store/db.js';
import { findMemberByCode } from '../../src/store/members.js';
import { findOpenRound } from '../../src/store/rounds.js';

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
    // The member's first commitment, which gave them their secret (made through the service: the
    // terminal flow for it is in test/e2e/commitments-pty.slow.test.ts).
    const acknowledged = new Map<string, string>([[flagged[0]!, 'Việc đầu tiên']]);
    const secret = await withDatabaseAsync(cell.db, async (db) => {
      const { secret, key } = await createSecret(findMemberByCode(db, 'M001')!);
      keepCommitment(db, findOpenRound(db)!, findMemberByCode(db, 'M001')!, key, { behaviourId: flagged[0]!, level: 'thinh-thoang' }, { action: 'Việc đầu tiên', due: null });
      return secret;
    });

    const rnd = seeded(99);
    for (let k = 0; k < KILLS; k++) {
      const s = runPty(['--db', cell.db, 'answer', '--member', 'M001'], { cwd: cell.dir });
      await s.waitFor('(C/k)');
      s.type('c' + KEYS.enter);
      await s.waitFor('Mã bí mật cam kết (dạng');
      s.type(secret + KEYS.enter);
      let offset = await s.waitFor('Tự sửa: đồng chí đã tự nhận');
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
    const stored = await withDatabaseAsync(cell.db, async (db) => {
      const member = findMemberByCode(db, 'M001')!;
      const r = await unlockSecret(db, member, secret);
      if (!r.ok) throw new Error(r.reason);
      return new Map(commitmentsOf(db, findOpenRound(db)!, member, r.key).map((c) => [c.behaviourId, c.action]));
    });
    for (const [b, action] of acknowledged) expect(stored.get(b), b).toBe(action);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(cell.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  }, 300_000);
});
