/**
 * Every file checked in full before it counts (issue 17, part 4), on the
 * adversarial review's cases: each file is a real export edited by a forger
 * who recomputes the integrity value, and each is refused with a located
 * message (file, line, column where one cell is at fault).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportRows, type ExportIdentity } from '../../src/exchange/export.js';
import { readExport, type ReadResult } from '../../src/exchange/import.js';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { summarise } from '../../src/summary/aggregate.js';
import { vi } from '../../src/i18n/vi.js';
import { en } from '../../src/i18n/en.js';
import { cellAt, forge, rowOf, setCell } from '../support/forge.js';
import { zip } from '../support/hand-zip.js';
import { readCsvSource } from '../../src/exchange/csv-source.js';

const parsed = parseQuestionnaire(readFileSync(new URL('../../questionnaires/nq4-khoa-xii.yaml', import.meta.url), 'utf8'), 'nq4');
if (!parsed.ok) throw new Error('bundled invalid');
const q = parsed.questionnaire;
const NOW = new Date('2026-11-23T10:00:00Z');

const ids = allBehaviours(q).map((b) => b.id);
// Nine respondents: most answer none, a few "thỉnh thoảng", two "thường xuyên" on some behaviours.
const responses = Array.from({ length: 9 }, (_, r) => new Map(ids.map((b, i) => [b, (i + r) % 7 === 0 ? 'thuong-xuyen' : (i * r) % 5 === 1 ? 'thinh-thoang' : 'khong'])));
const summary = summarise(q, responses, { code: 'CB10', name: 'Chi bộ 10', level: 'chi-bo', parentCode: 'DU01', members: 11 });
const identity: ExportIdentity = {
  tusoiVersion: '0.1.0',
  unit: { code: 'CB10', name: 'Chi bộ 10', level: 'chi-bo', parentCode: 'DU01' },
  roundLabel: '2026',
  status: 'provisional',
  exportedAt: '2026-11-23T09:00:00Z',
};
const csv = exportCsv(exportRows(q, summary, identity, 'vi'), ',');
const read = (bytes: Buffer): ReadResult => readExport(bytes, 'CB10.csv', { questionnaire: q, now: NOW });

/** The one problem of a refused file, worded in both languages (so the catalogue has it). */
function refusal(r: ReadResult) {
  if (r.ok) throw new Error('accepted');
  for (const p of r.problems) {
    expect(vi.csv.messages[p.code](p.params)).not.toMatch(/undefined/);
    expect(en.csv.messages[p.code](p.params)).not.toMatch(/undefined/);
  }
  return r.problems.map((p) => ({ code: p.code, line: p.line, column: p.params.column, value: p.params.value }));
}

/** Line of a row in the file (the header is line 1). */
const lineOf = (type: string, id?: string) => {
  const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
  const header = rows[0]!.split(',');
  const t = header.indexOf('row_type');
  const k = header.indexOf('item_id');
  return rows.findIndex((r) => r.split(',')[t] === type && (id === undefined || r.split(',')[k] === id)) + 1;
};

/** The review's case: a manifestation that says nobody showed it while its first behaviour has 3 "thường xuyên" (sums still equal the respondents). */
function nobodyShowsIt(m: (typeof q.groups)[number]['manifestations'][number]): Buffer {
  return forge(csv, (rows) => {
    const bi = rowOf(rows, 'behaviour', m.behaviours[0]!.id);
    setCell(rows, bi, 'n_khong', '6');
    setCell(rows, bi, 'n_thinh-thoang', '0');
    setCell(rows, bi, 'n_thuong-xuyen', '3');
    const mi = rowOf(rows, 'manifestation', m.id);
    setCell(rows, mi, 'n_khong', '9');
    setCell(rows, mi, 'n_thinh-thoang', '0');
    setCell(rows, mi, 'n_thuong-xuyen', '0');
  });
}

describe('every file checked in full (the review’s cases)', () => {
  it('the untouched export and a forged-but-consistent one are read (the checks refuse what is wrong, not what is edited)', () => {
    expect(read(Buffer.from(csv, 'utf8')).ok).toBe(true);
    expect(read(forge(csv, () => {})).ok).toBe(true);
  });

  const codes: Array<[label: string, code: string]> = [
    ['full-width', 'ＣＢ１０'],
    ['Cyrillic', 'СВ10'],
    ['a space', 'CB 10'],
    ['empty', ''],
    ['a non-breaking space', 'CB\u00a010'],
  ];
  for (const [label, code] of codes) {
    it(`refuses a look-alike unit code (${label}) with its line and column`, () => {
      const forged = forge(csv, (rows) => {
        for (let i = 1; i < rows.length; i++) setCell(rows, i, 'unit_code', code);
        setCell(rows, rowOf(rows, 'unit'), 'item_id', code);
      });
      const got = refusal(read(forged));
      expect(got).toContainEqual({ code: 'EXPORT_BAD_UNIT_CODE', line: 2, column: 'unit_code', value: code });
      expect(got).toContainEqual({ code: 'EXPORT_BAD_UNIT_CODE', line: lineOf('unit'), column: 'item_id', value: code });
    });
  }

  it('refuses a zero-width space in a code as unsafe text, located', () => {
    const forged = forge(csv, (rows) => {
      for (let i = 1; i < rows.length; i++) setCell(rows, i, 'unit_code', 'CB\u200b10');
    });
    expect(refusal(read(forged))).toContainEqual({ code: 'EXPORT_UNSAFE_TEXT', line: 2, column: 'unit_code', value: 'U+200B' });
  });

  it('refuses a bad parent code and two covered units that differ only in case', () => {
    const forged = forge(csv, (rows) => {
      setCell(rows, rowOf(rows, 'export'), 'parent_code', 'DU 01');
      const u = rowOf(rows, 'unit');
      rows.splice(u + 1, 0, [...rows[u]!]);
      setCell(rows, u + 1, 'item_id', 'cb10');
      setCell(rows, u + 1, 'item_members', '0');
      setCell(rows, u + 1, 'item_respondents', '0');
    });
    const got = refusal(read(forged));
    expect(got).toContainEqual({ code: 'EXPORT_BAD_UNIT_CODE', line: lineOf('export'), column: 'parent_code', value: 'DU 01' });
    expect(got).toContainEqual({ code: 'EXPORT_DUPLICATE_ITEM', line: lineOf('unit') + 1, column: undefined, value: 'cb10' });
  });

  it('refuses a file without its overall row, and one with two', () => {
    const without = forge(csv, (rows) => {
      rows.splice(rowOf(rows, 'overall'), 1);
    });
    expect(refusal(read(without))).toEqual([{ code: 'EXPORT_OVERALL_ROWS', line: 0, column: undefined, value: undefined }]);
    const twice = forge(csv, (rows) => {
      const o = rowOf(rows, 'overall');
      rows.splice(o + 1, 0, [...rows[o]!]);
      setCell(rows, o + 1, 'item_id', 'overall-2');
    });
    expect(refusal(read(twice))).toEqual([{ code: 'EXPORT_OVERALL_ROWS', line: lineOf('overall') + 1, column: undefined, value: undefined }]);
  });

  it('refuses a manifestation that says nobody showed it while one of its behaviours has 3 "thường xuyên"', () => {
    const m = q.groups[0]!.manifestations[0]!;
    const b = m.behaviours[0]!;
    const r = read(nobodyShowsIt(m));
    expect(refusal(r)).toContainEqual({ code: 'EXPORT_ROLLUP', line: lineOf('manifestation', m.id), column: undefined, value: m.id });
    if (!r.ok) expect(r.problems.find((p) => p.params.value === m.id)?.params).toMatchObject({ kind: 'min', name: b.id, count: 0, limit: 3 });
  });

  it('refuses a manifestation counting more at a level than all its behaviours together', () => {
    const m = q.groups[1]!.manifestations[2]!;
    const forged = forge(csv, (rows) => {
      for (const b of m.behaviours) {
        const bi = rowOf(rows, 'behaviour', b.id);
        setCell(rows, bi, 'n_khong', '9');
        setCell(rows, bi, 'n_thinh-thoang', '0');
        setCell(rows, bi, 'n_thuong-xuyen', '0');
      }
      const mi = rowOf(rows, 'manifestation', m.id);
      setCell(rows, mi, 'n_khong', '8');
      setCell(rows, mi, 'n_thinh-thoang', '0');
      setCell(rows, mi, 'n_thuong-xuyen', '1');
    });
    const r = read(forged);
    expect(refusal(r)).toContainEqual({ code: 'EXPORT_ROLLUP', line: lineOf('manifestation', m.id), column: undefined, value: m.id });
    if (!r.ok) expect(r.problems.find((p) => p.params.value === m.id)?.params).toMatchObject({ kind: 'max', count: 1, limit: 0 });
  });

  for (const bad of ['9999-12-31T00:00:00Z', 'zzz', '2026-11-23 09:00:00', '2026-02-30T09:00:00Z', '2026-11-23T09:00:00+07:00']) {
    it(`refuses exported_at "${bad}", located`, () => {
      const forged = forge(csv, (rows) => setCell(rows, rowOf(rows, 'export'), 'exported_at', bad));
      const code = bad.startsWith('9999') ? 'EXPORT_FUTURE_TIME' : 'EXPORT_BAD_TIME';
      expect(refusal(read(forged))).toEqual([{ code, line: lineOf('export'), column: 'exported_at', value: bad }]);
    });
  }

  it('accepts an export made up to a day after the merge time (a wrong clock), not later', () => {
    const at = (t: string) => read(forge(csv, (rows) => setCell(rows, rowOf(rows, 'export'), 'exported_at', t)));
    expect(at('2026-11-24T09:59:59Z').ok).toBe(true);
    expect(at('2026-11-24T10:00:01Z').ok).toBe(false);
    expect(cellAt([['a'], ['b']], 1, 'a')).toBe('b');
  });
});

/** The export as a workbook (one sheet, every cell an inline string), as a re-save by an office suite would hand it in. */
function asXlsx(bytes: Buffer | string): Buffer {
  const col = (j: number): string => (j < 26 ? '' : String.fromCharCode(64 + Math.floor(j / 26))) + String.fromCharCode(65 + (j % 26));
  const x = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = readCsvSource(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, 'CB10.csv').source.rows;
  return zip({
    'xl/workbook.xml': '<workbook><sheets><sheet name="CB10" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Target="worksheets/s1.xml"/></Relationships>',
    'xl/worksheets/s1.xml': `<worksheet><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.cells.map((c, j) => (c === '' ? '' : `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${x(c)}</t></is></c>`)).join('')}</row>`).join('')}</sheetData></worksheet>`,
  });
}

describe('an export re-saved as a workbook', () => {
  const readXlsx = (bytes: Buffer | string): ReadResult => readExport(asXlsx(bytes), 'CB10.xlsx', { questionnaire: q, now: NOW });

  it('is read like its CSV, and meets the same full checks (the questionnaire’s relations, the merge time)', () => {
    const plain = readXlsx(csv);
    expect(plain.ok ? [] : plain.problems.map((p) => [p.code, p.line, p.params])).toEqual([]);
    const m = q.groups[0]!.manifestations[0]!;
    expect(refusal(readXlsx(nobodyShowsIt(m)))).toContainEqual({ code: 'EXPORT_ROLLUP', line: lineOf('manifestation', m.id), column: undefined, value: m.id });
    const future = forge(csv, (rows) => setCell(rows, rowOf(rows, 'export'), 'exported_at', '2026-11-25T10:00:01Z'));
    expect(refusal(readXlsx(future))).toEqual([{ code: 'EXPORT_FUTURE_TIME', line: lineOf('export'), column: 'exported_at', value: '2026-11-25T10:00:01Z' }]);
  });
});
