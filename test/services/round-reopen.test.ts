/**
 * Closing with a look at who has not finished, and reopening a closed round
 * only while that is sound (issue 15, part 4): on real SQLite files.
 */
import { describe, expect, it } from 'vitest';
import { exportRound } from '../../src/services/export-round.js';
import { enterPaperForm } from '../../src/services/paper-form.js';
import { gatherReport } from '../../src/services/report-round.js';
import { closeOpenRound, closeOutlook, openNewRound, reopenClosedRound } from '../../src/services/round-lifecycle.js';
import { summariseRound } from '../../src/services/round-summary.js';
import { anonymousParticipation, anonymousParticipationOf, countSealedBallots, startBallot } from '../../src/store/anonymous.js';
import { openDatabase } from '../../src/store/db.js';
import { openForReading, readMode } from '../../src/store/read-only.js';
import { startNamedResponse, saveAnswer } from '../../src/store/responses.js';
import { roundUses } from '../../src/store/round-use.js';
import { findRound, roundQuestionnaire, type Round } from '../../src/store/rounds.js';
import { sealFolder } from '../support/read-only.js';
import { NOW, questionnaireAt, serviceDb, SMALL } from './support.js';

const all = (level: string) => new Map(['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2'].map((b) => [b, level]));
const LATER = new Date('2026-11-30T10:00:00Z');
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};
const EXPORT = { delimiter: ',', lang: 'vi', tusoiVersion: '9.9.9' } as const;

/** A cell of three: the first submitted, the second in progress, the third not started. */
function threeMembers(anonymous: boolean) {
  const cell = serviceDb({ members: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'], anonymous });
  const round = cell.round as Round;
  const [an, binh] = cell.members;
  enterPaperForm(cell.db, round, { member: an!, answers: all('thinh-thoang'), replace: false }, NOW);
  if (anonymous) startBallot(cell.db, roundQuestionnaire(cell.db, round), round.id, binh!.id);
  else saveAnswer(cell.db, startNamedResponse(cell.db, round, binh!.id).id, 'A1.1', 'khong', null);
  return { ...cell, round };
}

describe('closing a round', () => {
  it('says who is in progress and who has not started, by code and name, in a named and an anonymous round', () => {
    for (const anonymous of [false, true]) {
      const cell = threeMembers(anonymous);
      const o = closeOutlook(cell.db, NOW);
      expect(o.kind === 'collect' && [o.total, o.submitted, o.inProgress, o.notStarted]).toEqual([
        3,
        1,
        [{ code: 'DV002', name: 'Trần Thị Bình' }],
        [{ code: 'DV003', name: 'Lê Văn Cường' }],
      ]);
    }
  });

  it('in a merging unit, says which units have not reported', () => {
    const du = serviceDb({ code: 'DU01', level: 'dang-uy-co-so', parent: null });
    du.db.prepare("INSERT INTO expected_unit (code, name, level, parent_code) VALUES ('CB01', 'Chi bộ 1', 'chi-bo', 'DU01')").run();
    const o = closeOutlook(du.db, NOW);
    expect(o.kind === 'merge' && [o.expected, o.reported, o.missing]).toEqual([1, 0, [{ code: 'CB01', name: 'Chi bộ 1' }]]);
  });

  it('refuses to close another round than the one the question was about', () => {
    const cell = serviceDb();
    const asked = cell.round as Round;
    closeOpenRound(cell.db, NOW);
    openNewRound(cell.db, { label: '2027', ...questionnaireAt(SMALL), anonymous: false }, NOW);
    expect(code(() => closeOpenRound(cell.db, NOW, asked))).toBe('ROUND_CHANGED');
    expect(findRound(cell.db, '2027')?.closedOn).toBeNull();
  });
});

describe('reopening a named round', () => {
  it('reopens a closed round with everything kept, until its final export', () => {
    const cell = threeMembers(false);
    expect(code(() => reopenClosedRound(cell.db, undefined, NOW))).toBe('ROUND_NOT_CLOSED');
    // A provisional export (round open) does not stand in the way.
    expect(exportRound(cell.db, EXPORT, NOW).status).toBe('provisional');
    closeOpenRound(cell.db, NOW);
    expect(findRound(cell.db, '2026')?.membersAtClose).toBe(3);
    // A report of the closed round is recorded, and does not stand in the way either.
    gatherReport(cell.db, {}, LATER);
    expect(roundUses(cell.db, cell.round.id)).toEqual([{ kind: 'report', at: '2026-11-30T10:00:00Z' }]);
    const again = reopenClosedRound(cell.db, undefined, LATER);
    expect([again.label, again.closedOn, findRound(cell.db, '2026')?.membersAtClose]).toEqual(['2026', null, null]);
    // The member in progress goes on; the one who submitted is still counted.
    expect(startNamedResponse(cell.db, again, cell.members[1]!.id).status).toBe('in_progress');
    expect(summariseRound(cell.db, again).summary.respondents).toBe(1);

    closeOpenRound(cell.db, LATER);
    expect(exportRound(cell.db, EXPORT, LATER).status).toBe('final');
    expect(code(() => reopenClosedRound(cell.db, '2026', LATER))).toBe('ROUND_REOPEN_EXPORTED');
    expect(findRound(cell.db, '2026')?.closedOn).not.toBeNull();
  });

  it('refuses while another round is open, and names the round it cannot find', () => {
    const cell = serviceDb();
    closeOpenRound(cell.db, NOW);
    openNewRound(cell.db, { label: '2027', ...questionnaireAt(SMALL), anonymous: false }, NOW);
    expect(code(() => reopenClosedRound(cell.db, '2026', NOW))).toBe('ROUND_ALREADY_OPEN');
    expect(code(() => reopenClosedRound(cell.db, '2030', NOW))).toBe('ROUND_NOT_FOUND');
    expect(code(() => reopenClosedRound(serviceDb({ round: false }).db, undefined, NOW))).toBe('NO_ROUNDS');
  });
});

describe('reopening an anonymous round', () => {
  it('keeps the tally and who submitted; unfinished ballots stay deleted and those members start again', () => {
    const cell = threeMembers(true);
    closeOpenRound(cell.db, NOW);
    expect(countSealedBallots(cell.db, cell.round.id)).toBe(0);
    const again = reopenClosedRound(cell.db, '2026', NOW);
    expect(again.closedOn).toBeNull();
    expect(anonymousParticipation(cell.db, cell.round.id)).toEqual({ submitted: [cell.members[0]!.id], inProgress: [] });
    expect(anonymousParticipationOf(cell.db, cell.round.id, cell.members[1]!.id)).toBe('none');
    // One more ballot joins the same tally.
    enterPaperForm(cell.db, again, { member: cell.members[2]!, answers: all('khong'), replace: false }, NOW);
    closeOpenRound(cell.db, NOW);
    const s = summariseRound(cell.db, again).summary;
    expect([s.respondents, s.behaviours.get('A1.1')]).toEqual([2, { khong: 1, 'thinh-thoang': 1, 'thuong-xuyen': 0 }]);
  });

  it('is refused once reported, exported or compared with since it closed', () => {
    const uses: Array<(db: ReturnType<typeof serviceDb>['db']) => void> = [
      (db) => gatherReport(db, {}, LATER),
      (db) => exportRound(db, EXPORT, LATER),
      (db) => {
        openNewRound(db, { label: '2027', ...questionnaireAt(SMALL), anonymous: false }, NOW);
        gatherReport(db, { compare: '2026' }, LATER);
        closeOpenRound(db, NOW);
      },
    ];
    for (const use of uses) {
      const cell = threeMembers(true);
      closeOpenRound(cell.db, NOW);
      use(cell.db);
      expect(code(() => reopenClosedRound(cell.db, '2026', LATER))).toBe('ROUND_REOPEN_REPORTED');
    }
  });

  it('is never compared with while open: its live tally would show through --compare', () => {
    const cell = serviceDb({ members: ['Nguyễn Văn An'], anonymous: true });
    closeOpenRound(cell.db, NOW);
    openNewRound(cell.db, { label: '2027', ...questionnaireAt(SMALL), anonymous: true }, NOW);
    closeOpenRound(cell.db, NOW);
    reopenClosedRound(cell.db, '2027', NOW);
    // Reporting 2026 compared with the open anonymous 2027.
    expect(code(() => gatherReport(cell.db, { round: '2026', compare: '2027' }, NOW))).toBe('ANONYMOUS_OPEN');
  });
});

describe('recording a report', () => {
  it('through a connection opened for reading: recorded, and the connection refuses writes again afterwards', () => {
    const cell = threeMembers(true);
    closeOpenRound(cell.db, NOW);
    cell.db.close();
    const d = openForReading(cell.file);
    expect(readMode(d)).toBe('in-place');
    gatherReport(d, {}, LATER);
    expect(() => d.exec('DELETE FROM member')).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
    d.close();
    const db = openDatabase(cell.file);
    expect(roundUses(db, cell.round.id)).toEqual([{ kind: 'report', at: '2026-11-30T10:00:00Z' }]);
    expect(code(() => reopenClosedRound(db, '2026', LATER))).toBe('ROUND_REOPEN_REPORTED');
    db.close();
  });

  it('from a file tusoi cannot write: read from memory, nothing recorded (the README says so)', () => {
    const cell = threeMembers(true);
    closeOpenRound(cell.db, NOW);
    cell.db.close();
    expect(sealFolder(cell.dir)).toBe(true);
    const d = openForReading(cell.file);
    expect(readMode(d)).toBe('memory');
    expect(gatherReport(d, {}, LATER).rs.summary.respondents).toBe(1);
    expect(roundUses(d, cell.round.id)).toEqual([]);
    d.close();
  });

  it('an open round is not recorded', () => {
    const cell = threeMembers(false);
    gatherReport(cell.db, {}, LATER);
    exportRound(cell.db, EXPORT, LATER);
    expect(roundUses(cell.db, cell.round.id)).toEqual([]);
  });
});
