/**
 * Commitments sealed with the member's secret, on a real SQLite file: what
 * the file holds (a query of every column and a byte search of the .sqlite
 * and -wal files), a wrong secret refused, boxes bound to their row, the
 * follow-up, and commitments made before sealing (in clear) sealed and erased.
 */
import { describe, expect, it } from 'vitest';
import {
  commitmentItems,
  commitmentsOf,
  createSecret,
  dropCommitment,
  followUpsFor,
  hasSecret,
  keepCommitment,
  pendingFollowUpCount,
  recordFollowUp,
  sealUnsealed,
  unlockSecret,
  unsealedCount,
  type MemberKey,
} from '../../src/services/commitments.js';
import { openResponse, storingHooks } from '../../src/services/interview.js';
import { closeOpenRound, openNewRound } from '../../src/services/round-lifecycle.js';
import type { Db } from '../../src/store/db.js';
import { roundQuestionnaire, type Round } from '../../src/store/rounds.js';
import { NOW, questionnaireAt, serviceDb, SMALL } from './support.js';
import { besideDue } from '../support/raw-search.js';
import { bytes, rawFiles } from '../support/raw-files.js';

const ACTION = 'Đến đúng giờ mọi buổi sinh hoạt chi bộ';
const DUE = '31/3/2027';

function cell() {
  const s = serviceDb({ members: ['Nguyễn Văn An', 'Trần Thị Bình'] });
  const round = s.round as Round;
  const q = roundQuestionnaire(s.db, round);
  const an = s.members[0]!;
  const open = openResponse(s.db, round, q, an);
  const hooks = storingHooks(s.db, round, an, open, () => NOW);
  for (const [b, l] of [['A1.1', 'thinh-thoang'], ['A1.2', 'khong'], ['A2.1', 'thuong-xuyen'], ['B1.1', 'khong'], ['B1.2', 'khong']] as const) hooks.onAnswer(b, l, null);
  hooks.onSubmit();
  return { ...s, round, q, an };
}

/** Every value of every commitment-related table, as text and as hex, for a search. */
function dumpTables(db: Db): string {
  const tables = ['sealed_commitment', 'member_key', 'unsealed_commitment'];
  return tables
    .flatMap((t) => db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>)
    .flatMap((row) => Object.values(row).map((v) => (Buffer.isBuffer(v) ? `${v.toString('latin1')} ${v.toString('hex')}` : String(v))))
    .join('\n');
}

describe('a commitment sealed with the member’s secret', () => {
  it('is unreadable in the file without it, and reads and updates with it', async () => {
    const c = cell();
    expect(hasSecret(c.db, c.an)).toBe(false);
    const { secret, key } = await createSecret(c.an);
    expect(secret).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    // Not stored until the first commitment: a member is never left with a key they were not shown.
    expect(hasSecret(c.db, c.an)).toBe(false);
    keepCommitment(c.db, c.round, c.an, key, { behaviourId: 'A2.1', level: 'thuong-xuyen' }, { action: ACTION, due: DUE });
    expect(hasSecret(c.db, c.an)).toBe(true);

    // What the secretary sees: a commitment exists, its round, member, deadline; no behaviour, level or text.
    expect(c.db.prepare('SELECT round_id AS round, member_id AS member, due, outcome FROM sealed_commitment').all()).toEqual([{ round: c.round.id, member: c.an.id, due: DUE, outcome: null }]);
    const dump = dumpTables(c.db);
    for (const s of [bytes(ACTION), 'A2.1', 'thuong-xuyen', secret, secret.replaceAll('-', '')]) expect(dump).not.toContain(s);
    c.db.close();
    const raw = rawFiles(c.file);
    expect(raw).not.toContain(bytes(ACTION));
    expect(raw).not.toContain(bytes('Đến đúng giờ'));
    expect(raw).not.toContain(secret.replaceAll('-', ''));
    expect(besideDue(raw, 'A2.1', DUE)).toBe(0);
    expect(raw).toContain(DUE); // the deadline is in clear, as the member is told
  });

  it('refuses a wrong, a malformed and an accented secret; the right one opens, changes and drops it', async () => {
    const c = cell();
    const { secret, key } = await createSecret(c.an);
    keepCommitment(c.db, c.round, c.an, key, { behaviourId: 'A1.1', level: 'thinh-thoang' }, { action: ACTION, due: null });
    const wrong = secret.startsWith('2') ? `3${secret.slice(1)}` : `2${secret.slice(1)}`;
    expect(await unlockSecret(c.db, c.an, wrong)).toEqual({ ok: false, reason: 'wrong' });
    expect(await unlockSecret(c.db, c.an, '1234')).toEqual({ ok: false, reason: 'malformed' });
    expect(await unlockSecret(c.db, c.an, 'ÂBCD-EFGH-JKLM')).toEqual({ ok: false, reason: 'accented' });
    expect(await unlockSecret(c.db, c.members[1]!, secret)).toEqual({ ok: false, reason: 'none' });
    // Case, spaces and hyphens do not matter.
    const r = await unlockSecret(c.db, c.an, ` ${secret.replaceAll('-', ' ').toLowerCase()} `);
    if (!r.ok) throw new Error(r.reason);
    const items = commitmentItems(c.db, c.round, c.q, c.an, r.key);
    expect(items.map((i) => [i.behaviour.id, i.level?.id, i.current?.action ?? null])).toEqual([['A1.1', 'thinh-thoang', ACTION], ['A2.1', 'thuong-xuyen', null]]);
    keepCommitment(c.db, c.round, c.an, r.key, { behaviourId: 'A1.1', level: 'thinh-thoang' }, { action: 'Sửa ngay', due: DUE });
    expect(commitmentsOf(c.db, c.round, c.an, r.key).map((x) => [x.behaviourId, x.level, x.action, x.due])).toEqual([['A1.1', 'thinh-thoang', 'Sửa ngay', DUE]]);
    expect(c.db.prepare('SELECT COUNT(*) AS n FROM sealed_commitment').get()).toEqual({ n: 1 });
    dropCommitment(c.db, c.an, commitmentsOf(c.db, c.round, c.an, r.key)[0]!);
    expect(commitmentsOf(c.db, c.round, c.an, r.key)).toEqual([]);
  });

  it('does not open when its box is moved to another row (the row, round and member are authenticated)', async () => {
    const c = cell();
    const { key } = await createSecret(c.an);
    keepCommitment(c.db, c.round, c.an, key, { behaviourId: 'A1.1', level: 'thinh-thoang' }, { action: 'Một', due: '1/1/2027' });
    keepCommitment(c.db, c.round, c.an, key, { behaviourId: 'A2.1', level: 'thuong-xuyen' }, { action: 'Hai', due: '2/2/2027' });
    expect(commitmentsOf(c.db, c.round, c.an, key, c.q).map((x) => x.action)).toEqual(['Một', 'Hai']);
    // The secretary swaps the boxes, to pin "Một" on the other deadline: neither opens any more.
    const rows = c.db.prepare('SELECT id, box FROM sealed_commitment').all() as Array<{ id: number; box: Buffer }>;
    const set = c.db.prepare('UPDATE sealed_commitment SET box = ? WHERE id = ?');
    set.run(rows[1]!.box, rows[0]!.id);
    set.run(rows[0]!.box, rows[1]!.id);
    expect(commitmentsOf(c.db, c.round, c.an, key)).toEqual([]);
  });

  it('is followed up at the next round: counted without the secret, opened and marked with it, once', async () => {
    const c = cell();
    const { secret, key } = await createSecret(c.an);
    keepCommitment(c.db, c.round, c.an, key, { behaviourId: 'A2.1', level: 'thuong-xuyen' }, { action: ACTION, due: DUE });
    closeOpenRound(c.db, NOW);
    const next = openNewRound(c.db, { label: '2027', ...questionnaireAt(SMALL), anonymous: false }, NOW);
    expect(pendingFollowUpCount(c.db, next, c.an)).toBe(1);
    const r = await unlockSecret(c.db, c.an, secret);
    if (!r.ok) throw new Error(r.reason);
    const pending = followUpsFor(c.db, next, c.an, r.key);
    expect(pending.map((p) => [p.roundLabel, p.behaviourId, p.level, p.action, p.due])).toEqual([['2026', 'A2.1', 'thuong-xuyen', ACTION, DUE]]);
    recordFollowUp(c.db, c.an, pending[0]!, 'partly', NOW);
    expect(pendingFollowUpCount(c.db, next, c.an)).toBe(0);
    expect(c.db.prepare('SELECT outcome, followed_on AS followedOn FROM sealed_commitment').all()).toEqual([{ outcome: 'partly', followedOn: '2026-11-23' }]);
  });
});

describe('a commitment made before sealing (in clear, migration step 6 keeps it as it was)', () => {
  it('is sealed under the member’s new key at their next interview, and erased from the .sqlite and -wal files', async () => {
    const c = cell();
    c.db.prepare("INSERT INTO unsealed_commitment (round_id, member_id, behaviour_id, action, due) VALUES (?, ?, 'A2.1', ?, ?)").run(c.round.id, c.an.id, ACTION, DUE);
    // Checkpointed, as an old file would be: the text is now in the main file's pages.
    c.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(rawFiles(c.file)).toContain(bytes(ACTION));
    expect(unsealedCount(c.db, c.an)).toBe(1);

    const { secret, key } = await createSecret(c.an);
    expect(sealUnsealed(c.db, c.an, key as MemberKey)).toBe(1);
    expect(unsealedCount(c.db, c.an)).toBe(0);
    expect(dumpTables(c.db)).not.toContain(bytes(ACTION));
    expect(rawFiles(c.file)).not.toContain(bytes(ACTION));
    expect(besideDue(rawFiles(c.file), 'A2.1', DUE)).toBe(0);
    const r = await unlockSecret(c.db, c.an, secret);
    if (!r.ok) throw new Error(r.reason);
    expect(commitmentsOf(c.db, c.round, c.an, r.key).map((x) => [x.behaviourId, x.level, x.action, x.due])).toEqual([['A2.1', 'thuong-xuyen', ACTION, DUE]]);
  });
});
