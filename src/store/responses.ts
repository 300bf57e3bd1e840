/**
 * Responses and answers of named rounds. Every answer is committed the moment
 * it is given. Anonymous rounds store no response at all: see anonymous.ts
 * (tallies, sealed ballots in progress); only the participation queries here
 * read both.
 */
import { randomInt } from 'node:crypto';
import { anonymousParticipation, anonymousParticipationOf } from './anonymous.js';
import { InternalError, UserError } from '../errors.js';
import type { Db } from './db.js';
import type { Round } from './rounds.js';
import { revokeMemberSessions } from './web-access.js';

export type ResponseStatus = 'in_progress' | 'submitted';

export interface StoredResponse {
  readonly id: number;
  readonly status: ResponseStatus;
  /** The behaviour the member was on when last saved. */
  readonly cursor: string | null;
  readonly answers: ReadonlyMap<string, string>;
}

/** A response takes answers only while its round is open (an interview left running in another window). */
const ROUND_OPEN = 'EXISTS (SELECT 1 FROM round r WHERE r.id = response.round_id AND r.closed_on IS NULL)';

/** A random id: sequential ids would reveal the order in which members took turns. */
function insertResponse(db: Db, values: { roundId: number; memberId: number | null; resumeHash: string | null; source: 'terminal' | 'paper' }): number {
  const insert = db.prepare("INSERT INTO response (id, round_id, member_id, resume_hash, status, source) VALUES (?, ?, ?, ?, 'in_progress', ?)");
  for (;;) {
    const id = randomInt(1, 2 ** 47);
    try {
      insert.run(id, values.roundId, values.memberId, values.resumeHash, values.source);
      return id;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
    }
  }
}

function readResponse(db: Db, id: number): StoredResponse {
  const row = db.prepare<[number], { id: number; status: ResponseStatus; cursor: string | null }>('SELECT id, status, cursor FROM response WHERE id = ?').get(id);
  if (!row) throw new InternalError(`response ${id} missing`);
  const answers = db.prepare<[number], { b: string; level: string }>('SELECT behaviour_id AS b, level FROM answer WHERE response_id = ?').all(id);
  return { ...row, answers: new Map(answers.map((a) => [a.b, a.level])) };
}

export type Participation = 'none' | ResponseStatus;

export function participationOf(db: Db, roundId: number, memberId: number): Participation {
  const anonymous = anonymousParticipationOf(db, roundId, memberId);
  if (anonymous !== 'none') return anonymous;
  const row = db.prepare<[number, number], { status: ResponseStatus }>('SELECT status FROM participation WHERE round_id = ? AND member_id = ?').get(roundId, memberId);
  return row?.status ?? 'none';
}

function setParticipation(db: Db, roundId: number, memberId: number, status: ResponseStatus): void {
  db.prepare(
    'INSERT INTO participation (round_id, member_id, status) VALUES (?, ?, ?) ON CONFLICT (round_id, member_id) DO UPDATE SET status = excluded.status',
  ).run(roundId, memberId, status);
}

/** The member's response in a named round, if any (never in an anonymous round). */
export function findMemberResponse(db: Db, round: Round, memberId: number): StoredResponse | undefined {
  if (round.anonymous) return undefined;
  const row = db.prepare<[number, number], { id: number }>('SELECT id FROM response WHERE round_id = ? AND member_id = ?').get(round.id, memberId);
  return row && readResponse(db, row.id);
}

/** Starts a named member's response, or returns the one already started. */
export function startNamedResponse(db: Db, round: Round, memberId: number): StoredResponse {
  return db.transaction(() => {
    const existing = findMemberResponse(db, round, memberId);
    if (existing) return existing;
    const id = insertResponse(db, { roundId: round.id, memberId, resumeHash: null, source: 'terminal' });
    setParticipation(db, round.id, memberId, 'in_progress');
    return readResponse(db, id);
  }).immediate();
}

/** Commits one answer and where the member stands, atomically; refused once submitted. */
export function saveAnswer(db: Db, responseId: number, behaviourId: string, level: string, cursor: string | null): void {
  db.transaction(() => {
    const open = db
      .prepare(`UPDATE response SET cursor = ? WHERE id = ? AND status = 'in_progress' AND ${ROUND_OPEN}`)
      .run(cursor, responseId);
    if (open.changes !== 1) throw new UserError('RESPONSE_CLOSED', {});
    db.prepare(
      'INSERT INTO answer (response_id, behaviour_id, level) VALUES (?, ?, ?) ON CONFLICT (response_id, behaviour_id) DO UPDATE SET level = excluded.level',
    ).run(responseId, behaviourId, level);
  }).immediate();
}

/** Remembers where the member stands (going back, the review screen) without changing answers. */
export function saveCursor(db: Db, responseId: number, cursor: string | null): void {
  db.prepare("UPDATE response SET cursor = ? WHERE id = ? AND status = 'in_progress'").run(cursor, responseId);
}

/** Locks a named response. */
export function submitResponse(db: Db, round: Round, responseId: number, memberId: number, today: string): void {
  db.transaction(() => {
    const done = db
      .prepare(`UPDATE response SET status = 'submitted', submitted_on = ?, cursor = NULL, resume_hash = NULL WHERE id = ? AND status = 'in_progress' AND ${ROUND_OPEN}`)
      .run(today, responseId);
    if (done.changes !== 1) throw new UserError('RESPONSE_CLOSED', {});
    setParticipation(db, round.id, memberId, 'submitted');
  }).immediate();
}

/** The secretary reopens a submitted response (named rounds only). */
export function reopenResponse(db: Db, round: Round, memberId: number, now: Date): boolean {
  return db.transaction(() => {
    const r = db.prepare("UPDATE response SET status = 'in_progress', submitted_on = NULL WHERE round_id = ? AND member_id = ? AND status = 'submitted'").run(round.id, memberId);
    if (r.changes === 1) setParticipation(db, round.id, memberId, 'in_progress');
    // A device left signed in after the submission (over --https, for the commitments only) must not
    // now reach the reopened answers: every device signs in again with the member's code.
    if (r.changes === 1) revokeMemberSessions(db, round.id, memberId, now.toISOString());
    return r.changes === 1;
  }).immediate();
}

/**
 * Enters a whole response from a paper form in a named round, submitted and
 * locked, in one transaction. `replace` removes the member's earlier response
 * first. (An anonymous form goes to anonymous.ts `enterAnonymousPaper`.)
 */
export function enterPaperResponse(
  db: Db,
  round: Round,
  memberId: number,
  answers: ReadonlyMap<string, string>,
  options: { replace: boolean; today: string },
): void {
  if (round.anonymous) throw new InternalError('an anonymous paper form is never stored as a response');
  db.transaction(() => {
    const old = db.prepare<[number, number], { id: number }>('SELECT id FROM response WHERE round_id = ? AND member_id = ?').get(round.id, memberId);
    if (old) db.prepare('DELETE FROM response WHERE id = ?').run(old.id);
    const id = insertResponse(db, { roundId: round.id, memberId, resumeHash: null, source: 'paper' });
    const insert = db.prepare('INSERT INTO answer (response_id, behaviour_id, level) VALUES (?, ?, ?)');
    for (const [b, level] of answers) insert.run(id, b, level);
    db.prepare("UPDATE response SET status = 'submitted', submitted_on = ? WHERE id = ?").run(options.today, id);
    setParticipation(db, round.id, memberId, 'submitted');
  }).immediate();
}

export interface RoundStatus {
  readonly submitted: ReadonlyArray<number>;
  readonly inProgress: ReadonlyArray<number>;
}

/** Member ids by participation in a round. */
export function roundParticipation(db: Db, roundId: number): RoundStatus {
  const rows = db.prepare<[number], { m: number; status: ResponseStatus }>('SELECT member_id AS m, status FROM participation WHERE round_id = ?').all(roundId);
  // An anonymous round keeps its participation in one row of its own (store/anonymous.ts).
  const anonymous = anonymousParticipation(db, roundId);
  return {
    submitted: [...rows.filter((r) => r.status === 'submitted').map((r) => r.m), ...anonymous.submitted],
    inProgress: [...rows.filter((r) => r.status === 'in_progress').map((r) => r.m), ...anonymous.inProgress],
  };
}

/** Every submitted response's answers in a round (for the summary): behaviour → level per response. */
export function submittedAnswers(db: Db, roundId: number): Array<ReadonlyMap<string, string>> {
  // NOTE: rows as arrays, streamed in response order: a 1,000-member round is
  // 111,000 rows, and row objects were most of the time of a report.
  const stmt = db
    .prepare<[number], [number, string, string]>(
      "SELECT a.response_id, a.behaviour_id, a.level FROM response p JOIN answer a ON a.response_id = p.id WHERE p.round_id = ? AND p.status = 'submitted' ORDER BY a.response_id",
    )
    .raw(true);
  const out: Array<Map<string, string>> = [];
  let current = -1;
  let answers = new Map<string, string>();
  for (const row of stmt.iterate(roundId)) {
    if (row[0] !== current) {
      current = row[0];
      answers = new Map();
      out.push(answers);
    }
    answers.set(row[1], row[2]);
  }
  return out;
}
