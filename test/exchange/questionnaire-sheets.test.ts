/**
 * Questionnaires authored in a spreadsheet (issue 16, part 4), in-process:
 * the bundled questionnaire as the two sheets, written as CSV, read back
 * through the one table reader (`readTable`) and turned into YAML, keeps its
 * content hash; a broken sheet gives problems located by file, sheet, row and
 * column, in the validator's codes or the layout's own.
 */
import { describe, expect, it } from 'vitest';
import { questionnaireFromSheets, type ImportProblem } from '../../src/exchange/questionnaire-import.js';
import { BEHAVIOUR_COLUMNS, questionnaireSheets, type SheetInput } from '../../src/exchange/questionnaire-sheets.js';
import { sheetCsv } from '../../src/exchange/sheet-csv.js';
import type { SheetCell, SheetSpec } from '../../src/exchange/sheet-spec.js';
import { readTable } from '../../src/exchange/table.js';
import { bundledFiles, loadQuestionnaireFile } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';

function bundled(): Questionnaire {
  const file = bundledFiles().find((f) => f.endsWith('nq4-khoa-xii.yaml'))!;
  const r = loadQuestionnaireFile(file);
  if (!r.ok) throw new Error('bundled questionnaire invalid');
  return r.questionnaire;
}

const EXPECT = { groups: 3, manifestations: 27, behaviours: 111 };

/** A sheet through CSV bytes and the one table reader, as `questionnaire import` reads a .csv. */
function viaCsv(sheet: SheetSpec, file: string, bytes: Buffer = Buffer.from(sheetCsv(sheet), 'utf8')): SheetInput {
  const { table, problems } = readTable(bytes, file);
  expect(problems).toEqual([]);
  return { file, rows: table.rows };
}

/** A sheet's rows as strings (numbers as their text), to edit before reading. */
function cells(sheet: SheetSpec): string[][] {
  return sheet.rows.map((r) => r.map((c: SheetCell) => (c === null ? '' : typeof c === 'object' ? String(c.value) : String(c))));
}

/** Rows typed straight into a table input (no CSV), 1-based lines as a sheet numbers them. */
function typed(rows: string[][], file: string, sheet?: string): SheetInput {
  return { file, ...(sheet ? { sheet } : {}), rows: rows.map((cells, i) => ({ line: i + 1, cells })) };
}

function problemsOf(r: ReturnType<typeof questionnaireFromSheets>): ImportProblem[] {
  if (r.ok) throw new Error('expected problems');
  return [...r.problems];
}

const where = (p: ImportProblem) => ({ code: p.code, sheet: p.place.sheet, line: p.place.line, col: p.place.col });
const col = (name: (typeof BEHAVIOUR_COLUMNS)[number]) => BEHAVIOUR_COLUMNS.indexOf(name) + 1;

describe('questionnaire export → import, CSV', () => {
  it('keeps the content hash of the bundled questionnaire, and writes YAML the validator accepts', () => {
    const q = bundled();
    const [behaviours, settings] = questionnaireSheets(q, EXPECT);
    const r = questionnaireFromSheets(viaCsv(behaviours!, 'q.csv'), viaCsv(settings!, 'q-settings.csv'), 'q.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    expect(r.questionnaire.sha256).toBe(q.sha256);
    expect(r.warnings).toEqual([]);
    const again = parseQuestionnaire(r.yaml, 'q.yaml');
    expect(again.ok && again.questionnaire.sha256).toBe(q.sha256);
    expect(r.yaml).toMatch(/^version: "2026\.1"$/mu);
    expect(r.yaml).toMatch(/^expect:\n {2}groups: 3\n {2}manifestations: 27\n {2}behaviours: 111$/mu);
  });

  it('lays the sheets out one row per behaviour, ids on every row, a text where its group or manifestation starts', () => {
    const [behaviours, settings] = questionnaireSheets(bundled(), EXPECT);
    expect(behaviours!.name).toBe('behaviours');
    expect(behaviours!.freezeRows).toBe(1);
    expect(behaviours!.rows).toHaveLength(112);
    expect(behaviours!.rows[0]).toEqual([...BEHAVIOUR_COLUMNS]);
    const second = behaviours!.rows[2]!;
    expect([second[col('group.id') - 1], second[col('group.text.vi') - 1], second[col('manifestation.id') - 1], second[col('manifestation.status') - 1], second[col('behaviour.id') - 1]]).toEqual([
      'TT',
      null,
      'TT1',
      null,
      'TT1.2',
    ]);
    expect(settings!.rows.map((r) => r[0])).toEqual(['key', 'format', 'id', 'version', 'title', 'source', 'note', 'expect.groups', 'expect.manifestations', 'expect.behaviours', 'level', 'level', 'level', 'none']);
    // The version stays text (a workbook would otherwise turn "2026.10" into 2026.1).
    expect(settings!.rows[3]).toEqual(['version', '2026.1', null, null]);
  });

  it('reads the CSV in the other ways Excel saves it (";" with a BOM, UTF-16 "Unicode Text" with tabs) to the same hash', () => {
    const q = bundled();
    const [behaviours, settings] = questionnaireSheets(q, EXPECT);
    const quote = (s: string) => (/[";\t\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);
    const semicolon = (s: SheetSpec) => Buffer.from(`\uFEFF${cells(s).map((r) => r.map(quote).join(';')).join('\r\n')}\r\n`, 'utf8');
    const utf16 = (s: SheetSpec) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${cells(s).map((r) => r.map(quote).join('\t')).join('\r\n')}\r\n`, 'utf16le')]);
    for (const encode of [semicolon, utf16]) {
      const r = questionnaireFromSheets(viaCsv(behaviours!, 'b.csv', encode(behaviours!)), viaCsv(settings!, 's.csv', encode(settings!)), 'q.yaml');
      expect(r.ok && r.questionnaire.sha256).toBe(q.sha256);
    }
  });

  it('takes a group and manifestation text repeated on every row, when repeated exactly', () => {
    const q = bundled();
    const [behaviours, settings] = questionnaireSheets(q, EXPECT);
    const rows = cells(behaviours!);
    const filled = rows.map((r, i) => (i < 2 ? r : r.map((c, j) => (c === '' && j < col('behaviour.id') - 1 ? rows.slice(1, i).reverse().find((p) => p[j] !== '' && p[0] === r[0] && (j < 5 || p[5] === r[5]))?.[j] ?? '' : c))));
    const r = questionnaireFromSheets(typed(filled, 'b.csv'), typed(cells(settings!), 's.csv'), 'q.yaml');
    expect(r.ok && r.questionnaire.sha256).toBe(q.sha256);
  });
});

describe('a broken sheet', () => {
  const q = bundled();
  const [behaviours, settings] = questionnaireSheets(q, EXPECT);
  const b = () => cells(behaviours!);
  const s = () => cells(settings!);
  const run = (brows: string[][], srows: string[][] = s()) =>
    problemsOf(questionnaireFromSheets(typed(brows, 'q.xlsx', 'behaviours'), typed(srows, 'q.xlsx', 'settings'), 'q.yaml')).map(where);

  it('a missing column: named at the header row, and nothing else is checked', () => {
    const rows = b().map((r) => r.filter((_, i) => i !== col('behaviour.text.vi') - 1));
    expect(run(rows)).toEqual([{ code: 'QSHEET_MISSING_COLUMN', sheet: 'behaviours', line: 1, col: undefined }]);
  });

  it('an unknown or doubled column, with the nearest name', () => {
    const rows = b();
    rows[0]![col('behaviour.note.en') - 1] = 'behavior.note.en';
    rows[0]![col('group.note.vi') - 1] = 'group.id';
    const r = problemsOf(questionnaireFromSheets(typed(rows, 'q.csv'), typed(s(), 's.csv'), 'q.yaml'));
    expect(r.map((p) => [p.code, p.place.line, p.place.col, p.params])).toEqual([
      ['QSHEET_DUPLICATE_COLUMN', 1, col('group.note.vi'), { key: 'group.id', actual: 'A' }],
      ['QSHEET_UNKNOWN_COLUMN', 1, col('behaviour.note.en'), { actual: 'behavior.note.en', suggestion: 'behaviour.note.en' }],
    ]);
  });

  it('a duplicate id: at the second one, naming the row of the first', () => {
    const rows = b();
    rows[3]![col('behaviour.id') - 1] = 'TT1.1';
    const r = problemsOf(questionnaireFromSheets(typed(rows, 'q.xlsx', 'behaviours'), typed(s(), 'q.xlsx', 'settings'), 'q.yaml'));
    expect(r.map((p) => [...Object.values(where(p)), p.params.firstLine])).toEqual([['DUPLICATE_ID', 'behaviours', 4, col('behaviour.id'), 2]]);
  });

  it('an unknown level: at the "none" cell, without the follow-on "no none level"', () => {
    const rows = s();
    rows[rows.length - 1]![1] = 'khong-bao-gio';
    expect(run(b(), rows)).toEqual([{ code: 'QSHEET_UNKNOWN_LEVEL', sheet: 'settings', line: rows.length, col: 2 }]);
  });

  it('a bad status: at its cell', () => {
    const rows = b();
    rows[1]![col('manifestation.status') - 1] = 'verified';
    expect(run(rows)).toEqual([{ code: 'BAD_STATUS', sheet: 'behaviours', line: 2, col: col('manifestation.status') }]);
  });

  it('a manifestation without behaviours: at its row, in the behaviour column', () => {
    const rows = b();
    const empty = rows[0]!.map(() => '');
    empty[0] = 'TT';
    empty[col('manifestation.id') - 1] = 'TT10';
    empty[col('manifestation.status') - 1] = 'verbatim';
    empty[col('manifestation.text.vi') - 1] = 'Biểu hiện chưa có hành vi.';
    empty[col('manifestation.text.en') - 1] = 'A manifestation without behaviours.';
    rows.splice(5, 0, empty);
    expect(run(rows)).toEqual([
      { code: 'EMPTY_LIST', sheet: 'behaviours', line: 6, col: col('behaviour.id') },
      // One manifestation more than the settings declare: at the declared count.
      { code: 'COUNT_MISMATCH', sheet: 'settings', line: 9, col: 2 },
    ]);
  });

  it('a repeated text that differs, a row without a group, a setting unknown, missing or doubled', () => {
    const rows = b();
    rows[2]![col('group.text.vi') - 1] = 'Nhóm khác';
    const orphan = [...rows[1]!];
    orphan[0] = '';
    rows.splice(1, 0, orphan);
    const set = s();
    set.splice(2, 1); // no "id" row
    set.push(['verison', '2', '', ''], ['level', 'x', 'X', 'X'], ['title', '', 'Lần hai', '']);
    expect(run(rows, set)).toEqual([
      { code: 'QSHEET_NO_PARENT', sheet: 'behaviours', line: 2, col: 1 },
      { code: 'QSHEET_CONFLICT', sheet: 'behaviours', line: 4, col: col('group.text.vi') },
      { code: 'QSHEET_MISSING_SETTING', sheet: 'settings', line: 1, col: undefined },
      { code: 'QSHEET_UNKNOWN_SETTING', sheet: 'settings', line: 14, col: 1 },
      { code: 'QSHEET_DUPLICATE_SETTING', sheet: 'settings', line: 16, col: 1 },
    ]);
  });

  it('a hidden character in a text: at its cell; a line break in a note is kept', () => {
    const rows = b();
    rows[1]![col('behaviour.text.vi') - 1] = 'Ngại học\u200b tập.';
    expect(run(rows)).toEqual([{ code: 'UNSAFE_CHARACTER', sheet: 'behaviours', line: 2, col: col('behaviour.text.vi') }]);
    const noted = b();
    noted[1]![col('behaviour.note.vi') - 1] = 'Dòng một.\nDòng hai.';
    noted[1]![col('behaviour.note.en') - 1] = 'Line one.\nLine two.';
    const r = questionnaireFromSheets(typed(noted, 'q.csv'), typed(s(), 's.csv'), 'q.yaml');
    expect(r.ok && r.questionnaire.groups[0]!.manifestations[0]!.behaviours[0]!.note).toEqual({ vi: 'Dòng một.\nDòng hai.', en: 'Line one.\nLine two.' });
  });

  it('a sheet of many faults lists the first hundred, then how many more', () => {
    const rows = b().map((r, i) => (i === 0 ? r : r.map((c, j) => (j === col('manifestation.status') - 1 && c !== '' ? 'x' : j === col('behaviour.id') - 1 ? 'same' : c))));
    const r = problemsOf(questionnaireFromSheets(typed(rows, 'q.csv'), typed(s(), 's.csv'), 'q.yaml'));
    expect(r).toHaveLength(101);
    expect(r[100]).toMatchObject({ code: 'MORE_PROBLEMS', params: { count: 27 + 110 - 100 } });
  });
});
