/**
 * The merge service with the full checks (issue 17, part 4): one cell's file
 * under a look-alike code counts once, and the names shown come from the unit
 * list, not from the file. The files are unsigned (the review's forger could
 * recompute the integrity value, not sign; signatures: test/e2e/signed-exports.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCellExports } from '../../src/demo/generate.js';
import { mergeFiles, type MergeInput } from '../../src/services/merge-files.js';
import { saveExpectedUnits } from '../../src/store/merged.js';
import { forge, rowOf, setCell } from '../support/forge.js';
import { NOW, questionnaireAt, serviceDb, SMALL } from './support.js';

const q = questionnaireAt(SMALL).questionnaire;
const now = () => NOW;

function committee() {
  const unit = serviceDb({ code: 'DU01', level: 'dang-uy-co-so', parent: null });
  const dir = join(unit.dir, 'nhan');
  mkdirSync(dir);
  const [cell] = [...generateCellExports(q, { count: 1, seed: 3, roundLabel: '2026', parents: ['DU01'], unsigned: true })];
  const write = (name: string, bytes: Buffer | string): MergeInput => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return { file, name };
  };
  return { ...unit, cell: cell!, write };
}

const recode = (code: string) => (rows: string[][]) => {
  for (let i = 1; i < rows.length; i++) setCell(rows, i, 'unit_code', code);
  setCell(rows, rowOf(rows, 'unit'), 'item_id', code);
};

describe('merge with the full checks', () => {
  it('counts one cell once, whatever the case of its code, and refuses the look-alikes', () => {
    const c = committee();
    const code = c.cell.code;
    const inputs = [
      c.write('genuine.csv', c.cell.csv),
      c.write('lower.csv', forge(c.cell.csv, recode(code.toLowerCase()))),
      c.write('full-width.csv', forge(c.cell.csv, recode(code.replace(/[A-Z0-9]/g, (ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0))))),
      c.write('space.csv', forge(c.cell.csv, recode(`${code.slice(0, 2)} ${code.slice(2)}`))),
    ];
    const outcome = mergeFiles(c.db, inputs, { now });
    expect(outcome.accepted.map((a) => a.file)).toEqual(['genuine.csv']);
    const why = Object.fromEntries(outcome.rejected.map((r) => [r.file, r.problems.map((p) => (p.kind === 'table' ? p.problem.code : p.kind === 'decision' ? p.reason.code : p.kind))]));
    expect(why['lower.csv']).toEqual(['MERGE_CONFLICT']);
    expect(why['full-width.csv']).toContain('EXPORT_BAD_UNIT_CODE');
    expect(why['space.csv']).toContain('EXPORT_BAD_UNIT_CODE');
    expect(c.db.prepare('SELECT COUNT(*) AS n FROM merged_file').get()).toEqual({ n: 1 });
  });

  it('spells a code as the unit list does and takes the names from the list, not from the file', () => {
    const c = committee();
    const code = c.cell.code;
    saveExpectedUnits(c.db, [{ code, name: 'Chi bộ thật', level: 'chi-bo', parentCode: 'DU01' }]);
    const renamed = forge(c.cell.csv, (rows) => {
      recode(code.toLowerCase())(rows);
      setCell(rows, rowOf(rows, 'export'), 'unit_name', 'Tên giả mạo');
      setCell(rows, rowOf(rows, 'unit'), 'item_text', 'Tên giả mạo');
    });
    const outcome = mergeFiles(c.db, [c.write('renamed.csv', renamed)], { now });
    expect(outcome.accepted.map((a) => a.unit)).toEqual([code]);
    expect(c.db.prepare('SELECT unit_code AS code, unit_name AS name FROM merged_file').all()).toEqual([{ code, name: 'Chi bộ thật' }]);
    expect(c.db.prepare('SELECT code, name FROM merged_unit').all()).toEqual([{ code, name: 'Chi bộ thật' }]);
  });
});
