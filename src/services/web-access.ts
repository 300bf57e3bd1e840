/**
 * Access to the network form (`tusoi serve`): personal codes for a named
 * round's members, checked once per device, and the device's session.
 *
 * A code is 10 characters from a 31-character alphabet with no look-alikes
 * (no 0/O, 1/I/L): log2(31^10) ≈ 49.5 bits. Against the server's rate limit
 * (at most a few hundred guesses in a meeting) the chance of hitting any of
 * 60 members' codes is below 1 in 10^10. Stored as scrypt hashes only.
 */
import { randomInt, scrypt as scryptCb } from 'node:crypto';
import { isoDay } from '../clock.js';
import type { Db } from '../store/db.js';
import { listMembers, type Member } from '../store/members.js';
import { participationOf } from '../store/responses.js';
import type { Round } from '../store/rounds.js';
import { activeMemberById, countCodes, createSession, findSession, memberOfCode, replaceCodes, roundCodeSalt, type CodeSalt } from '../store/web-access.js';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;
export const CODE_BITS = Math.round(CODE_LENGTH * Math.log2(CODE_ALPHABET.length) * 10) / 10;

/** A fresh random code, e.g. "K7QH2-MX9TD" as printed. */
export function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** A code as printed: two groups of five. */
export const printedCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

/** A typed code, normalised (case, spaces and dashes ignored), or undefined when it cannot be one. */
export function normaliseCode(typed: string): string | undefined {
  const s = typed.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== CODE_LENGTH) return undefined;
  for (const c of s) if (!CODE_ALPHABET.includes(c)) return undefined;
  return s;
}

export function stretch(code: string, salt: CodeSalt): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(code, salt.salt, 32, { N: salt.n, r: salt.r, p: salt.p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export interface IssuedCode {
  readonly member: Member;
  readonly code: string;
}

/**
 * New codes for the round's active members who have not submitted (printing
 * again replaces a member's earlier code and signs out their devices).
 */
export async function issueCodes(db: Db, round: Round, now: Date): Promise<IssuedCode[]> {
  const salt = roundCodeSalt(db, round.id);
  const members = listMembers(db).filter((m) => participationOf(db, round.id, m.id) !== 'submitted');
  const issued: IssuedCode[] = [];
  const hashes: Array<{ memberId: number; hash: Buffer }> = [];
  for (const member of members) {
    const code = newCode();
    issued.push({ member, code });
    hashes.push({ memberId: member.id, hash: await stretch(code, salt) });
  }
  replaceCodes(db, round.id, hashes, now.toISOString());
  return issued;
}

export const codesIssued = (db: Db, round: Round): number => countCodes(db, round.id);

export type CodeCheck =
  | { readonly kind: 'ok'; readonly member: Member; readonly token: string }
  | { readonly kind: 'wrong' }
  | { readonly kind: 'used'; readonly member: Member };

/** Checks a typed code (the slow part: one scrypt); a right one opens a session for the device. */
export async function checkCode(db: Db, round: Round, typed: string, now: Date): Promise<CodeCheck> {
  const code = normaliseCode(typed);
  if (!code) return { kind: 'wrong' };
  const hash = await stretch(code, roundCodeSalt(db, round.id));
  const memberId = memberOfCode(db, round.id, hash);
  const member = memberId === undefined ? undefined : activeMemberById(db, memberId);
  if (!member) return { kind: 'wrong' };
  if (participationOf(db, round.id, member.id) === 'submitted') return { kind: 'used', member };
  const { token } = createSession(db, round.id, member.id, now.toISOString());
  return { kind: 'ok', member, token };
}

/**
 * A new session for a device of a member who has submitted: over --https it
 * reaches only their commitments (`web/commitments.ts`), never the answers.
 */
export function commitmentSession(db: Db, round: Round, member: Member, now: Date): string {
  return createSession(db, round.id, member.id, now.toISOString()).token;
}

/** The member and CSRF token of a live session of this round. */
export function sessionMember(db: Db, round: Round, token: string): { member: Member; csrf: string } | undefined {
  const s = findSession(db, token);
  if (!s || s.roundId !== round.id) return undefined;
  const member = activeMemberById(db, s.memberId);
  return member ? { member, csrf: s.csrf } : undefined;
}

export const today = (now: Date): string => isoDay(now);
