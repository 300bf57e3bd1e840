/**
 * The member list. Names are stored in NFC, searched without diacritics and
 * listed in Vietnamese order; each member has a short code because namesakes
 * are common. A member with answers is deactivated, never deleted.
 */
import { compareNames, fold, nameKey } from '../text/vietnamese.js';
import type { Db } from './db.js';

export interface Member {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
}

interface MemberRow {
  id: number;
  code: string;
  name: string;
  active: number;
}

const toMember = (r: MemberRow): Member => ({ id: r.id, code: r.code, name: r.name, active: r.active === 1 });

export function listMembers(db: Db, options: { includeInactive?: boolean } = {}): Member[] {
  const rows = db.prepare<[], MemberRow>(`SELECT id, code, name, active FROM member ${options.includeInactive ? '' : 'WHERE active = 1'}`).all();
  return rows.map(toMember).sort((a, b) => compareNames(a.name, b.name) || a.code.localeCompare(b.code));
}

export function countMembers(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM member WHERE active = 1').get()!.n;
}

/**
 * The members a round's participation rate is taken over: the active members,
 * plus any since deactivated who took part in it.
 */
export function countParticipatingMembers(db: Db, roundId: number): number {
  return db
    .prepare<[{ round: number }], { n: number }>(
      `SELECT COUNT(*) AS n FROM member m WHERE m.active = 1 OR EXISTS (SELECT 1 FROM participation p WHERE p.round_id = @round AND p.member_id = m.id)
         OR EXISTS (SELECT 1 FROM anon_round a, json_each(a.submitted) j WHERE a.round_id = @round AND j.value = m.id)
         OR EXISTS (SELECT 1 FROM anon_round a, json_each(a.in_progress) j WHERE a.round_id = @round AND j.value = m.id)`,
    )
    .get({ round: roundId })!.n;
}

export function findMemberByCode(db: Db, code: string): Member | undefined {
  const row = db.prepare<[string], MemberRow>('SELECT id, code, name, active FROM member WHERE code = ? COLLATE NOCASE').get(code.trim());
  return row && toMember(row);
}

/**
 * Members a query may mean: an exact code wins; then names equal to the query
 * without diacritics ("nguyen van a" finds "Nguyễn Văn A"); then names that
 * contain it.
 */
export function searchMembers(db: Db, query: string, options: { includeInactive?: boolean } = {}): Member[] {
  const byCode = findMemberByCode(db, query);
  if (byCode && (byCode.active || options.includeInactive)) return [byCode];
  const key = fold(query);
  if (key === '') return [];
  const all = listMembers(db, options);
  const exact = all.filter((m) => fold(m.name) === key);
  if (exact.length > 0) return exact;
  return all.filter((m) => fold(m.name).includes(key) || fold(m.code).includes(key));
}

/** The next free generated code: M001, M002… */
export function nextMemberCode(db: Db, taken: ReadonlySet<string> = new Set()): string {
  const codes = new Set(
    db.prepare<[], { code: string }>("SELECT code FROM member WHERE code LIKE 'M%'").all().map((r) => r.code.toUpperCase()),
  );
  for (let n = 1; ; n++) {
    const code = `M${String(n).padStart(3, '0')}`;
    if (!codes.has(code) && !taken.has(code)) return code;
  }
}

export interface NewMember {
  readonly name: string;
  readonly code?: string;
}

export type AddOutcome =
  | { readonly kind: 'added'; readonly member: Member }
  | { readonly kind: 'skipped'; readonly member: Member; readonly reason: 'same-code' | 'same-name' }
  | { readonly kind: 'conflict'; readonly code: string; readonly existing: Member };

/**
 * Plans adding members without writing: a given code already used by the same
 * name is "already on the list"; by another name, a conflict. A name without a
 * code that is already on the list is skipped (namesakes need a code).
 */
export function planMembers(db: Db, entries: ReadonlyArray<NewMember>): AddOutcome[] {
  const planned = new Set<string>();
  const plannedNames = new Set<string>();
  const outcomes: AddOutcome[] = [];
  for (const e of entries) {
    const name = nameKey(e.name);
    const code = e.code === undefined ? undefined : e.code.trim();
    if (code) {
      const existing = findMemberByCode(db, code);
      if (existing) {
        outcomes.push(
          fold(existing.name) === fold(name)
            ? { kind: 'skipped', member: existing, reason: 'same-code' }
            : { kind: 'conflict', code, existing },
        );
        continue;
      }
      if (planned.has(code.toUpperCase())) {
        outcomes.push({ kind: 'conflict', code, existing: { id: 0, code, name, active: true } });
        continue;
      }
      planned.add(code.toUpperCase());
      plannedNames.add(fold(name));
      outcomes.push({ kind: 'added', member: { id: 0, code, name, active: true } });
      continue;
    }
    const sameName = searchMembers(db, name, { includeInactive: false }).find((m) => fold(m.name) === fold(name));
    if (sameName) {
      outcomes.push({ kind: 'skipped', member: sameName, reason: 'same-name' });
      continue;
    }
    const generated = nextMemberCode(db, planned);
    planned.add(generated);
    plannedNames.add(fold(name));
    outcomes.push({ kind: 'added', member: { id: 0, code: generated, name, active: true } });
  }
  return outcomes;
}

/** Adds the planned members in one transaction; returns them with their ids. */
export function addMembers(db: Db, members: ReadonlyArray<{ name: string; code: string }>, today: string): Member[] {
  const insert = db.prepare('INSERT INTO member (code, name, search_key, active, added_on) VALUES (?, ?, ?, 1, ?)');
  return db.transaction(() =>
    members.map((m) => {
      const name = nameKey(m.name);
      const info = insert.run(m.code, name, fold(name), today);
      return { id: Number(info.lastInsertRowid), code: m.code, name, active: true };
    }),
  ).immediate();
}

/** Removes a member; one who has taken part in any round is deactivated instead, keeping their data. */
export function removeMember(db: Db, id: number): 'deleted' | 'deactivated' {
  return db.transaction(() => {
    const used =
      db.prepare('SELECT 1 FROM participation WHERE member_id = ? LIMIT 1').get(id) !== undefined ||
      db.prepare('SELECT 1 FROM response WHERE member_id = ? LIMIT 1').get(id) !== undefined ||
      db
        .prepare('SELECT 1 FROM anon_round a, json_each(a.submitted) j WHERE j.value = @id UNION ALL SELECT 1 FROM anon_round a, json_each(a.in_progress) j WHERE j.value = @id LIMIT 1')
        .get({ id }) !== undefined;
    if (used) {
      db.prepare('UPDATE member SET active = 0 WHERE id = ?').run(id);
      return 'deactivated' as const;
    }
    db.prepare('DELETE FROM member WHERE id = ?').run(id);
    return 'deleted' as const;
  }).immediate();
}

