/**
 * Anonymous rounds (issue 13): no order, no residue.
 *
 * A submitted anonymous ballot is added to its round's tally and its rows are
 * deleted (secure_delete is on for every connection, so freed cells and
 * pages are zeroed); nothing per ballot survives submission. What stays:
 * - one `anon_round` row per round, rewritten whole at every change: the
 *   sorted ids of who has submitted and who is in progress, the number of
 *   ballots, their counts (summary/packed.ts layout) and the salt of the
 *   round's resume codes. One cell, so its place in a page says nothing of
 *   who came when;
 * - `anon_ballot`: each ballot in progress, sealed (ballot-seal.ts) under a
 *   key only its code and its member derive, until submitted or discarded.
 *
 * SQLite's WAL still holds each submission's pages in order until a
 * checkpoint copies them back and the log is truncated: `scrubWal` runs a
 * TRUNCATE checkpoint after each submission and checks it; one blocked by a
 * reader (a `status` in another window) leaves the `scrub` flag, retried at
 * the next submission, the next opening, and at the latest when the round
 * closes, which waits for it.
 */
import { InternalError, UserError } from '../errors.js';
import { allBehaviours, type Questionnaire } from '../questionnaire/model.js';
import { emptySummary, summarise, type CoveredUnit, type Summary } from '../summary/aggregate.js';
import { CountsPacker, unpackCounts } from '../summary/packed.js';
import { rollUp } from '../summary/rollup.js';
import { decodeBallot, deriveBallotKey, encodeBallot, newResumeCode, seal, unseal, type BallotKey, type BallotState } from './ballot-seal.js';
import type { Db } from './db.js';
import { randomBytes } from 'node:crypto';
import { slipTally } from './web-slips.js';

interface AnonRow {
  salt: Buffer;
  submitted: string;
  in_progress: string;
  respondents: number;
  counts: string | null;
}

interface AnonRound {
  readonly salt: Buffer;
  readonly submitted: ReadonlyArray<number>;
  readonly inProgress: ReadonlyArray<number>;
  readonly respondents: number;
  readonly counts: string | null;
}

function readRow(db: Db, roundId: number): AnonRound | undefined {
  const row = db.prepare<[number], AnonRow>('SELECT salt, submitted, in_progress, respondents, counts FROM anon_round WHERE round_id = ?').get(roundId);
  return (
    row && {
      salt: row.salt,
      submitted: JSON.parse(row.submitted) as number[],
      inProgress: JSON.parse(row.in_progress) as number[],
      respondents: row.respondents,
      counts: row.counts,
    }
  );
}

/** The round's row, created on first use (inside the caller's write transaction). */
function ensureRow(db: Db, roundId: number): AnonRound {
  const found = readRow(db, roundId);
  if (found) return found;
  db.prepare("INSERT INTO anon_round (round_id, salt, submitted, in_progress, respondents, counts) VALUES (?, ?, '[]', '[]', 0, NULL)").run(roundId, randomBytes(16));
  return readRow(db, roundId)!;
}

const sorted = (ids: Iterable<number>): number[] => [...new Set(ids)].sort((a, b) => a - b);

/** Rewrites the whole row: the lists sorted, so neither their order nor the cell's place records a turn. */
function writeRow(db: Db, roundId: number, r: AnonRound): void {
  db.prepare('UPDATE anon_round SET submitted = ?, in_progress = ?, respondents = ?, counts = ? WHERE round_id = ?').run(
    JSON.stringify(sorted(r.submitted)),
    JSON.stringify(sorted(r.inProgress)),
    r.respondents,
    r.counts,
    roundId,
  );
}

function setFlag(db: Db, name: 'scrub' | 'rewrite'): void {
  db.prepare('INSERT OR IGNORE INTO store_flag (name) VALUES (?)').run(name);
}

function roundIsOpen(db: Db, roundId: number): boolean {
  return db.prepare<[number], { open: number }>('SELECT closed_on IS NULL AS open FROM round WHERE id = ?').get(roundId)?.open === 1;
}

/** Who has submitted and who is in progress in an anonymous round (member ids, ascending). */
export function anonymousParticipation(db: Db, roundId: number): { submitted: number[]; inProgress: number[] } {
  const r = readRow(db, roundId);
  return { submitted: [...(r?.submitted ?? [])], inProgress: [...(r?.inProgress ?? [])] };
}

/** The counts of an anonymous round's submitted ballots, as the summary of one unit. */
export function anonymousSummary(db: Db, q: Questionnaire, roundId: number, unit: Omit<CoveredUnit, 'respondents'>): Summary {
  const r = readRow(db, roundId);
  if (!r || r.counts === null || r.respondents === 0) return summarise(q, [], unit);
  return unpackCounts(
    r.counts,
    { questionnaire: { id: q.id, version: q.version, sha256: q.sha256 }, members: unit.members, respondents: r.respondents, units: [{ ...unit, respondents: r.respondents }] },
    db.name,
  );
}

/** A summary's counts packed in questionnaire order (overall, groups, manifestations, behaviours). */
function packSummary(q: Questionnaire, s: Summary): string {
  const p = new CountsPacker(s.levels);
  const vector = (c: Readonly<Record<string, number>> | undefined) => s.levels.map((l) => c?.[l] ?? 0);
  p.add('overall', '', vector(s.overall));
  for (const g of q.groups) p.add('group', g.id, vector(s.groups.get(g.id)));
  for (const g of q.groups) for (const m of g.manifestations) p.add('manifestation', m.id, vector(s.manifestations.get(m.id)));
  for (const b of allBehaviours(q)) p.add('behaviour', b.id, vector(s.behaviours.get(b.id)));
  return p.done();
}

/** Adds one complete ballot to the round's tally and marks the member submitted (inside the caller's transaction). */
function addToTally(db: Db, q: Questionnaire, roundId: number, memberId: number | null, answers: ReadonlyMap<string, string>): void {
  const r = ensureRow(db, roundId);
  const unit = { code: '', name: '', level: '', parentCode: null, members: 0 };
  const before = anonymousSummary(db, q, roundId, unit);
  const one = summarise(q, [answers], unit); // throws on a missing answer: nothing is counted then
  const after = rollUp(emptySummary(q), [before, one]);
  writeRow(db, roundId, {
    ...r,
    // A slip's ballot (memberId null): its member was counted when ticked off (web-slips.ts).
    submitted: memberId === null ? r.submitted : [...r.submitted, memberId],
    inProgress: r.inProgress.filter((m) => m !== memberId),
    respondents: r.respondents + 1,
    counts: packSummary(q, after),
  });
  setFlag(db, 'scrub');
}

/** Whether a member has submitted, is in progress or has not started. */
export function anonymousParticipationOf(db: Db, roundId: number, memberId: number): 'none' | 'in_progress' | 'submitted' {
  const r = readRow(db, roundId);
  if (r?.submitted.includes(memberId)) return 'submitted';
  return r?.inProgress.includes(memberId) ? 'in_progress' : 'none';
}

/** An open ballot: what the terminal holds in memory while a member answers (the key is never stored). */
export interface BallotHandle {
  readonly roundId: number;
  readonly memberId: number;
  readonly key: BallotKey;
  /** The code the member was shown or typed: shown again when the turn is interrupted. */
  readonly code: string;
}

const order = (q: Questionnaire) => ({ behaviours: allBehaviours(q).map((b) => b.id), levels: q.levels.map((l) => l.id) });

function sealState(q: Questionnaire, h: BallotHandle, state: BallotState): Buffer {
  const o = order(q);
  return seal(h.key, h.roundId, encodeBallot(state, o.behaviours, o.levels));
}

/** Starts a sealed ballot for a member with a new code; the member is marked in progress. */
export function startBallot(db: Db, q: Questionnaire, roundId: number, memberId: number): { handle: BallotHandle; state: BallotState } {
  const salt = db.transaction(() => ensureRow(db, roundId).salt).immediate();
  for (;;) {
    const code = newResumeCode();
    // NOTE: derived outside the write transaction: scrypt takes ~0.1 s, and a second kiosk may be writing.
    const handle: BallotHandle = { roundId, memberId, key: deriveBallotKey(code, salt, memberId), code };
    const state: BallotState = { answers: new Map(), cursor: null };
    const placed = db.transaction(() => {
      if (!roundIsOpen(db, roundId)) throw new UserError('RESPONSE_CLOSED', {});
      // Checked again here, in the write: the secretary may have ticked the member off for a slip
      // while the kiosk turn waited at a prompt. A member ticked off answers on the slip only.
      if (slipTally(db, roundId).ticked.includes(memberId)) {
        const name = db.prepare<[number], { name: string }>('SELECT name FROM member WHERE id = ?').get(memberId)?.name ?? '';
        throw new UserError('SLIP_TICKED', { member: name });
      }
      const taken = db.prepare('SELECT 1 FROM anon_ballot WHERE lookup = ?').get(handle.key.lookup);
      if (taken) return false;
      db.prepare('INSERT INTO anon_ballot (lookup, round_id, sealed) VALUES (?, ?, ?)').run(handle.key.lookup, roundId, sealState(q, handle, state));
      const r = ensureRow(db, roundId);
      writeRow(db, roundId, { ...r, inProgress: [...r.inProgress, memberId] });
      return true;
    }).immediate();
    if (placed) return { handle, state };
  }
}

/** The member's ballot opened with a code, or undefined: a wrong code, or another member's. */
export function openBallot(db: Db, q: Questionnaire, roundId: number, memberId: number, code: string): { handle: BallotHandle; state: BallotState } | undefined {
  const r = readRow(db, roundId);
  if (!r) return undefined;
  const handle: BallotHandle = { roundId, memberId, key: deriveBallotKey(code, r.salt, memberId), code };
  const state = readBallot(db, q, handle);
  return state && { handle, state };
}

function readBallot(db: Db, q: Questionnaire, h: BallotHandle): BallotState | undefined {
  const row = db.prepare<[Buffer, number], { sealed: Buffer }>('SELECT sealed FROM anon_ballot WHERE lookup = ? AND round_id = ?').get(h.key.lookup, h.roundId);
  const plain = row && unseal(h.key, h.roundId, row.sealed);
  if (!plain) return undefined;
  const o = order(q);
  return decodeBallot(plain, o.behaviours, o.levels);
}

/** Re-seals the ballot with one more answer or move; refused once submitted, discarded or closed. */
export function saveBallot(db: Db, q: Questionnaire, h: BallotHandle, change: (s: BallotState) => BallotState): void {
  db.transaction(() => {
    const current = roundIsOpen(db, h.roundId) ? readBallot(db, q, h) : undefined;
    if (!current) throw new UserError('RESPONSE_CLOSED', {});
    db.prepare('UPDATE anon_ballot SET sealed = ? WHERE lookup = ?').run(sealState(q, h, change(current)), h.key.lookup);
  }).immediate();
}

/** Submits: the ballot's answers join the tally, the ballot is deleted, the member counted; then the WAL is scrubbed. */
export function submitBallot(db: Db, q: Questionnaire, h: BallotHandle): void {
  db.transaction(() => {
    const current = roundIsOpen(db, h.roundId) ? readBallot(db, q, h) : undefined;
    if (!current) throw new UserError('RESPONSE_CLOSED', {});
    db.prepare('DELETE FROM anon_ballot WHERE lookup = ?').run(h.key.lookup);
    addToTally(db, q, h.roundId, h.memberId, current.answers);
  }).immediate();
  scrubWal(db);
}

/** Discards a ballot in progress at once (its member starts again). */
export function discardBallot(db: Db, h: BallotHandle): void {
  db.transaction(() => {
    db.prepare('DELETE FROM anon_ballot WHERE lookup = ? AND round_id = ?').run(h.key.lookup, h.roundId);
    setFlag(db, 'scrub');
  }).immediate();
  scrubWal(db);
}

/** A whole paper form straight into the tally: no ballot row is ever written. */
export function enterAnonymousPaper(db: Db, q: Questionnaire, roundId: number, memberId: number, answers: ReadonlyMap<string, string>): void {
  db.transaction(() => {
    if (!roundIsOpen(db, roundId)) throw new UserError('RESPONSE_CLOSED', {});
    if (anonymousParticipationOf(db, roundId, memberId) !== 'none') throw new InternalError('paper form over an existing anonymous ballot');
    addToTally(db, q, roundId, memberId, answers);
  }).immediate();
  scrubWal(db);
}

/**
 * A whole sheet of paper forms straight into the tally, in one transaction
 * and one rewrite of the round's row: the members are added to the sorted
 * list of who submitted and the forms' counts to the sums, so nothing stored
 * pairs a form with a member, not even the order they came in. Throws (and
 * stores nothing) if any member has already taken part.
 */
export function enterAnonymousPapers(db: Db, q: Questionnaire, roundId: number, memberIds: ReadonlyArray<number>, forms: ReadonlyArray<ReadonlyMap<string, string>>): void {
  if (memberIds.length !== forms.length || new Set(memberIds).size !== memberIds.length) throw new InternalError('one distinct member per anonymous paper form');
  db.transaction(() => {
    if (!roundIsOpen(db, roundId)) throw new UserError('RESPONSE_CLOSED', {});
    if (memberIds.some((m) => anonymousParticipationOf(db, roundId, m) !== 'none')) throw new InternalError('paper forms over an existing anonymous ballot');
    const r = ensureRow(db, roundId);
    const unit = { code: '', name: '', level: '', parentCode: null, members: 0 };
    const before = anonymousSummary(db, q, roundId, unit);
    const after = rollUp(emptySummary(q), [before, ...forms.map((f) => summarise(q, [f], unit))]);
    writeRow(db, roundId, {
      ...r,
      submitted: [...r.submitted, ...memberIds],
      inProgress: r.inProgress.filter((m) => !memberIds.includes(m)),
      respondents: r.respondents + forms.length,
      counts: packSummary(q, after),
    });
    setFlag(db, 'scrub');
  }).immediate();
  scrubWal(db);
}

/**
 * Every unfinished ballot of a round deleted and nobody left in progress:
 * part of closing the round (inside its transaction). Unfinished ballots are
 * never counted.
 */
export function purgeUnfinished(db: Db, roundId: number): number {
  const n = db.prepare('DELETE FROM anon_ballot WHERE round_id = ?').run(roundId).changes;
  const r = readRow(db, roundId);
  if (r) writeRow(db, roundId, { ...r, inProgress: [] });
  // The file is rewritten once the close commits (`rewriteFile`); a crash before that leaves the flag.
  setFlag(db, 'rewrite');
  return n;
}

/** The number of sealed ballots in progress in a round (for tests and the secretary's checks; no member is named). */
export function countSealedBallots(db: Db, roundId: number): number {
  return db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM anon_ballot WHERE round_id = ?').get(roundId)!.n;
}

/** The longest single wait for readers, as a writer's busy timeout (store/db.ts). */
const WAIT_STEP_MS = 10_000;

function hasFlag(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM store_flag WHERE name = ?').get(name) !== undefined;
}

/** One TRUNCATE checkpoint, waiting at most `waitMs` for readers; true when the WAL was emptied. */
function checkpoint(db: Db, waitMs: number): boolean {
  const before = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.round(waitMs)}`);
  try {
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    // NOTE: in rollback-journal mode (a file being built) there is no WAL: busy 0, log -1.
    return r !== undefined && r.busy === 0 && r.log === r.checkpointed;
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${before}`);
  }
}

/**
 * Empties the WAL if a submission, discard or purge left its frames there
 * (the `scrub` flag). Returns whether nothing is left owed. The flag is
 * cleared only after a successful checkpoint, then the log is truncated once
 * more (it then holds only the flag's removal).
 */
export function scrubWal(db: Db, waitMs = 250): boolean {
  if (db.inTransaction || !hasFlag(db, 'scrub')) return true;
  if (!checkpoint(db, waitMs)) return false;
  db.prepare("DELETE FROM store_flag WHERE name = 'scrub'").run();
  checkpoint(db, waitMs);
  return true;
}

/** As `scrubWal`, retried until it succeeds or `deadlineMs` has passed (closing a round). */
export function scrubWalUntilDone(db: Db, deadlineMs: number, now: () => number = Date.now): boolean {
  const end = now() + deadlineMs;
  for (;;) {
    if (scrubWal(db, Math.min(WAIT_STEP_MS, Math.max(50, end - now())))) return true;
    if (now() >= end) return false;
  }
}

/**
 * Work owed to the file by an earlier command (called by `openDatabase` after
 * migrating): after step 5 converted anonymous rounds, VACUUM (so none of
 * their old pages or free space survives) and truncate the WAL; then any
 * scrub a reader blocked.
 */
export function settleStore(db: Db): void {
  if (hasFlag(db, 'rewrite')) rewriteFile(db, WAIT_STEP_MS);
  else scrubWal(db);
}

/**
 * VACUUM (every page rebuilt in key order: no freeblock, stale cell pointer
 * or free page survives), then the WAL emptied, retried until `deadlineMs`;
 * false when a reader kept it (the `scrub` flag stays for the next opening).
 * Used after step 5 and when an anonymous round closes.
 */
export function rewriteFile(db: Db, deadlineMs: number): boolean {
  db.exec('VACUUM');
  db.transaction(() => {
    db.prepare("DELETE FROM store_flag WHERE name = 'rewrite'").run();
    setFlag(db, 'scrub');
  }).immediate();
  return scrubWalUntilDone(db, deadlineMs);
}

// --- anonymous slips of the network form (issue 18, part 2): ballots linked to no member ---

/** The member id a slip's ballot key is derived with: no member has it (ids start at 1). */
export const SLIP_MEMBER = 0;

/** The salt of the round's ballot keys, made on first use (a slip's key is derived with it, off the event loop). */
export function anonymousRoundSalt(db: Db, roundId: number): Buffer {
  return db.transaction(() => ensureRow(db, roundId).salt).immediate();
}

/** A slip's ballot, opened or started with the key its code derives; nobody is marked in progress (a slip names no one). */
export function openOrStartSlipBallot(db: Db, q: Questionnaire, roundId: number, key: BallotKey): { handle: BallotHandle; state: BallotState } {
  const handle: BallotHandle = { roundId, memberId: SLIP_MEMBER, key, code: '' };
  return db.transaction(() => {
    if (!roundIsOpen(db, roundId)) throw new UserError('RESPONSE_CLOSED', {});
    const found = readBallot(db, q, handle);
    if (found) return { handle, state: found };
    const state: BallotState = { answers: new Map(), cursor: null };
    db.prepare('INSERT INTO anon_ballot (lookup, round_id, sealed) VALUES (?, ?, ?)').run(handle.key.lookup, roundId, sealState(q, handle, state));
    return { handle, state };
  }).immediate();
}

/** A ballot in progress opened with its key (a slip's device holds it, sealed under its cookie), or undefined. */
export function readBallotWithKey(db: Db, q: Questionnaire, h: BallotHandle): BallotState | undefined {
  return roundIsOpen(db, h.roundId) ? readBallot(db, q, h) : undefined;
}

/**
 * Submits a slip's ballot: in one transaction `within` runs first (the slip's
 * checks and bookkeeping; a throw there keeps the ballot in progress), then
 * the ballot is deleted and its answers join the tally, no member added;
 * then the WAL is scrubbed.
 */
export function submitSlipBallot(db: Db, q: Questionnaire, h: BallotHandle, within: () => void): void {
  db.transaction(() => {
    const current = roundIsOpen(db, h.roundId) ? readBallot(db, q, h) : undefined;
    if (!current) throw new UserError('RESPONSE_CLOSED', {});
    if (allBehaviours(q).some((b) => !current.answers.has(b.id))) throw new InternalError('incomplete slip ballot');
    within();
    db.prepare('DELETE FROM anon_ballot WHERE lookup = ?').run(h.key.lookup);
    addToTally(db, q, h.roundId, null, current.answers);
  }).immediate();
  scrubWal(db);
}

/**
 * Marks a member as having taken part (or, `on` false, no longer), as a paper
 * ballot does, with no ballot: the slip they were handed carries their answers.
 * Inside the caller's transaction; the row is rewritten whole and sorted.
 */
export function markTakenPart(db: Db, roundId: number, memberId: number, on: boolean): void {
  const r = ensureRow(db, roundId);
  writeRow(db, roundId, { ...r, submitted: on ? [...r.submitted, memberId] : r.submitted.filter((m) => m !== memberId) });
  setFlag(db, 'scrub');
}
