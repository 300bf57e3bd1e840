/** `tusoi merge --remove FILE|UNIT`: taking one merged file back out, so a committee's file can replace its cells' own files. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocWithCommittee, figures, reportOf, tempUnit } from '../support/bloc.js';
import { STACK_LINE } from '../support/cli.js';

/** A bloc holding cells 1 and 3 merged one by one, and the export of a committee DU01 that covers cells 1 and 2. */
async function scene() {
  const { bloc, cells } = await blocWithCommittee('DU01.csv', { inBloc: true });
  expect((await bloc.cli(['merge', join('cells', cells[0]!.fileName), join('cells', cells[2]!.fileName)])).status).toBe(0);
  const stored = () => bloc.query<{ u: string; f: string }>('SELECT unit_code AS u, file_name AS f FROM merged_file ORDER BY 1');
  return { bloc, cells, stored };
}

describe('tusoi merge --remove', () => {
  it("takes a cell's file out so its committee's file is merged instead, with the right totals, and says how when refused", async () => {
    const { bloc, cells, stored } = await scene();
    const dbl = await bloc.cli(['merge', 'DU01.csv']);
    expect(dbl.status).toBe(1);
    expect(dbl.stderr).toContain(`tusoi merge --remove ${cells[0]!.code}`);
    expect(dbl.stderr).toContain('[MERGE_DOUBLE_COUNTED]');

    const r = await bloc.cli(['merge', '--remove', cells[0]!.code, 'DU01.csv', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schema).toBe(1);
    expect(j.counts).toEqual({ accepted: 1, skipped: 0, replaced: 0, rejected: 0 });
    expect(j.accepted).toEqual([{ file: 'DU01.csv', unit: 'DU01' }]);
    expect(j.removed).toEqual([{ ref: cells[0]!.code, file: join('cells', cells[0]!.fileName), unit: cells[0]!.code }]);
    expect(stored().map((s) => s.u)).toEqual([cells[2]!.code, 'DU01']);
    expect(bloc.query('SELECT COUNT(*) AS n FROM merged_unit')).toEqual([{ n: 3 }]);

    // The totals are those of the three cells, each counted once: the same as merging them directly.
    const direct = await tempUnit('DUK', 'khoi');
    expect((await direct.cli(['merge', join(bloc.dir, 'cells')])).status).toBe(0);
    const got = await reportOf(bloc);
    expect(got.respondents).toBe(cells.reduce((n, c) => n + c.summary.respondents, 0));
    expect(figures(got)).toEqual(figures(await reportOf(direct)));
  });

  it('takes a file out by its name as stored (or as a path to it), alone, and says so', async () => {
    const { bloc, cells, stored } = await scene();
    const r = await bloc.cli(['merge', '--remove', `./cells/${cells[2]!.fileName}`]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${join('cells', cells[2]!.fileName)}: đã gỡ khỏi đợt (${cells[2]!.code})`);
    expect(stored().map((s) => s.u)).toEqual([cells[0]!.code]);
    const j = JSON.parse((await bloc.cli(['merge', '--remove', join('cells', cells[0]!.fileName), '--json'])).stdout);
    expect(j).toMatchObject({ files: 0, counts: { accepted: 0, skipped: 0, replaced: 0, rejected: 0 }, removed: [{ unit: cells[0]!.code }] });
    expect(stored()).toEqual([]);
    expect((await reportOf(bloc)).respondents).toBe(0);
  });

  it('refuses an unknown unit or file, and a unit counted inside another file, with where it is, and then removes nothing', async () => {
    const { bloc, cells, stored } = await scene();
    const before = stored();
    const unknown = await bloc.cli(['merge', '--remove', cells[2]!.code, '--remove', 'CB9999']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('"CB9999"');
    expect(unknown.stderr).toContain('Đợt "2026"');
    expect(unknown.stderr).not.toMatch(STACK_LINE);
    expect(stored()).toEqual(before);
    expect((await bloc.cli(['merge', '--remove', 'khong-co.csv'])).stderr).toContain('"khong-co.csv"');

    expect((await bloc.cli(['merge', '--remove', cells[0]!.code, 'DU01.csv'])).status).toBe(0);
    const covered = await bloc.cli(['merge', '--remove', cells[1]!.code, '--lang', 'en']);
    expect(covered.status).toBe(1);
    expect(covered.stderr).toContain(`Unit ${cells[1]!.code} has no file of its own in round "2026": it is counted in DU01.csv (from DU01). To take it out, take that file out:\n  tusoi merge --remove DU01\n`);
  });

  it('refuses to take a file out of a closed round, and asks for a path or --remove', async () => {
    const { bloc, cells, stored } = await scene();
    expect((await bloc.cli(['round', 'close'])).status).toBe(0);
    const before = stored();
    const r = await bloc.cli(['merge', '--remove', cells[0]!.code, '--round', '2026']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Đợt "2026" đã đóng');
    expect((await bloc.cli(['merge', '--remove', cells[0]!.code])).stderr).toContain('Chưa có đợt nào đang mở');
    expect(stored()).toEqual(before);
    const none = await bloc.cli(['merge']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Thiếu tham số bắt buộc: đường-dẫn.');
  });
});
