/** Real database files for the service tests, made through the store (no CLI), in folders removed after each test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionnaireFile, bundledQuestionnaireFile } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { openNewRound } from '../../src/services/round-lifecycle.js';
import { createDatabase, type Db } from '../../src/store/db.js';
import { addMembers, type Member } from '../../src/store/members.js';
import type { Round } from '../../src/store/rounds.js';
import { saveUnit } from '../../src/store/unit.js';
import { tempDir } from '../support/temp.js';

export const NOW = new Date('2026-11-23T09:30:00Z');

export function questionnaireAt(file: string): { questionnaire: Questionnaire; sourceText: string } {
  const r = loadQuestionnaireFile(file);
  if (!r.ok) throw new Error(`${file} invalid`);
  return { questionnaire: r.questionnaire, sourceText: readFileSync(file, 'utf8') };
}

export const SMALL = new URL('../fixtures/questionnaires/small.yaml', import.meta.url).pathname;
export const BUNDLED = bundledQuestionnaireFile('nq4-khoa-xii');

export interface ServiceDb {
  readonly dir: string;
  readonly file: string;
  readonly db: Db;
  readonly round: Round | undefined;
  readonly members: Member[];
}

/** A unit's database with, unless `round: false`, an open round of the given questionnaire (the small one by default). */
export function serviceDb(o: { code?: string; level?: string; parent?: string | null; members?: string[]; anonymous?: boolean; round?: false; questionnaire?: string } = {}): ServiceDb {
  const dir = tempDir('tusoi-svc-');
  const file = join(dir, 'unit.sqlite');
  const db = createDatabase(file);
  saveUnit(db, { code: o.code ?? 'CB03', name: `Đơn vị ${o.code ?? 'CB03'}`, level: o.level ?? 'chi-bo', parentCode: o.parent === undefined ? 'DU01' : o.parent }, '2026-11-01');
  const members = addMembers(db, (o.members ?? []).map((name, i) => ({ name, code: `DV${String(i + 1).padStart(3, '0')}` })), '2026-11-01');
  const round = o.round === false ? undefined : openNewRound(db, { label: '2026', ...questionnaireAt(o.questionnaire ?? SMALL), anonymous: o.anonymous === true }, NOW);
  return { dir, file, db, round, members };
}
