/** The merge service in-process on a real SQLite file: outcome, progress, idempotence, batching and atomicity. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCellExports } from '../../src/demo/generate.js';
import { mergeFiles, type MergeInput } from '../../src/services/merge-files.js';
import { closeOpenRound } from '../../src/services/round-lifecycle.js';
import { NOW, questionnaireAt, serviceDb, SMALL } from './support.js';

const q = questionnaireAt(SMALL).questionnaire;

/** A committee's database and `count` cell exports of its round, written to files. */
function committee(count: number) {
  const unit = serviceDb({ code: 'DU01', level: 'dang-uy-co-so', parent: null });
  const dir = join(unit.dir, 'nhan');
  mkdirSync(dir);
  const cells = [...generateCellExports(q, { count, seed: 7, roundLabel: '2026', parents: ['DU01'] })];
  const inputs: MergeInput[] = cells.map((c) => {
    const file = join(dir, c.fileName);
    writeFileSync(file, c.csv);
    return { file, name: c.fileName };
  });
  const stored = () => unit.db.prepare('SELECT unit_code AS code, respondents, summary_json AS json FROM merged_file ORDER BY unit_code').all() as Array<{ code: string; respondents: number; json: string }>;
  return { ...unit, cells, inputs, dir, stored };
}

const now = () => NOW;

describe('mergeFiles', () => {
  it('stores every good file and reports progress file by file', () => {
    const c = committee(6);
    const progress: Array<[number, number]> = [];
    const outcome = mergeFiles(c.db, c.inputs, { now }, { onProgress: (done, total) => progress.push([done, total]) });
    expect(outcome.accepted.map((a) => a.unit)).toEqual(c.cells.map((x) => x.code));
    expect(outcome.rejected).toEqual([]);
    expect(progress).toEqual(c.inputs.map((_, i) => [i + 1, 6]));
    expect(c.stored().map((r) => [r.code, r.respondents])).toEqual(c.cells.map((x) => [x.code, x.summary.respondents]));
  });

  it('changes nothing when the same files are merged again', () => {
    const c = committee(4);
    mergeFiles(c.db, c.inputs, { now });
    const before = c.stored();
    const again = mergeFiles(c.db, c.inputs, { now });
    expect(again.skipped.map((s) => s.file)).toEqual(c.inputs.map((i) => i.name));
    expect(again.accepted).toEqual([]);
    expect(c.stored()).toEqual(before);
  });

  it('rejects a bad table and a folder named like a table on their own, with what is wrong, and merges the rest', () => {
    const c = committee(3);
    const bad = join(c.dir, 'not-an-export.csv');
    writeFileSync(bad, 'Họ và tên;Ngày sinh\r\nNguyễn Văn An;01/02/1970\r\n');
    const folder = join(c.dir, 'a-folder.csv');
    mkdirSync(folder);
    const outcome = mergeFiles(c.db, [c.inputs[0]!, { file: bad, name: 'not-an-export.csv' }, { file: folder, name: 'a-folder.csv' }, ...c.inputs.slice(1)], { now });
    expect(outcome.accepted).toHaveLength(3);
    expect(outcome.rejected.map((r) => [r.file, r.problems.map((p) => (p.kind === 'table' ? p.problem.code : p.kind))])).toEqual([
      ['not-an-export.csv', ['EXPORT_NOT_TUSOI']],
      ['a-folder.csv', ['FILE_NOT_REGULAR']],
    ]);
  });

  it('gives the same outcome and the same stored rows whatever the batch size', () => {
    const one = committee(5);
    const many = committee(5);
    const a = mergeFiles(one.db, one.inputs, { now, batch: { items: 1, ms: 0 } });
    const b = mergeFiles(many.db, many.inputs, { now });
    expect(a).toEqual(b);
    expect(one.stored()).toEqual(many.stored());
  });

  it('keeps nothing of a batch that fails part-way, and what was committed before it stays', () => {
    const c = committee(5);
    const failAt = (n: number) => (done: number) => {
      if (done === n) throw new Error('stop');
    };
    // Batches of two: files 1–2 are committed when file 3 opens the next batch; file 3 fails at 4.
    expect(() => mergeFiles(c.db, c.inputs, { now, batch: { items: 2, ms: 60_000 } }, { onProgress: failAt(4) })).toThrow('stop');
    expect(c.db.inTransaction).toBe(false);
    expect(c.stored().map((r) => r.code)).toEqual(c.cells.slice(0, 2).map((x) => x.code));
    // A rerun merges what the failure dropped, and skips what was kept.
    const rerun = mergeFiles(c.db, c.inputs, { now });
    expect([rerun.skipped.length, rerun.accepted.length]).toEqual([2, 3]);
  });

  it('stops storing when the round is closed between two batches: what was committed stays, the rest is rejected as MERGE_ROUND_CLOSED', () => {
    const c = committee(5);
    // Batches of two. `round close` in another window waits for the open batch and closes
    // the round before the next one begins; here that is done on this connection, inside
    // the first batch, before the third file opens the second batch.
    const closeAt = (done: number) => {
      if (done === 3) c.db.prepare("UPDATE round SET closed_on = '2026-11-23'").run();
    };
    const outcome = mergeFiles(c.db, c.inputs, { now, batch: { items: 2, ms: 60_000 } }, { onProgress: closeAt });
    expect(outcome.accepted.map((a) => a.unit)).toEqual(c.cells.slice(0, 2).map((x) => x.code));
    expect(outcome.rejected.map((r) => [r.file, r.problems])).toEqual(c.inputs.slice(2).map((i) => [i.name, [{ kind: 'decision', reason: { code: 'MERGE_ROUND_CLOSED', round: '2026' } }]]));
    expect(c.db.inTransaction).toBe(false);
    expect(c.stored().map((r) => r.code)).toEqual(c.cells.slice(0, 2).map((x) => x.code));
  });

  it('refuses a closed round and a cell\'s round', () => {
    const c = committee(1);
    closeOpenRound(c.db, NOW);
    expect(() => mergeFiles(c.db, c.inputs, { now, round: '2026' })).toThrow(expect.objectContaining({ code: 'ROUND_CLOSED' }));
    const cell = serviceDb();
    expect(() => mergeFiles(cell.db, c.inputs, { now })).toThrow(expect.objectContaining({ code: 'ROUND_NOT_MERGING' }));
  });
});
