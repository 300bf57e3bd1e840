/** Bloc staff: merging cell exports with tusoi run in-process through `main(argv, io)`, on real SQLite files. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCellExports } from '../../src/demo/generate.js';
import { hashQuestionnaire } from '../../src/questionnaire/hash.js';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { blocWithCommittee, bundled, figures, reportOf, tempUnit, writeCells } from '../support/bloc.js';
import { resaveCp1258Semicolon, resaveQuotedLf, resaveUtf16Tab } from '../support/excel.js';
import { STACK_LINE } from '../support/cli.js';

const q = bundled();

describe('tusoi merge', () => {
  it('gives totals equal to an independent sum of the cells, and re-merging the folder changes nothing', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'in'), { count: 12, seed: 3, parents: ['DUK'] });
    const first = await bloc.cli(['merge', 'in']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Đã gộp 12 tệp, bỏ qua 0 tệp đã có, thay 0 tệp, từ chối 0 tệp.');
    const j = await reportOf(bloc);
    expect(j.respondents).toBe(cells.reduce((n, c) => n + c.summary.respondents, 0));
    expect(j.members).toBe(cells.reduce((n, c) => n + c.summary.members, 0));
    for (const b of allBehaviours(q)) {
      const got = j.behaviours.find((x) => x.id === b.id)!.counts;
      for (const l of ['khong', 'thinh-thoang', 'thuong-xuyen']) expect(got[l]).toBe(cells.reduce((n, c) => n + c.summary.behaviours.get(b.id)![l]!, 0));
    }
    for (const m of j.manifestations) expect(m.counts['thuong-xuyen']).toBe(cells.reduce((n, c) => n + c.summary.manifestations.get(m.id)!['thuong-xuyen']!, 0));
    expect(j.units.map((u) => u.code)).toEqual(cells.map((c) => c.code));

    const again = await bloc.cli(['merge', 'in', '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).counts).toEqual({ accepted: 0, skipped: 12, replaced: 0, rejected: 0 });
    expect(figures(await reportOf(bloc))).toEqual(figures(j));
  });

  it('is associative: cells merged directly equal two of them merged into a grassroots committee first', async () => {
    const root = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(root.dir, 'cells'), { count: 3, seed: 11 });
    const blocA = await tempUnit('DUKA', 'khoi');
    expect((await blocA.cli(['merge', join(root.dir, 'cells')])).status).toBe(0);

    const ducs = await tempUnit('DU01', 'dang-uy-co-so', { parent: 'DUKB' });
    expect((await ducs.cli(['merge', join(root.dir, 'cells', cells[0]!.fileName), join(root.dir, 'cells', cells[1]!.fileName)])).status).toBe(0);
    expect((await ducs.cli(['round', 'close'])).status).toBe(0);
    expect((await ducs.cli(['export', '--out', 'DU01-2026.csv'])).status).toBe(0);
    const blocB = await tempUnit('DUKB', 'khoi');
    const r = await blocB.cli(['merge', join(ducs.dir, 'DU01-2026.csv'), join(root.dir, 'cells', cells[2]!.fileName)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(figures(await reportOf(blocB))).toEqual(figures(await reportOf(blocA)));
    expect((await reportOf(blocB)).units.map((u) => u.code).sort()).toEqual(cells.map((c) => c.code).sort());
  });

  it('gives identical totals for every Excel variant of the same files', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'orig'), { count: 4, seed: 5 });
    const variants: Array<[string, (csv: string) => Buffer | string]> = [
      ['utf8-bom-comma', (c) => c],
      ['utf8-nobom', (c) => c.replace(/^\uFEFF/, '')],
      ['cp1258-semicolon', resaveCp1258Semicolon],
      ['utf16-tab', resaveUtf16Tab],
      ['quoted-lf', resaveQuotedLf],
    ];
    const results = [];
    for (const [name, resave] of variants) {
      const unit = await tempUnit(`DUK${name.length}${name[0]}`.replace(/[^A-Za-z0-9]/g, ''), 'khoi');
      const dir = join(unit.dir, 'in');
      mkdirSync(dir);
      for (const c of cells) writeFileSync(join(dir, c.fileName.replace(/\.csv$/, name === 'utf16-tab' ? '.txt' : '.csv')), resave(c.csv));
      const r = await unit.cli(['merge', 'in']);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      results.push(figures(await reportOf(unit)));
    }
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  });

  it('rejects a truncated file, an edited count, another questionnaire and a TCVN3 file with reasons, merging the rest', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const dir = join(bloc.dir, 'in');
    const cells = writeCells(dir, { count: 6, seed: 9 });
    // 1. cut in the middle (a mail attachment that did not finish)
    const cut = cells[0]!.csv;
    writeFileSync(join(dir, cells[0]!.fileName), cut.slice(0, Math.floor(cut.length * 0.6)));
    // 2. one count edited by hand
    const lines = cells[1]!.csv.split('\r\n');
    const i = lines.findIndex((l) => l.includes(',behaviour,TT4.3,'));
    lines[i] = lines[i]!.replace(/,(\d+),(\d+),(\d+),/, (_m, a: string, b: string, c: string) => `,${Number(a) - 1},${Number(b) + 1},${c},`);
    writeFileSync(join(dir, cells[1]!.fileName), lines.join('\r\n'));
    // 3. made with another questionnaire (a cell's own corrected copy: same ids, another version and sha256)
    const { sha256: _s, ...rest } = q;
    const other = { ...rest, version: '2026.1-sua', sha256: '' };
    const q2 = { ...other, sha256: hashQuestionnaire(other) };
    const foreign = [...generateCellExports(q2, { count: 3, seed: 9, roundLabel: '2026' })][2]!;
    writeFileSync(join(dir, cells[2]!.fileName), foreign.csv);
    // 4. a TCVN3 file (a list someone saved in the old font encoding)
    writeFileSync(join(dir, 'tcvn3.csv'), Buffer.from('M·,Hä tªn\r\nCB01,Chi bé V¨n phßng\r\nCB02,Chi bé Tµi chÝnh\r\n', 'latin1'));

    const r = await bloc.cli(['merge', 'in']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Đã gộp 3 tệp, bỏ qua 0 tệp đã có, thay 0 tệp, từ chối 4 tệp.');
    expect(r.stderr).toMatch(new RegExp(`${cells[0]!.fileName}: không gộp[\\s\\S]*?\\[EXPORT_TRUNCATED\\]`));
    expect(r.stderr).toMatch(new RegExp(`${cells[1]!.fileName}: không gộp[\\s\\S]*?\\[EXPORT_INTEGRITY\\]`));
    expect(r.stderr).toMatch(new RegExp(`${cells[2]!.fileName}: không gộp[\\s\\S]*?bộ câu hỏi khác[\\s\\S]*?\\[MERGE_QUESTIONNAIRE_MISMATCH\\]`));
    expect(r.stderr).toMatch(/tcvn3\.csv: không gộp[\s\S]*?TCVN3[\s\S]*?\[EXPORT_LEGACY_ENCODING\]/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(bloc.query('SELECT unit_code AS u FROM merged_file ORDER BY 1')).toEqual(cells.slice(3).map((c) => ({ u: c.code })));
  });

  it('refuses double counting, a conflict without --replace, and a unit code that lost its zeros; replaces a provisional export', async () => {
    const { bloc, cells, ducs } = await blocWithCommittee('DU01.csv');

    expect((await bloc.cli(['merge', join(bloc.dir, 'cells', cells[0]!.fileName)])).status).toBe(0);
    const dbl = await bloc.cli(['merge', join(ducs.dir, 'DU01.csv')]);
    expect(dbl.status).toBe(1);
    expect(dbl.stderr).toContain('[MERGE_DOUBLE_COUNTED]');
    expect(dbl.stderr).toContain(cells[0]!.code);

    // The same cell again with other figures: a conflict, unless --replace.
    const other = writeCells(join(bloc.dir, 'other'), { count: 3, seed: 99 });
    const conflict = await bloc.cli(['merge', join(bloc.dir, 'other', other[0]!.fileName)]);
    expect(conflict.status).toBe(1);
    expect(conflict.stderr).toContain('[MERGE_CONFLICT]');
    expect((await bloc.cli(['merge', join(bloc.dir, 'other', other[0]!.fileName), '--replace'])).stdout).toContain('thay cho');
    expect(bloc.query<{ n: number }>('SELECT respondents AS n FROM merged_file WHERE unit_code = ?', cells[0]!.code)[0]!.n).toBe(other[0]!.summary.respondents);

    // A provisional export is replaced by the final one without --replace.
    const prov = writeCells(join(bloc.dir, 'prov'), { count: 3, seed: 21, status: 'provisional' });
    expect((await bloc.cli(['merge', join(bloc.dir, 'prov', prov[2]!.fileName)])).status).toBe(0);
    expect((await bloc.cli(['merge', join(bloc.dir, 'cells', cells[2]!.fileName)])).stdout).toContain('thay cho');
    expect(bloc.query('SELECT status FROM merged_file WHERE unit_code = ?', cells[2]!.code)).toEqual([{ status: 'final' }]);

    // Two provisional exports of one unit arriving in the wrong order: the later export counts.
    const newer = writeCells(join(bloc.dir, 'p-new'), { count: 3, seed: 41, status: 'provisional', exportedAt: '2026-11-20T10:00:00Z' })[1]!;
    const older = writeCells(join(bloc.dir, 'p-old'), { count: 3, seed: 42, status: 'provisional', exportedAt: '2026-11-19T10:00:00Z' })[1]!;
    expect((await bloc.cli(['merge', join(bloc.dir, 'p-new', newer.fileName)])).status).toBe(0);
    const late = await bloc.cli(['merge', join(bloc.dir, 'p-old', older.fileName)]);
    expect(late.status).toBe(0);
    expect(late.stdout).toContain('bản tạm thời cũ hơn');
    expect(bloc.query<{ n: number }>('SELECT respondents AS n FROM merged_file WHERE unit_code = ?', newer.code)[0]!.n).toBe(newer.summary.respondents);

    // Excel dropped the leading zeros of a unit code that was all digits.
    const numeric = writeCells(join(bloc.dir, 'num'), { count: 1, seed: 3, codePrefix: '0' })[0]!;
    writeFileSync(join(bloc.dir, 'num', 'x.csv'), numeric.csv.replaceAll(`'${numeric.code}`, numeric.code).replaceAll(numeric.code, String(Number(numeric.code))));
    const n = await bloc.cli(['merge', join(bloc.dir, 'num', 'x.csv')]);
    expect(n.status).toBe(1);
    expect(n.stderr).toContain('[EXPORT_NUMERIC_UNIT_CODE]');
  });

  it('refuses a file from another round, and merging into a cell database', async () => {
    const bloc = await tempUnit('DUK', 'khoi', { round: '2027' });
    writeCells(join(bloc.dir, 'in'), { count: 1 });
    const r = await bloc.cli(['merge', 'in']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[MERGE_ROUND_MISMATCH]');
    const cell = await tempUnit('CB09', 'chi-bo');
    const c = await cell.cli(['merge', join(bloc.dir, 'in')]);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain('không gộp tệp');
  });

  it('shows who has reported against the expected units, and exports upward in the same format', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'in'), { count: 4, seed: 2, parents: ['DUK'] });
    writeFileSync(join(bloc.dir, 'units.csv'), `\uFEFFMã;Tên;Cấp trên\r\n${cells.map((c) => `${c.code};${c.name};DUK`).join('\r\n')}\r\nCB9999;Chi bộ chưa gửi;DUK\r\n`);
    expect((await bloc.cli(['unit', 'import', 'units.csv'])).status).toBe(0);
    expect((await bloc.cli(['merge', 'in'])).status).toBe(0);
    const text = await bloc.cli(['status']);
    expect(text.stdout).toContain('4/5 chi bộ đã báo cáo (80,0%)');
    expect(text.stdout).toContain('CB9999  Chi bộ chưa gửi');
    const s = JSON.parse((await bloc.cli(['status', '--json'])).stdout) as { coverage: { expected: number; reported: number; missing: Array<{ code: string }> } };
    expect(s.coverage).toMatchObject({ expected: 5, reported: 4, missing: [{ code: 'CB9999' }] });
    expect((await bloc.cli(['export', '--out', 'DUK.csv'])).status).toBe(0);
    const up = readFileSync(join(bloc.dir, 'DUK.csv'), 'utf8');
    expect(up.split('\r\n').filter((l) => l.includes(',unit,')).length).toBe(4);
    const j = JSON.parse((await bloc.cli(['report', '--json'])).stdout) as { byUnit: Array<{ code: string }> };
    expect(j.byUnit.map((u) => u.code)).toEqual(cells.map((c) => c.code));
    expect((await bloc.cli(['report', '--format', 'html'])).status).toBe(0);
    expect(readdirSync(bloc.dir)).toContain('DUK-2026.html');
  });
});
