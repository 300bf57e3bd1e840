/**
 * Anonymous rounds: the database keeps who took part, but no query can join a
 * response to a member, and nothing stored reveals the order of turns.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell, type TempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Phạm Thị Hương', 'Hoàng Văn Em', 'Vũ Thị Phương', 'Đặng Văn Giang', 'Bùi Thị Hoa'];


/** Equality joins from a submitted response (or its answers) to members that tell responses apart. */
function linkingJoins(cell: TempCell): string[] {
  const columns = (table: string) => cell.query<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`).map((c) => c.name);
  const memberKey = { member: 'id', participation: 'member_id' } as const;
  const linkable: string[] = [];
  const sources = [
    ['response', 'l.id', columns('response')],
    ['answer', 'l.response_id', columns('answer')],
  ] as const;
  for (const [left, responseId, leftCols] of sources) {
    for (const right of ['member', 'participation'] as const) {
      for (const a of leftCols) {
        for (const b of columns(right)) {
          const rows = cell.query<{ rid: number; members: string | null }>(
            `SELECT p.id AS rid, (SELECT group_concat(DISTINCT r.${memberKey[right]}) FROM ${left} l JOIN ${right} r ON l.${a} = r.${b}
               WHERE ${responseId} = p.id) AS members FROM response p WHERE p.status = 'submitted'`,
          );
          const distinct = new Set(rows.map((r) => [...new Set((r.members ?? '').split(','))].sort().join(',')));
          if (distinct.size > 1) linkable.push(`${left}.${a} = ${right}.${b}`);
        }
      }
    }
  }
  return linkable;
}

describe('an anonymous round', () => {
  it('stores participation but no link from a response to a member', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026-an', '--anonymous'] });
    const show = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as {
      groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }>;
    };
    const ids = show.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
    // Seven paper forms, entered in member order M001…M007, each with its own pattern.
    for (let i = 1; i <= 7; i++) {
      const form = join(cell.dir, `f${i}.csv`);
      writeFileSync(form, `behaviour,level\n${ids.map((id, k) => `${id},${k === i ? 'thuong-xuyen' : 'khong'}`).join('\n')}\n`);
      expect((await cell.cli(['answer', '--member', `M00${i}`, '--answers', form])).status).toBe(0);
    }
    // An eighth member starts in the terminal, is shown a one-time code, and is interrupted.
    const first = runPty(['--db', cell.db, 'answer', '--member', 'M008'], { cwd: cell.dir });
    await first.waitFor('(C/k)');
    first.type('c' + KEYS.enter);
    const at = await first.waitFor(/Mã tiếp tục của đồng chí: ([2-9A-Z]{6})/);
    const code = /Mã tiếp tục của đồng chí: ([2-9A-Z]{6})/.exec(first.text())![1]!;
    await first.waitFor('phím số', { from: at });
    first.type('3' + KEYS.enter);
    await first.waitFor('✓ Đã lưu TT1.1');
    first.kill('SIGKILL');
    await first.exited;
    // Back in the same sitting with the code, the member resumes at question 2.
    const second = runPty(['--db', cell.db, 'answer', '--member', 'M008'], { cwd: cell.dir });
    await second.waitFor('(C/k)');
    second.type('c' + KEYS.enter);
    await second.waitFor('Nhập mã tiếp tục');
    second.type(code + KEYS.enter);
    await second.waitFor('Câu 2/111 · TT1.2');
    second.kill('SIGKILL');
    await second.exited;

    const status = JSON.parse((await cell.cli(['status', '--json'])).stdout) as { submitted: number; inProgress: number; notStarted: number };
    expect(status).toMatchObject({ submitted: 7, inProgress: 1, notStarted: 0 });

    // 1. Responses carry no member id, and dates no finer than the day.
    const responses = cell.query<{ id: number; member_id: number | null; submitted_on: string | null; resume_hash: string | null; status: string }>(
      'SELECT id, member_id, submitted_on, resume_hash, status FROM response',
    );
    expect(responses).toHaveLength(8);
    for (const r of responses) {
      expect(r.member_id).toBeNull();
      if (r.status === 'submitted') {
        expect(r.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(r.resume_hash).toBeNull();
      }
    }

    // 2. No equality join between any column of a submitted response (or its answers) and any column of a
    //    member (or of participation) tells responses apart: each submitted response matches the same set of
    //    members, so no join can say whose it is. (While a member is still answering, the one in-progress
    //    response is theirs by elimination; that is documented, and ends when they submit.)
    expect(linkingJoins(cell)).toEqual([]);

    // 3. Joining on the round links every response to every participant equally: no information.
    const perResponse = cell.query<{ n: number }>('SELECT COUNT(*) AS n FROM response r JOIN participation p ON p.round_id = r.round_id GROUP BY r.id');
    expect(new Set(perResponse.map((p) => p.n))).toEqual(new Set([8]));

    // 4. No stored order reveals the turns: ids are random (not the order of entry), answers have no rowid,
    //    participation is kept in member order.
    const submittedIds = cell.query<{ id: number }>("SELECT id FROM response WHERE status = 'submitted' ORDER BY rowid").map((r) => r.id);
    const entryOrder = [1, 2, 3, 4, 5, 6, 7].map((i) => cell.query<{ id: number }>(
      `SELECT a.response_id AS id FROM answer a WHERE a.level = 'thuong-xuyen' AND a.behaviour_id = '${ids[i]}'`,
    )[0]!.id);
    expect(submittedIds).not.toEqual(entryOrder);
    expect(Math.max(...submittedIds)).toBeGreaterThan(1_000_000);
    expect(() => cell.query('SELECT rowid FROM answer')).toThrow();
    expect(() => cell.query('SELECT rowid FROM participation')).toThrow();
  }, 60_000);

  it('(control) in a named round the same search finds the link', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    const show = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as {
      groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }>;
    };
    const ids = show.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
    const form = join(cell.dir, 'f.csv');
    writeFileSync(form, `behaviour,level\n${ids.map((id) => `${id},khong`).join('\n')}\n`);
    expect((await cell.cli(['answer', '--member', 'M001', '--answers', form])).status).toBe(0);
    expect((await cell.cli(['answer', '--member', 'M002', '--answers', form])).status).toBe(0);
    expect(linkingJoins(cell)).toContain('response.member_id = member.id');
  });
});
