/**
 * Scenarios for the forensic tests (issue 13): a cell whose members answer in
 * an order the test chooses, by paper form (in-process, fast) or through the
 * real terminal interview (a pseudo-terminal per member, slow), with the truth
 * the attacker must not recover: who answered what, in which turn.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempCell, type TempCell } from './cell.js';
import { answerRange, startAnswer } from './interview-pty.js';
import { KEYS } from './pty.js';
import { seeded } from './random.js';
import type { Truth } from './sqlite-leaks.js';

export const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;

export interface BallotScenario {
  readonly cell: TempCell;
  /** Behaviour ids of the round's questionnaire, in interview order. */
  readonly behaviours: ReadonlyArray<string>;
  /** Member id → code (M001 …). */
  readonly codes: ReadonlyMap<number, string>;
  /** Each member's ballot, distinct from every other. */
  readonly ballots: ReadonlyMap<number, ReadonlyMap<string, string>>;
  /** The truth for findLinks: members, ballots, ids; turnOrder once answered. */
  truth(turnOrder?: ReadonlyArray<number>): Truth;
}

/** Member names that differ (a cell of n members). */
function names(n: number): string[] {
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
  const given = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh', 'Ngọc', 'Phương', 'Quân'];
  return Array.from({ length: n }, (_, i) => `${family[i % family.length]} Văn ${given[Math.floor(i / family.length) % given.length]} ${i + 1}`);
}

/**
 * A cell with `members` members and an open round (`anonymous` or named), and
 * a random ballot per member from `seed` (three levels over 111 behaviours:
 * two ballots agree everywhere with probability 3^-111).
 */
export async function ballotScenario(options: { members: number; anonymous: boolean; seed: number }): Promise<BallotScenario> {
  const cell = await tempCell({ members: names(options.members), round: ['--label', 'forensics', ...(options.anonymous ? ['--anonymous'] : [])] });
  const show = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as {
    groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }>;
  };
  const behaviours = show.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
  const members = cell.query<{ id: number; code: string }>('SELECT id, code FROM member ORDER BY id');
  const rnd = seeded(options.seed);
  const ballots = new Map(members.map((m) => [m.id, new Map(behaviours.map((b) => [b, LEVELS[Math.floor(rnd() * 3)]!]))]));
  return {
    cell,
    behaviours,
    codes: new Map(members.map((m) => [m.id, m.code])),
    ballots,
    truth: (turnOrder) => ({
      members: members.map((m) => m.id),
      ballots: [...ballots].filter(([id]) => !turnOrder || turnOrder.includes(id)).map(([memberId, answers]) => ({ memberId, answers })),
      behaviours,
      levels: LEVELS,
      ...(turnOrder ? { turnOrder } : {}),
    }),
  };
}

/** A fixed shuffle of member ids (Fisher–Yates from a seed). */
export function shuffled(ids: Iterable<number>, seed: number): number[] {
  const out = [...ids];
  const rnd = seeded(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The secretary enters the members' paper forms in `order` (`tusoi answer --member … --answers FILE`). */
export async function enterPaperForms(s: BallotScenario, order: ReadonlyArray<number>): Promise<void> {
  for (const id of order) {
    const form = join(s.cell.dir, `form-${id}.csv`);
    writeFileSync(form, `behaviour,level\n${[...s.ballots.get(id)!].map(([b, l]) => `${b},${l}`).join('\n')}\n`);
    const r = await s.cell.cli(['answer', '--member', s.codes.get(id)!, '--answers', form]);
    if (r.status !== 0) throw new Error(`paper form of member ${id}: ${r.stderr}`);
  }
}

/**
 * Members answer in `order` through the real interview (`tusoi answer
 * --member`), one pseudo-terminal each: every answer is committed as it is
 * given, as in a meeting. About 111 commits per member, so seconds per member.
 * Anonymous rounds only (a named round asks for commitments after submitting).
 * Returns the resume code each member was shown.
 */
export async function interviewBallots(s: BallotScenario, order: ReadonlyArray<number>): Promise<Map<number, string>> {
  const codes = new Map<number, string>();
  for (const id of order) {
    const answers = s.ballots.get(id)!;
    const session = await startAnswer(s.cell, s.codes.get(id)!);
    // An anonymous round shows the member a one-time resume code first (only its hash is stored).
    const code = await Promise.race([
      session.waitFor(/Mã tiếp tục của đồng chí: ([2-9A-Z]{4}-[2-9A-Z]{4})/).then(() => /Mã tiếp tục của đồng chí: ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(session.text())![1]!),
      session.waitFor('Câu 1/').then(() => undefined),
    ]);
    if (code) codes.set(id, code);
    await answerRange(session, 1, s.behaviours.length, (n) => answers.get(s.behaviours[n - 1]!)!);
    await session.waitFor(`đã trả lời ${s.behaviours.length}/${s.behaviours.length} câu`);
    await session.waitFor('phím số');
    session.type(KEYS.enter); // "Nộp phiếu" is first
    await session.waitFor('Nộp phiếu bây giờ?');
    session.type('c');
    session.type(KEYS.enter);
    const exit = await session.exited;
    if (exit.exitCode !== 0) throw new Error(`interview of member ${id} ended with ${exit.exitCode}:\n${session.text().slice(-800)}`);
  }
  return codes;
}
