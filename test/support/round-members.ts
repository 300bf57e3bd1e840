/**
 * A cell whose round has one member of each kind, for `round close` tests:
 * M001 submitted (a paper form), M002 in progress (one answer saved), M003
 * not started. Built through the CLI and the store, off a terminal.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/db.js';
import { saveAnswer, startNamedResponse } from '../../src/store/responses.js';
import { findOpenRound } from '../../src/store/rounds.js';
import { tempCell, type TempCell } from './cell.js';

export const THREE = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Văn Cường'] as const;

export async function cellOfThree(o: { anonymous?: boolean } = {}): Promise<TempCell> {
  const cell = await tempCell({ members: [...THREE], round: ['--label', '2026', ...(o.anonymous ? ['--anonymous'] : [])] });
  const show = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as {
    groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }>;
  };
  const ids = show.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
  const form = join(cell.dir, 'phieu.csv');
  writeFileSync(form, `behaviour,level\n${ids.map((b) => `${b},khong`).join('\n')}\n`);
  const paper = await cell.cli(['answer', '--member', 'M001', '--answers', form]);
  if (paper.status !== 0) throw new Error(paper.stderr);
  if (!o.anonymous) {
    const db = openDatabase(cell.db);
    try {
      const round = findOpenRound(db)!;
      const member = db.prepare<[], { id: number }>("SELECT id FROM member WHERE code = 'M002'").get()!;
      saveAnswer(db, startNamedResponse(db, round, member.id).id, ids[0]!, 'khong', null);
    } finally {
      db.close();
    }
  }
  return cell;
}
