/** Choosing, opening and closing rounds; paper forms; summarising, reporting and exporting a round. */
import { describe, expect, it } from 'vitest';
import { readExport } from '../../src/exchange/import.js';
import { exportRound } from '../../src/services/export-round.js';
import { enterPaperForm } from '../../src/services/paper-form.js';
import { gatherReport, reportModel } from '../../src/services/report-round.js';
import { chooseRound, collectingRound, mergingRound, reportableRound, requireOpenRound } from '../../src/services/round-choice.js';
import { cleanRoundLabel, closeOpenRound, openNewRound } from '../../src/services/round-lifecycle.js';
import { summariseRound } from '../../src/services/round-summary.js';
import { addMembers } from '../../src/store/members.js';
import type { Round } from '../../src/store/rounds.js';
import { NOW, questionnaireAt, serviceDb, SMALL } from './support.js';

const small = () => ({ label: '2027', ...questionnaireAt(SMALL), anonymous: false });
const all = (level: string) => new Map(['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2'].map((b) => [b, level]));
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('rounds', () => {
  it('opens one round at a time, with a label not used before, of the kind the unit\'s level asks for', () => {
    const cell = serviceDb();
    expect(cell.round?.kind).toBe('collect');
    expect(code(() => openNewRound(cell.db, small(), NOW))).toBe('ROUND_ALREADY_OPEN');
    closeOpenRound(cell.db, NOW);
    expect(code(() => openNewRound(cell.db, { ...small(), label: '2026' }, NOW))).toBe('ROUND_LABEL_TAKEN');
    expect(openNewRound(cell.db, small(), NOW).label).toBe('2027');
    expect(serviceDb({ code: 'DU01', level: 'dang-uy-co-so' }).round?.kind).toBe('merge');
  });

  it('cleans labels and refuses empty and overlong ones', () => {
    expect(cleanRoundLabel(' Đợt 1 '.normalize('NFD'))).toBe('Đợt 1');
    expect(code(() => cleanRoundLabel('  '))).toBe('BAD_LABEL');
    expect(code(() => cleanRoundLabel('x'.repeat(65)))).toBe('BAD_LABEL');
  });

  it('chooses the round named, else the open one, else the latest; each use refuses the wrong kind or state', () => {
    const none = serviceDb({ round: false });
    expect(code(() => chooseRound(none.db, undefined, NOW))).toBe('NO_ROUNDS');
    expect(code(() => requireOpenRound(none.db, NOW))).toBe('NO_OPEN_ROUND');
    const cell = serviceDb({ anonymous: true });
    expect(code(() => reportableRound(cell.db, undefined, NOW))).toBe('ANONYMOUS_OPEN');
    expect(code(() => mergingRound(cell.db, undefined, NOW))).toBe('ROUND_NOT_MERGING');
    expect(collectingRound(cell.db, NOW).label).toBe('2026');
    closeOpenRound(cell.db, NOW);
    expect(chooseRound(cell.db, undefined, NOW).label).toBe('2026');
    expect(reportableRound(cell.db, '2026', NOW).closedOn).toBe('2026-11-23');
    expect(code(() => chooseRound(cell.db, '2030', NOW))).toBe('ROUND_NOT_FOUND');
    const du = serviceDb({ code: 'DU01', level: 'dang-uy-co-so' });
    expect(code(() => collectingRound(du.db, NOW))).toBe('ROUND_NOT_COLLECTING');
  });

  it('keeps at close the number of members who took part', () => {
    const cell = serviceDb({ members: ['Nguyễn Văn An', 'Trần Thị Bình'] });
    const round = cell.round as Round;
    enterPaperForm(cell.db, round, { member: cell.members[0]!, answers: all('khong'), replace: false }, NOW);
    expect(closeOpenRound(cell.db, NOW).label).toBe('2026');
    addMembers(cell.db, [{ name: 'Lê Văn Cường', code: 'DV009' }], '2026-11-24');
    expect(summariseRound(cell.db, chooseRound(cell.db, '2026', NOW)).summary.members).toBe(2);
  });
});

describe('paper forms', () => {
  it('enters a whole form once; a named round may replace it, an anonymous one never', () => {
    const named = serviceDb({ members: ['Nguyễn Văn An'] });
    const an = named.members[0]!;
    const round = named.round as Round;
    enterPaperForm(named.db, round, { member: an, answers: all('khong'), replace: false }, NOW);
    expect(code(() => enterPaperForm(named.db, round, { member: an, answers: all('khong'), replace: false }, NOW))).toBe('RESPONSE_EXISTS');
    enterPaperForm(named.db, round, { member: an, answers: all('thuong-xuyen'), replace: true }, NOW);
    expect(summariseRound(named.db, round).summary.behaviours.get('A1.1')).toEqual({ khong: 0, 'thinh-thoang': 0, 'thuong-xuyen': 1 });

    const anon = serviceDb({ members: ['Nguyễn Văn An'], anonymous: true });
    const ballot = { member: anon.members[0]!, answers: all('khong') };
    enterPaperForm(anon.db, anon.round as Round, { ...ballot, replace: false }, NOW);
    expect(code(() => enterPaperForm(anon.db, anon.round as Round, { ...ballot, replace: true }, NOW))).toBe('ANONYMOUS_NO_REPLACE');
    expect(code(() => enterPaperForm(anon.db, anon.round as Round, { ...ballot, replace: false }, NOW))).toBe('RESPONSE_EXISTS');
    expect(code(() => enterPaperForm(anon.db, anon.round as Round, { ...ballot, member: { ...ballot.member, active: false }, replace: false }, NOW))).toBe('MEMBER_INACTIVE');
  });
});

describe('reporting and exporting a round', () => {
  function answered() {
    const cell = serviceDb({ members: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'] });
    const round = cell.round as Round;
    enterPaperForm(cell.db, round, { member: cell.members[0]!, answers: all('thinh-thoang'), replace: false }, NOW);
    enterPaperForm(cell.db, round, { member: cell.members[1]!, answers: all('khong'), replace: false }, NOW);
    return { ...cell, round };
  }

  it('exports counts, provisional while the round is open and final once closed, and never a name', () => {
    const cell = answered();
    const open = exportRound(cell.db, { delimiter: ';', lang: 'vi', tusoiVersion: '9.9.9' }, NOW);
    expect([open.status, open.round.label, open.unit.code]).toEqual(['provisional', '2026', 'CB03']);
    closeOpenRound(cell.db, NOW);
    const closed = exportRound(cell.db, { delimiter: ',', lang: 'vi', tusoiVersion: '9.9.9' }, NOW);
    expect(closed.status).toBe('final');
    for (const name of ['Nguyễn', 'An', 'Bình', 'Cường']) expect(closed.csv).not.toContain(name);
    const read = readExport(Buffer.from(closed.csv), 'x.csv');
    expect(read.ok && [read.parsed.respondents, read.parsed.members, read.parsed.exportedAt, read.parsed.status]).toEqual([2, 3, '2026-11-23T09:30:00Z', 'final']);
    // The export row, the unit's row, then overall, 2 groups, 3 manifestations, 5 behaviours.
    expect(closed.rows).toBe(1 + 1 + 1 + 2 + 3 + 5);
  });

  it('gathers a report with a comparison and the cell\'s measures', () => {
    const cell = answered();
    closeOpenRound(cell.db, NOW);
    const next = openNewRound(cell.db, small(), NOW);
    enterPaperForm(cell.db, next, { member: cell.members[0]!, answers: all('khong'), replace: false }, NOW);
    const data = gatherReport(cell.db, { compare: '2026' }, NOW);
    expect(data.rs.round.label).toBe('2027');
    expect(data.comparison?.label).toBe('2026');
    expect(data.measures).toEqual([]);
    const model = reportModel(data, { lang: 'en', now: NOW, suppressBelow: 5 });
    expect(model.generatedOn).toBe('2026-11-23');
    expect(() => gatherReport(cell.db, { compare: 'nope' }, NOW)).toThrow(expect.objectContaining({ code: 'ROUND_NOT_FOUND' }));
  });
});

describe('where the open round stands', () => {
  it('lists each member of a cell as submitted, in progress or not started, and a committee\'s coverage', async () => {
    const { openResponse } = await import('../../src/services/interview.js');
    const { roundStatus } = await import('../../src/services/round-status.js');
    const cell = serviceDb({ members: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'] });
    const round = cell.round as Round;
    enterPaperForm(cell.db, round, { member: cell.members[0]!, answers: all('khong'), replace: false }, NOW);
    openResponse(cell.db, round, questionnaireAt(SMALL).questionnaire, cell.members[1]!);
    const s = roundStatus(cell.db);
    expect(s.rows.map((r) => [r.name, r.status])).toEqual([['Nguyễn Văn An', 'submitted'], ['Trần Thị Bình', 'in_progress'], ['Lê Văn Cường', 'not_started']]);
    expect(s.coverage).toBeUndefined();
    const du = roundStatus(serviceDb({ code: 'DU01', level: 'dang-uy-co-so' }).db);
    expect([du.rows, du.coverage?.expected, du.coverage?.files]).toEqual([[], 0, 0]);
  });
});
