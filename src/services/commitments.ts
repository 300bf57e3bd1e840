/**
 * Tự sửa for any front end: a member's commitments, readable only with their
 * secret. The secret is generated at the first commitment and shown once; it
 * unlocks a key (scrypt, per-member salt) that seals each commitment's
 * behaviour, level and text with AES-GCM (`privacy/seal.ts`). What stays in
 * clear, for the secretary: that a commitment exists, its round, deadline and
 * outcome. A lost secret loses the texts: nothing here can recover them.
 *
 * Commitments made before sealing existed (migration step 6) stay in clear
 * until their member's next interview, which seals them under the member's
 * key (`sealUnsealed`) and erases the clear copy.
 */
import { isoDay } from '../clock.js';
import { newKey, openJson, sealJson, unlockKey, type CommitmentKey, type KeyRecord } from '../privacy/seal.js';
import { newSecretCode, readSecretCode } from '../privacy/secret-code.js';
import { allBehaviours, type Behaviour, type Level, type Questionnaire } from '../questionnaire/model.js';
import type { Outcome } from '../store/commitments.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import { findMemberResponse } from '../store/responses.js';
import type { Round } from '../store/rounds.js';
import {
  checkpointAndTruncate,
  countUnsealed,
  deleteSealed,
  eraseUnsealed,
  insertMemberKey,
  insertSealed,
  readMemberKey,
  recordSealedOutcome,
  sealedOfRound,
  sealedPending,
  secureDelete,
  unsealedOf,
  updateSealed,
  type SealedRow,
} from '../store/sealed-commitments.js';

/** An opened commitment: only ever in memory, for the member who gave the secret. */
export interface Commitment {
  readonly id: number;
  readonly roundId: number;
  readonly roundLabel: string;
  readonly behaviourId: string;
  readonly level: string | null;
  readonly action: string;
  readonly due: string | null;
  readonly outcome: Outcome | null;
}

/**
 * A member's unlocked key for one interview. A new one (`pendingRecord` set)
 * is stored with the first thing sealed under it, in the same transaction, so
 * a member is never left with a stored key whose secret they were not shown.
 */
export interface MemberKey {
  readonly memberId: number;
  readonly key: CommitmentKey;
  pendingRecord: KeyRecord | undefined;
}

interface Sealed {
  readonly b: string;
  readonly l: string | null;
  readonly a: string;
}

/** The authenticated context of a box: a box moved to another row, round or member does not open. */
const context = (memberId: number, roundId: number, id: number) => `tusoi commitment v1 member=${memberId} round=${roundId} id=${id}`;

/** Whether the member has a secret (made a commitment since sealing exists). */
export function hasSecret(db: Db, member: Member): boolean {
  return readMemberKey(db, member.id) !== undefined;
}

/** A new secret for a member who has none, and its key (not stored until the first commitment is). */
export async function createSecret(member: Member): Promise<{ secret: string; key: MemberKey }> {
  const secret = newSecretCode();
  const { key, record } = await newKey(secret);
  return { secret, key: { memberId: member.id, key, pendingRecord: record } };
}

export type UnlockResult = { readonly ok: true; readonly key: MemberKey } | { readonly ok: false; readonly reason: 'accented' | 'malformed' | 'wrong' | 'none' };

/** The member's key from what they typed; why not, otherwise. One scrypt per try. */
export async function unlockSecret(db: Db, member: Member, typed: string): Promise<UnlockResult> {
  const record = readMemberKey(db, member.id);
  if (!record) return { ok: false, reason: 'none' };
  const read = readSecretCode(typed);
  if (!read.ok) return read;
  const key = await unlockKey(read.secret, record, member.code);
  return key ? { ok: true, key: { memberId: member.id, key, pendingRecord: undefined } } : { ok: false, reason: 'wrong' };
}

function storeKey(db: Db, k: MemberKey): void {
  if (k.pendingRecord) {
    insertMemberKey(db, k.memberId, k.pendingRecord);
    k.pendingRecord = undefined;
  }
}

function open(k: MemberKey, row: SealedRow): Commitment | undefined {
  const v = openJson(k.key, context(row.memberId, row.roundId, row.id), row.box) as Partial<Sealed> | undefined;
  if (!v || typeof v.b !== 'string' || typeof v.a !== 'string') return undefined;
  return { id: row.id, roundId: row.roundId, roundLabel: row.roundLabel, behaviourId: v.b, level: typeof v.l === 'string' ? v.l : null, action: v.a, due: row.due, outcome: row.outcome };
}

function seal(k: MemberKey, roundId: number, value: Sealed): (id: number) => Buffer {
  return (id) => sealJson(k.key, context(k.memberId, roundId, id), value);
}

/** Questionnaire order, or id order for behaviours it does not have. */
function byQuestionnaire(q: Questionnaire | undefined): (a: Commitment, b: Commitment) => number {
  const order = new Map((q ? allBehaviours(q) : []).map((b, i) => [b.id, i]));
  return (a, b) => a.roundId - b.roundId || (order.get(a.behaviourId) ?? 1e9) - (order.get(b.behaviourId) ?? 1e9) || a.behaviourId.localeCompare(b.behaviourId);
}

/** The member's commitments of one round, opened. */
export function commitmentsOf(db: Db, round: Round, member: Member, k: MemberKey, q?: Questionnaire): Commitment[] {
  return openAll(k, sealedOfRound(db, round.id, member.id), q);
}

/** Sealed rows opened with the member's key (a row that does not open is left out), in questionnaire order. */
function openAll(k: MemberKey, rows: ReturnType<typeof sealedOfRound>, q: Questionnaire | undefined): Commitment[] {
  return rows
    .map((r) => open(k, r))
    .filter((c): c is Commitment => c !== undefined)
    .sort(byQuestionnaire(q));
}

/** One behaviour a member reported, with the level given and the commitment kept for it, if any. */
export interface CommitmentItem {
  readonly behaviour: Behaviour;
  readonly level: Level | undefined;
  readonly current: Commitment | undefined;
}

/**
 * The behaviours a member reported in a named round (any level but the
 * first, "none"), each with its current commitment: what the commitment step
 * goes through. Without a key, no commitment is current (call it without one
 * only for a member who has no secret). Empty when the member reported nothing.
 */
export function commitmentItems(db: Db, round: Round, q: Questionnaire, member: Member, k: MemberKey | undefined): CommitmentItem[] {
  const response = findMemberResponse(db, round, member.id);
  if (!response) return [];
  const none = q.levels[0]?.id;
  const existing = new Map((k ? commitmentsOf(db, round, member, k) : []).map((x) => [x.behaviourId, x]));
  return allBehaviours(q)
    .filter((b) => (response.answers.get(b.id) ?? none) !== none)
    .map((b) => ({ behaviour: b, level: q.levels.find((l) => l.id === response.answers.get(b.id)), current: existing.get(b.id) }));
}

/** Saves (or replaces) a commitment at once, like an answer; a new key is stored with it. */
export function keepCommitment(db: Db, round: Round, member: Member, k: MemberKey, item: { behaviourId: string; level: string | null }, c: { action: string; due: string | null }): void {
  const value: Sealed = { b: item.behaviourId, l: item.level, a: c.action };
  db.transaction(() => {
    storeKey(db, k);
    const current = commitmentsOf(db, round, member, k).find((x) => x.behaviourId === item.behaviourId);
    if (current) updateSealed(db, current.id, c.due, seal(k, round.id, value)(current.id));
    else insertSealed(db, { roundId: round.id, memberId: member.id, due: c.due }, seal(k, round.id, value));
  }).immediate();
}

export function dropCommitment(db: Db, member: Member, commitment: Commitment): void {
  deleteSealed(db, commitment.id, member.id);
}

/** How many commitments of earlier rounds await the member's follow-up (counted without the secret). */
export function pendingFollowUpCount(db: Db, round: Round, member: Member): number {
  return round.anonymous ? 0 : sealedPending(db, round.id, member.id).length;
}

/** The member's commitments of earlier rounds not yet followed up, opened: asked at the start of a named round. */
export function followUpsFor(db: Db, round: Round, member: Member, k: MemberKey, q?: Questionnaire): Commitment[] {
  if (round.anonymous) return [];
  return openAll(k, sealedPending(db, round.id, member.id), q);
}

export function recordFollowUp(db: Db, member: Member, commitment: Commitment, outcome: Outcome, now: Date): void {
  recordSealedOutcome(db, commitment.id, member.id, outcome, isoDay(now));
}

/** How many of the member's commitments are still in clear (made before sealing existed). */
export function unsealedCount(db: Db, member: Member): number {
  return countUnsealed(db, member.id);
}

/**
 * Seals the member's commitments still in clear under their key (storing a
 * new key with them), then erases the clear rows with secure_delete and
 * truncates the WAL, so neither a query nor a byte search of the .sqlite and
 * -wal files finds their text. Returns how many were sealed.
 */
export function sealUnsealed(db: Db, member: Member, k: MemberKey): number {
  const rows = unsealedOf(db, member.id);
  if (rows.length === 0) return 0;
  secureDelete(db);
  db.transaction(() => {
    storeKey(db, k);
    for (const r of rows) {
      insertSealed(db, { roundId: r.roundId, memberId: member.id, due: r.due, outcome: r.outcome, followedOn: r.followedOn }, seal(k, r.roundId, { b: r.behaviourId, l: r.level, a: r.action }));
    }
    eraseUnsealed(db, rows.map((r) => r.id));
  }).immediate();
  checkpointAndTruncate(db);
  return rows.length;
}
