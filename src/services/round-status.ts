/**
 * Where the open round stands, for the secretary's screen (never an answer):
 * in a cell, who has submitted, is in progress, has not started; in a merging
 * unit, which expected units have reported and which are missing.
 */
import type { Db } from '../store/db.js';
import { listExpectedUnits, listMergedFiles, reportedCodes } from '../store/merged.js';
import { listMembers } from '../store/members.js';
import { roundParticipation } from '../store/responses.js';
import { findOpenRound, type Round } from '../store/rounds.js';
import { getUnit, type Unit } from '../store/unit.js';

export type MemberStatus = 'submitted' | 'in_progress' | 'not_started';

export function memberStatus(db: Db, round: Round | undefined) {
  const part = round ? roundParticipation(db, round.id) : { submitted: [], inProgress: [] };
  const submitted = new Set(part.submitted);
  const inProgress = new Set(part.inProgress);
  // Members since deactivated still count in the round they took part in (as in the report).
  const members = listMembers(db, { includeInactive: true }).filter((m) => m.active || submitted.has(m.id) || inProgress.has(m.id));
  return members.map((m) => ({
    code: m.code,
    name: m.name,
    status: (submitted.has(m.id) ? 'submitted' : inProgress.has(m.id) ? 'in_progress' : 'not_started') as MemberStatus,
  }));
}

export function coverage(db: Db, round: Round) {
  const expected = listExpectedUnits(db);
  const reported = reportedCodes(db, round.id);
  const files = listMergedFiles(db, round.id);
  const expectedCodes = new Set(expected.map((e) => e.code));
  const levels = [...new Set(expected.map((e) => e.level))];
  return {
    expected: expected.length,
    reported: expected.filter((e) => reported.has(e.code)).length,
    byLevel: levels.map((level) => {
      const of = expected.filter((e) => e.level === level);
      return { level, expected: of.length, reported: of.filter((e) => reported.has(e.code)).length };
    }),
    missing: expected.filter((e) => !reported.has(e.code)).map((e) => ({ code: e.code, name: e.name, level: e.level, parent: e.parentCode })),
    unexpected: files.filter((f) => !expectedCodes.has(f.unitCode) && expected.length > 0).map((f) => ({ code: f.unitCode, name: f.unitName })),
    files: files.length,
    provisional: files.filter((f) => f.status === 'provisional').map((f) => f.unitCode),
    members: files.reduce((n, f) => n + f.members, 0),
    respondents: files.reduce((n, f) => n + f.respondents, 0),
  };
}


export interface RoundStatus {
  readonly unit: Unit;
  readonly round: Round | undefined;
  /** A cell's members with where each stands (empty in a merging unit). */
  readonly rows: ReturnType<typeof memberStatus>;
  /** A merging unit's coverage (undefined in a cell, or with no open round). */
  readonly coverage: ReturnType<typeof coverage> | undefined;
}

export function roundStatus(db: Db): RoundStatus {
  const round = findOpenRound(db);
  const merging = round?.kind === 'merge';
  return { unit: getUnit(db), round, rows: merging ? [] : memberStatus(db, round), coverage: merging && round ? coverage(db, round) : undefined };
}
