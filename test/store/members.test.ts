import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../src/store/db.js';
import { addMembers, listMembers, planMembers, removeMember, searchMembers } from '../../src/store/members.js';
import { enterPaperResponse } from '../../src/store/responses.js';
import { openRound } from '../../src/store/rounds.js';
import { saveUnit } from '../../src/store/unit.js';
import { loadQuestionnaireFile, bundledQuestionnaireFile } from '../../src/questionnaire/load.js';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { tempDir } from '../support/temp.js';

function cell(): Db {
  const db = createDatabase(join(tempDir('tusoi-m-'), 'c.sqlite'));
  saveUnit(db, { code: 'CB03', name: 'Chi bộ', level: 'chi-bo', parentCode: null }, '2026-11-23');
  return db;
}

function add(db: Db, names: string[]) {
  const plan = planMembers(db, names.map((name) => ({ name })));
  return addMembers(db, plan.flatMap((p) => (p.kind === 'added' ? [{ name: p.member.name, code: p.member.code }] : [])), '2026-11-23');
}

describe('members', () => {
  it('get generated codes and are listed in Vietnamese order by given name', () => {
    const db = cell();
    add(db, ['Nguyễn Văn Ơn', 'Trần Văn Ôn', 'Lê Thị Ân', 'Phạm Văn An', 'Đỗ Thị Bình', 'Bùi Văn Dương', 'Hồ Văn Đức']);
    expect(listMembers(db).map((m) => m.name)).toEqual([
      'Phạm Văn An',
      'Lê Thị Ân',
      'Đỗ Thị Bình',
      'Bùi Văn Dương',
      'Hồ Văn Đức',
      'Trần Văn Ôn',
      'Nguyễn Văn Ơn',
    ]);
    expect(listMembers(db).map((m) => m.code).sort()).toEqual(['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007']);
  });

  it('are stored in NFC with white space folded, and found without diacritics', () => {
    const db = cell();
    add(db, ['  Nguyễn\u00a0 Văn A '.normalize('NFD'), 'Đỗ Thị Bình', 'Nguyễn Văn An']);
    expect(listMembers(db).map((m) => m.name)).toContain('Nguyễn Văn A');
    expect(searchMembers(db, 'nguyen van a').map((m) => m.name)).toEqual(['Nguyễn Văn A']);
    expect(searchMembers(db, 'do thi').map((m) => m.name)).toEqual(['Đỗ Thị Bình']);
    expect(searchMembers(db, 'NGUYEN').map((m) => m.name).sort()).toEqual(['Nguyễn Văn A', 'Nguyễn Văn An']);
    expect(searchMembers(db, 'm003').map((m) => m.name)).toEqual(['Nguyễn Văn An']);
  });

  it('already on the list are skipped; a given code used by another name is a conflict', () => {
    const db = cell();
    addMembers(db, [{ name: 'Lê Văn Hùng', code: 'CB03-017' }], '2026-11-23');
    const plan = planMembers(db, [{ name: 'Le Van Hung', code: 'cb03-017' }, { name: 'Lê Văn Hùng' }, { name: 'Mai Anh', code: 'CB03-017' }]);
    expect(plan.map((p) => p.kind)).toEqual(['skipped', 'skipped', 'conflict']);
  });

  it('with answers are deactivated, not deleted; without, deleted', () => {
    const db = cell();
    const [a, b] = add(db, ['Nguyễn Văn An', 'Trần Văn Bình']);
    const file = bundledQuestionnaireFile('nq4-khoa-xii');
    const parsed = loadQuestionnaireFile(file);
    if (!parsed.ok) throw new Error('bundled invalid');
    const round = openRound(db, { label: '2026', questionnaire: parsed.questionnaire, sourceText: '', anonymous: false, kind: 'collect', today: '2026-11-23' });
    enterPaperResponse(db, round, a!.id, new Map(allBehaviours(parsed.questionnaire).map((x) => [x.id, 'khong'])), { replace: false, today: '2026-11-23' });
    expect(removeMember(db, a!.id)).toBe('deactivated');
    expect(removeMember(db, b!.id)).toBe('deleted');
    expect(listMembers(db, { includeInactive: true }).map((m) => [m.name, m.active])).toEqual([['Nguyễn Văn An', false]]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM answer').get()).toEqual({ n: 111 });
  });
});
