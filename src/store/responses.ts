/**
 * Responses and answers. Every answer is committed the moment it is given.
 *
 * Anonymous rounds keep who has taken part (`participation`, for the
 * participation rate) but nothing linking a member to a response: the response
 * has no member id, its id is random, its only date is the day, and the
 * one-time resume code is stored as a hash only while the response is open.
 */
import { createHash, randomInt } from 'node:crypto';
import { InternalError, UserError } from '../errors.js';
import type { Db } from './db.js';
import type { Round } from './rounds.js';

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

/** Unambiguous characters for codes read off a screen (no 0/O, 1/I). */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newResumeCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function resumeHash(roundId: number, code: string): string {
  return createHash('sha256').update(`${roundId}:${code.trim().toUpperCase()}`).digest('hex');
}

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

/** Starts an anonymous response; the code returned is the only way back to it. */
export function startAnonymousResponse(db: Db, round: Round, memberId: number): { response: StoredResponse; code: string } {
  const code = newResumeCode();
  return db.transaction(() => {
    const id = insertResponse(db, { roundId: round.id, memberId: null, resumeHash: resumeHash(round.id, code), source: 'terminal' });
    setParticipation(db, round.id, memberId, 'in_progress');
    return { response: readResponse(db, id), code };
  }).immediate();
}

/** Finds an in-progress anonymous response by its one-time code. */
export function resumeAnonymousResponse(db: Db, round: Round, code: string): StoredResponse | undefined {
  const row = db
    .prepare<[number, string], { id: number }>("SELECT id FROM response WHERE round_id = ? AND resume_hash = ? AND status = 'in_progress'")
    .get(round.id, resumeHash(round.id, code));
  return row && readResponse(db, row.id);
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

/** Locks a response; in an anonymous round also forgets its resume code. */
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
export function reopenResponse(db: Db, round: Round, memberId: number): boolean {
  return db.transaction(() => {
    const r = db.prepare("UPDATE response SET status = 'in_progress', submitted_on = NULL WHERE round_id = ? AND member_id = ? AND status = 'submitted'").run(round.id, memberId);
    if (r.changes === 1) setParticipation(db, round.id, memberId, 'in_progress');
    return r.changes === 1;
  }).immediate();
}

/**
 * Enters a whole response from a paper form, submitted and locked, in one
 * transaction. `replace` removes the member's earlier response first (named
 * rounds only: an anonymous response cannot be found to be replaced).
 */
export function enterPaperResponse(
  db: Db,
  round: Round,
  memberId: number,
  answers: ReadonlyMap<string, string>,
  options: { replace: boolean; today: string },
): void {
  db.transaction(() => {
    if (!round.anonymous) {
      const old = db.prepare<[number, number], { id: number }>('SELECT id FROM response WHERE round_id = ? AND member_id = ?').get(round.id, memberId);
      if (old) db.prepare('DELETE FROM response WHERE id = ?').run(old.id);
    }
    const id = insertResponse(db, { roundId: round.id, memberId: round.anonymous ? null : memberId, resumeHash: null, source: 'paper' });
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
  return { submitted: rows.filter((r) => r.status === 'submitted').map((r) => r.m), inProgress: rows.filter((r) => r.status === 'in_progress').map((r) => r.m) };
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
