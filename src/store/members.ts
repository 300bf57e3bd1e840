/**
 * The member list. Names are stored in NFC, searched without diacritics and
 * listed in Vietnamese order; each member has a short code because namesakes
 * are common. A member with answers is deactivated, never deleted.
 */
import { compareNames, fold, nameKey } from '../text/vietnamese.js';
import type { SkipReason } from '../exchange/members-csv.js';
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

export interface NewMember {
  readonly name: string;
  readonly code?: string;
}

export type AddOutcome =
  | { readonly kind: 'added'; readonly member: Member }
  | { readonly kind: 'skipped'; readonly member: Member; readonly reason: SkipReason }
  | { readonly kind: 'conflict'; readonly code: string; readonly existing: Member };

/** "0123" and "123": what is left of a code once Excel has taken it for a number. */
const withoutLeadingZeros = (code: string): string => code.replace(/^0+(?=.)/u, '').toUpperCase();

/**
 * Plans adding members without writing: a given code already used by the same
 * name is "already on the list"; by another name, a conflict. A name without a
 * code that is already on the list, or earlier in the batch, is skipped
 * (namesakes need a code). With `namesakes: 'skip'` (an imported list), a name
 * listed under another code is skipped too, as a re-save or a namesake to add
 * by hand; `member add --code` adds it.
 */
export function planMembers(db: Db, entries: ReadonlyArray<NewMember>, options: { namesakes?: 'add' | 'skip' } = {}): AddOutcome[] {
  const planned = new Set<string>();
  const plannedNames = new Map<string, Member>();
  const outcomes: AddOutcome[] = [];
  // Active members by folded name, folded once: a list is checked against every row.
  const byName = new Map<string, Member[]>();
  for (const m of listMembers(db)) byName.set(fold(m.name), [...(byName.get(fold(m.name)) ?? []), m]);
  const listedAs = (name: string): ReadonlyArray<Member> => byName.get(fold(name)) ?? [];
  const byCode = db.prepare<[string], MemberRow>('SELECT id, code, name, active FROM member WHERE code = ? COLLATE NOCASE');
  // Generated codes (M001, M002…): the first free ones, going on from the last given in this batch; the list is read once, not per row.
  const generatedTaken = new Set(db.prepare<[], { code: string }>("SELECT code FROM member WHERE code LIKE 'M%'").all().map((r) => r.code.toUpperCase()));
  let lastGenerated = 0;
  const nextGenerated = (): string => {
    for (let n = lastGenerated + 1; ; n++) {
      const code = `M${String(n).padStart(3, '0')}`;
      if (!generatedTaken.has(code) && !planned.has(code)) {
        lastGenerated = n;
        return code;
      }
    }
  };
  for (const e of entries) {
    const name = nameKey(e.name);
    const code = e.code === undefined ? undefined : e.code.trim();
    if (code) {
      const row = byCode.get(code);
      const existing = row && toMember(row);
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
      const namesake = options.namesakes === 'skip' ? listedAs(name) : [];
      if (namesake.length > 0) {
        const resaved = namesake.find((m) => withoutLeadingZeros(m.code) === withoutLeadingZeros(code));
        outcomes.push(resaved ? { kind: 'skipped', member: resaved, reason: 'leading-zeros' } : { kind: 'skipped', member: namesake[0]!, reason: 'namesake' });
        continue;
      }
      planned.add(code.toUpperCase());
      const member = { id: 0, code, name, active: true };
      if (!plannedNames.has(fold(name))) plannedNames.set(fold(name), member);
      outcomes.push({ kind: 'added', member });
      continue;
    }
    const sameName = listedAs(name)[0];
    if (sameName) {
      outcomes.push({ kind: 'skipped', member: sameName, reason: 'same-name' });
      continue;
    }
    const earlier = plannedNames.get(fold(name));
    if (earlier) {
      outcomes.push({ kind: 'skipped', member: earlier, reason: 'repeated-name' });
      continue;
    }
    const generated = nextGenerated();
    planned.add(generated);
    const member = { id: 0, code: generated, name, active: true };
    plannedNames.set(fold(name), member);
    outcomes.push({ kind: 'added', member });
  }
  return outcomes;
}

/**
 * Gives a member a new name (NFC, spaces folded). The caller checks the name
 * is not another active member's; the code stays, so their answers stay theirs.
 */
export function renameMember(db: Db, id: number, name: string): Member {
  const key = nameKey(name);
  db.prepare('UPDATE member SET name = ?, search_key = ? WHERE id = ?').run(key, fold(key), id);
  return toMember(db.prepare<[number], MemberRow>('SELECT id, code, name, active FROM member WHERE id = ?').get(id)!);
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

