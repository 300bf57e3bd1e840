/**
 * Anonymous rounds: the database keeps who took part, but no query can join a
 * response to a member, and nothing stored reveals the order of turns (issue
 * 13: no ballot rows at all once submitted, only the round's tally).
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
    const at = await first.waitFor(/Mã tiếp tục của đồng chí: ([2-9A-Z]{4}-[2-9A-Z]{4})/);
    const code = /Mã tiếp tục của đồng chí: ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(first.text())![1]!;
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

    // NOTE (issue 13): the checks below replaced joins over per-ballot `response`/`answer` rows. An
    // anonymous round no longer stores any: a submitted ballot is only counts in the round's tally,
    // and the one ballot still in progress is sealed. test/store/anonymous-forensics.test.ts reads
    // the file's pages and WAL directly.
    // 1. No response or answer row exists for the anonymous round; participation is one row, sorted.
    expect(cell.query('SELECT id FROM response')).toEqual([]);
    expect(cell.query('SELECT response_id FROM answer')).toEqual([]);
    expect(cell.query('SELECT member_id FROM participation')).toEqual([]);
    const [row] = cell.query<{ submitted: string; in_progress: string; respondents: number }>('SELECT submitted, in_progress, respondents FROM anon_round');
    expect(row).toMatchObject({ submitted: '[1,2,3,4,5,6,7]', in_progress: '[8]', respondents: 7 });

    // 2. The ballot in progress is one sealed blob: no member id, no behaviour id, no level in clear.
    const ballots = cell.query<{ lookup: Buffer; round_id: number; sealed: Buffer }>('SELECT lookup, round_id, sealed FROM anon_ballot');
    expect(ballots).toHaveLength(1);
    const sealed = Buffer.from(ballots[0]!.sealed).toString('latin1');
    for (const needle of ['TT1.1', 'thuong-xuyen', 'khong', 'M008']) expect(sealed).not.toContain(needle);
    expect(Object.keys(ballots[0]!)).toEqual(['lookup', 'round_id', 'sealed']);

    // 3. Closing purges the unfinished ballot; the counts are all that is left of the seven forms.
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect(cell.query('SELECT lookup FROM anon_ballot')).toEqual([]);
    expect(cell.query<{ in_progress: string }>('SELECT in_progress FROM anon_round')).toEqual([{ in_progress: '[]' }]);
    const rep = await cell.cli(['report', '--json']);
    expect(rep.stderr).toBe('');
    const report = JSON.parse(rep.stdout) as { respondents: number; behaviours: Array<{ id: string; counts: Record<string, number> }> };
    expect(report.respondents).toBe(7);
    for (let i = 1; i <= 7; i++) expect(report.behaviours.find((x) => x.id === ids[i])!.counts['thuong-xuyen']).toBe(1);
    expect(report.behaviours.find((x) => x.id === ids[0])!.counts['thuong-xuyen']).toBe(0);
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
