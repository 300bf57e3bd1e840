/**
 * `decide()`, table by table: every decision and every rejection reason, and
 * the order of provisional and final exports, against a small in-memory
 * stand-in for what is already merged (the store's semantics: one file per
 * unit, each covering its own code and its units').
 */
import { describe, expect, it } from 'vitest';
import { decide, type Decision, type MergeCandidate, type MergeState, type MergeTarget, type StoredFileRef } from '../../src/exchange/merge.js';
import { loadQuestionnaireFile } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';

function smallQuestionnaire(): Questionnaire {
  const r = loadQuestionnaireFile(new URL('../fixtures/questionnaires/small.yaml', import.meta.url).pathname);
  if (!r.ok) throw new Error('fixture invalid');
  return r.questionnaire;
}
const q = smallQuestionnaire();

const target = (o: Partial<MergeTarget> = {}): MergeTarget => ({ roundId: 1, roundLabel: '2026', questionnaire: q, receivingUnitCode: 'DU01', replace: false, ...o });

function file(o: Partial<MergeCandidate> & { code?: string; covers?: string[] } = {}): MergeCandidate {
  const code = o.code ?? 'CB01';
  return {
    questionnaire: { id: q.id, version: q.version, sha256: q.sha256 },
    roundLabel: '2026',
    unit: { code, name: `Chi bộ ${code}`, level: 'chi-bo', parentCode: 'DU01' },
    status: 'final',
    integrity: 'i1',
    exportedAt: '2026-11-23T09:00:00Z',
    members: 10,
    respondents: 9,
    units: (o.covers ?? []).map((c) => ({ code: c, name: c, level: 'chi-bo', parentCode: code, members: 5, respondents: 5 })),
    counts: '{}',
    itemsProblem: undefined,
    signer: TEST_KEY,
    ...o,
  };
}

const TEST_KEY = 'AAAA-BBBB-CCCC-DDDD';

/** What the store would hold: files by id, and which codes each covers. */
class MemoryState implements MergeState {
  private next = 1;
  readonly files = new Map<number, { ref: StoredFileRef; codes: string[] }>();
  fileOf(unitCode: string): StoredFileRef | undefined {
    return [...this.files.values()].find((f) => f.ref.unitCode === unitCode)?.ref;
  }
  covering(codes: ReadonlyArray<string>, except?: number): ReadonlyMap<string, StoredFileRef> {
    const out = new Map<string, StoredFileRef>();
    for (const f of this.files.values()) if (f.ref.id !== except) for (const c of codes) if (f.codes.includes(c)) out.set(c, f.ref);
    return out;
  }
  /** Every unit's key pinned, and every file signed by it (the key checks are tested in merge-keys.test.ts). */
  pinOf(): { fingerprint: string; verified: boolean } {
    return { fingerprint: TEST_KEY, verified: true };
  }
  listedParent(): undefined {
    return undefined;
  }
  /** Applies a decision as the merge service does. */
  apply(f: MergeCandidate, d: Decision, fileName: string): void {
    if (d.kind === 'replace') this.files.delete(d.replaceId);
    if (d.kind === 'replace' || d.kind === 'accept') {
      const id = this.next++;
      this.files.set(id, { ref: { id, unitCode: f.unit.code, status: f.status, integrity: f.integrity, exportedAt: f.exportedAt, fileName }, codes: [f.unit.code, ...f.units.map((u) => u.code)] });
    }
  }
}

/** Merges the files in order; returns each decision's kind (or rejection code) and what ends up stored. */
function mergeInOrder(files: ReadonlyArray<readonly [string, MergeCandidate]>, t: MergeTarget = target()) {
  const state = new MemoryState();
  const kinds = files.map(([name, f]) => {
    const d = decide(f, t, state);
    state.apply(f, d, name);
    return d.kind === 'reject' ? d.reason.code : d.kind === 'skip' && d.older ? 'skip-older' : d.kind;
  });
  return { kinds, stored: [...state.files.values()].map((f) => f.ref.fileName).sort() };
}

describe('decide: one file against what is merged', () => {
  it.each([
    ['a new unit is accepted', [], file(), target(), { kind: 'accept' }],
    ['the same file again is skipped', [['a.csv', file()]], file(), target(), { kind: 'skip', previous: 'a.csv' }],
    ['another questionnaire is refused', [], file({ questionnaire: { id: 'x', version: '2', sha256: 'f'.repeat(64) } }), target(), { kind: 'reject', reason: { code: 'MERGE_QUESTIONNAIRE_MISMATCH', id: 'x', version: '2', sha256: 'f'.repeat(64), expected: `${q.id} ${q.version}` } }],
    ['another round is refused', [], file({ roundLabel: '2025' }), target(), { kind: 'reject', reason: { code: 'MERGE_ROUND_MISMATCH', fileRound: '2025', round: '2026' } }],
    ['items that do not fit are refused', [], file({ itemsProblem: 'behaviour: −A1.1' }), target(), { kind: 'reject', reason: { code: 'MERGE_ITEMS_MISMATCH', detail: 'behaviour: −A1.1' } }],
    ['the unit\'s own file is refused', [], file({ code: 'DU01' }), target(), { kind: 'reject', reason: { code: 'MERGE_OWN_UNIT', unit: 'DU01' } }],
    ['a file covering the unit itself is refused', [], file({ code: 'DU02', covers: ['DU01'] }), target(), { kind: 'reject', reason: { code: 'MERGE_OWN_UNIT', unit: 'DU01' } }],
    ['other final figures conflict', [['a.csv', file()]], file({ integrity: 'i2' }), target(), { kind: 'reject', reason: { code: 'MERGE_CONFLICT', unit: 'CB01', previous: 'a.csv' } }],
    ['--replace replaces a final file', [['a.csv', file()]], file({ integrity: 'i2' }), target({ replace: true }), { kind: 'replace', replaceId: 1, previous: 'a.csv' }],
    ['a provisional file after the final one is refused', [['a.csv', file()]], file({ status: 'provisional', integrity: 'i2' }), target(), { kind: 'reject', reason: { code: 'MERGE_PROVISIONAL_AFTER_FINAL', unit: 'CB01', previous: 'a.csv' } }],
    ['--replace lets a provisional file replace a final one', [['a.csv', file()]], file({ status: 'provisional', integrity: 'i2' }), target({ replace: true }), { kind: 'replace', replaceId: 1, previous: 'a.csv' }],
    ['the final file replaces a provisional one', [['p.csv', file({ status: 'provisional' })]], file({ integrity: 'i2' }), target(), { kind: 'replace', replaceId: 1, previous: 'p.csv' }],
    ['the same integrity but final after provisional still replaces', [['p.csv', file({ status: 'provisional' })]], file(), target(), { kind: 'replace', replaceId: 1, previous: 'p.csv' }],
    ['a later provisional file replaces an earlier one', [['p.csv', file({ status: 'provisional' })]], file({ status: 'provisional', integrity: 'i2', exportedAt: '2026-11-23T10:00:00Z' }), target(), { kind: 'replace', replaceId: 1, previous: 'p.csv' }],
    ['an earlier provisional file is skipped as older', [['p.csv', file({ status: 'provisional', exportedAt: '2026-11-23T10:00:00Z' })]], file({ status: 'provisional', integrity: 'i2' }), target(), { kind: 'skip', previous: 'p.csv', older: true }],
    ['two provisional files of the same second conflict', [['p.csv', file({ status: 'provisional' })]], file({ status: 'provisional', integrity: 'i2' }), target(), { kind: 'reject', reason: { code: 'MERGE_CONFLICT', unit: 'CB01', previous: 'p.csv' } }],
    ['--replace takes even an earlier provisional file', [['p.csv', file({ status: 'provisional', exportedAt: '2026-11-23T10:00:00Z' })]], file({ status: 'provisional', integrity: 'i2' }), target({ replace: true }), { kind: 'replace', replaceId: 1, previous: 'p.csv' }],
    ['a cell already inside its committee\'s file is double counting', [['du.csv', file({ code: 'DU02', covers: ['CB01'] })]], file(), target(), { kind: 'reject', reason: { code: 'MERGE_DOUBLE_COUNTED', unit: 'CB01', previous: 'du.csv', previousUnit: 'DU02' } }],
    ['a committee\'s file covering a cell already merged is double counting', [['cb.csv', file()]], file({ code: 'DU02', covers: ['CB01'] }), target(), { kind: 'reject', reason: { code: 'MERGE_DOUBLE_COUNTED', unit: 'CB01', previous: 'cb.csv', previousUnit: 'CB01' } }],
    ['--replace does not allow double counting', [['du.csv', file({ code: 'DU02', covers: ['CB01'] })]], file(), target({ replace: true }), { kind: 'reject', reason: { code: 'MERGE_DOUBLE_COUNTED', unit: 'CB01', previous: 'du.csv', previousUnit: 'DU02' } }],
    ['a committee\'s new file replacing its old one is not double counting', [['du.csv', file({ code: 'DU02', covers: ['CB01'], status: 'provisional' })]], file({ code: 'DU02', covers: ['CB01'], integrity: 'i2' }), target(), { kind: 'replace', replaceId: 1, previous: 'du.csv' }],
  ] as const)('%s', (_name, before, f, t, expected) => {
    const state = new MemoryState();
    for (const [name, b] of before) state.apply(b, { kind: 'accept' }, name);
    expect(decide(f, t, state)).toEqual(expected);
  });

  it('checks the questionnaire before the round, the round before the items, the items before the unit', () => {
    const all = file({ questionnaire: { id: 'x', version: '2', sha256: 'f'.repeat(64) }, roundLabel: '2025', itemsProblem: 'x', code: 'DU01' });
    const kinds = [all, { ...all, questionnaire: file().questionnaire }, { ...all, questionnaire: file().questionnaire, roundLabel: '2026' }, { ...all, questionnaire: file().questionnaire, roundLabel: '2026', itemsProblem: undefined }].map(
      (f) => {
        const d = decide(f, target(), new MemoryState());
        return d.kind === 'reject' ? d.reason.code : d.kind;
      },
    );
    expect(kinds).toEqual(['MERGE_QUESTIONNAIRE_MISMATCH', 'MERGE_ROUND_MISMATCH', 'MERGE_ITEMS_MISMATCH', 'MERGE_OWN_UNIT']);
  });
});

describe('decide: the order files arrive in', () => {
  const p1 = file({ status: 'provisional', integrity: 'p1', exportedAt: '2026-11-20T08:00:00Z' });
  const p2 = file({ status: 'provisional', integrity: 'p2', exportedAt: '2026-11-21T08:00:00Z' });
  const fin = file({ status: 'final', integrity: 'f', exportedAt: '2026-11-22T08:00:00Z' });
  const orders: Array<[string, Array<readonly [string, MergeCandidate]>, string[]]> = [
    ['p1 p2 final', [['p1.csv', p1], ['p2.csv', p2], ['f.csv', fin]], ['accept', 'replace', 'replace']],
    ['p2 p1 final', [['p2.csv', p2], ['p1.csv', p1], ['f.csv', fin]], ['accept', 'skip-older', 'replace']],
    ['final p1 p2', [['f.csv', fin], ['p1.csv', p1], ['p2.csv', p2]], ['accept', 'MERGE_PROVISIONAL_AFTER_FINAL', 'MERGE_PROVISIONAL_AFTER_FINAL']],
    ['p1 final p2', [['p1.csv', p1], ['f.csv', fin], ['p2.csv', p2]], ['accept', 'replace', 'MERGE_PROVISIONAL_AFTER_FINAL']],
    ['p2 final p1', [['p2.csv', p2], ['f.csv', fin], ['p1.csv', p1]], ['accept', 'replace', 'MERGE_PROVISIONAL_AFTER_FINAL']],
    ['final p2 p1', [['f.csv', fin], ['p2.csv', p2], ['p1.csv', p1]], ['accept', 'MERGE_PROVISIONAL_AFTER_FINAL', 'MERGE_PROVISIONAL_AFTER_FINAL']],
  ];
  it.each(orders)('%s: the final export is what counts', (_name, files, kinds) => {
    expect(mergeInOrder(files)).toEqual({ kinds, stored: ['f.csv'] });
  });

  it('of two provisional exports the later counts, in either order', () => {
    expect(mergeInOrder([['p1.csv', p1], ['p2.csv', p2]]).stored).toEqual(['p2.csv']);
    expect(mergeInOrder([['p2.csv', p2], ['p1.csv', p1]]).stored).toEqual(['p2.csv']);
  });

  it('merging the same files again changes nothing', () => {
    const files: Array<readonly [string, MergeCandidate]> = [['p1.csv', p1], ['f.csv', fin], ['f.csv', fin], ['p1.csv', p1]];
    expect(mergeInOrder(files)).toEqual({ kinds: ['accept', 'replace', 'skip', 'MERGE_PROVISIONAL_AFTER_FINAL'], stored: ['f.csv'] });
  });
});
