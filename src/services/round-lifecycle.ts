/**
 * Opening and closing a round. A round's kind follows the unit's level: a
 * cell collects answers, a committee merges its units' files.
 */
import { isoDay } from '../clock.js';
import { UserError } from '../errors.js';
import type { Questionnaire } from '../questionnaire/model.js';
import type { Db } from '../store/db.js';
import { countParticipatingMembers } from '../store/members.js';
import { purgeUnfinished, rewriteFile } from '../store/anonymous.js';
import { closeSlips } from './web-slips.js';
import { closeRound, findOpenRound, findRound, listRounds, openRound, reopenRound, type Round } from '../store/rounds.js';
import { roundUses } from '../store/round-use.js';
import { coverage, memberStatus, type MemberStatus } from './round-status.js';
import { getUnit, isCollectingLevel } from '../store/unit.js';
import { requireOpenRound, requireRound } from './round-choice.js';
import { codePointLabel, firstUnsafe, TEXT_LIMITS } from '../text/hygiene.js';

export interface NewRound {
  readonly label: string;
  readonly questionnaire: Questionnaire;
  /** The YAML as read, pinned with the round. */
  readonly sourceText: string;
  readonly anonymous: boolean;
}

/**
 * Checks a round label as typed (NFC, trimmed, 1–64 characters, no control,
 * bidirectional or invisible character: it is shown in every report and
 * carried on every exported row) and returns it clean.
 */
export function cleanRoundLabel(label: string): string {
  const clean = label.normalize('NFC').trim();
  if (clean === '' || clean.length > TEXT_LIMITS.roundLabel) throw new UserError('BAD_LABEL', { label: clean });
  const bad = firstUnsafe(clean);
  if (bad) throw new UserError('TEXT_UNSAFE', { what: '--label', char: codePointLabel(bad.codePoint), position: bad.position, kind: bad.kind });
  return clean;
}

/** Opens a round, refusing a second open round and a label already used. */
export function openNewRound(db: Db, r: NewRound, now: Date): Round {
  const open = findOpenRound(db);
  if (open) throw new UserError('ROUND_ALREADY_OPEN', { label: open.label });
  if (findRound(db, r.label)) throw new UserError('ROUND_LABEL_TAKEN', { label: r.label });
  const kind = isCollectingLevel(getUnit(db).level) ? 'collect' : 'merge';
  return openRound(db, { ...r, kind, today: isoDay(now) });
}

/**
 * Closes the open round. A cell's round keeps the number of members who took
 * part, so members added or removed later change neither its rate nor its export.
 */
export function closeOpenRound(db: Db, now: Date, expected?: Pick<Round, 'id' | 'label'>): Round {
  const round = requireOpenRound(db, now);
  // Asked about one round, closing another would be worse than closing none.
  if (expected !== undefined && round.id !== expected.id) throw new UserError('ROUND_CHANGED', { label: expected.label });
  db.transaction(() => {
    const members = round.kind === 'collect' ? countParticipatingMembers(db, round.id) : null;
    // An anonymous round's unfinished ballots are never counted: purged with the close.
    if (round.anonymous) {
      purgeUnfinished(db, round.id);
      closeSlips(db, round); // issue 18: the network form's slips and their devices go with the close
    }
    closeRound(db, round.id, isoDay(now), members);
  }).immediate();
  // From here no page, free space or WAL frame may hold a ballot: the file is rebuilt, and readers waited out (up to a minute).
  if (round.anonymous && !rewriteFile(db, 60_000)) throw new UserError('ANON_WAL_PENDING', { file: db.name });
  return round;
}

/** A member still owing an answer, or a unit still owing a file, as `round close` lists them. */
export interface Outstanding {
  readonly code: string;
  readonly name: string;
}

/** Where the open round stands as it is about to close: who has not finished (never an answer). */
export type CloseOutlook =
  | {
      readonly kind: 'collect';
      readonly round: Round;
      readonly total: number;
      readonly submitted: number;
      readonly inProgress: ReadonlyArray<Outstanding>;
      readonly notStarted: ReadonlyArray<Outstanding>;
    }
  | {
      readonly kind: 'merge';
      readonly round: Round;
      readonly expected: number;
      readonly reported: number;
      readonly files: number;
      /** Units whose only file is provisional (exported before they closed their round). */
      readonly provisional: ReadonlyArray<string>;
      readonly missing: ReadonlyArray<Outstanding>;
    };

export function closeOutlook(db: Db, now: Date): CloseOutlook {
  const round = requireOpenRound(db, now);
  if (round.kind === 'merge') {
    const c = coverage(db, round);
    return { kind: 'merge', round, expected: c.expected, reported: c.reported, files: c.files, provisional: c.provisional, missing: c.missing.map((u) => ({ code: u.code, name: u.name })) };
  }
  const rows = memberStatus(db, round);
  const of = (s: MemberStatus) => rows.filter((r) => r.status === s).map((r) => ({ code: r.code, name: r.name }));
  return { kind: 'collect', round, total: rows.length, submitted: of('submitted').length, inProgress: of('in_progress'), notStarted: of('not_started') };
}

/**
 * Reopens a closed round (the latest when no label is given), while that is
 * sound (store/round-use.ts):
 * - a named round until a final export of it has been made: that file may be
 *   upstream already, and would no longer be the round's figures;
 * - an anonymous round until it has been reported or exported since it
 *   closed: two reports around one more ballot would reveal that ballot.
 * Reopening keeps everything the close kept: submitted responses, and an
 * anonymous round's tally and list of who has submitted. An anonymous
 * round's unfinished ballots were deleted at close: those members start
 * again. The count of members kept at close is cleared, to be taken again
 * at the next close.
 */
export function reopenClosedRound(db: Db, label: string | undefined, now: Date): Round {
  return db.transaction(() => {
    const round = label !== undefined ? requireRound(db, label) : listRounds(db).at(-1);
    if (!round) throw new UserError('NO_ROUNDS', { year: String(now.getFullYear()) });
    if (round.closedOn === null) throw new UserError('ROUND_NOT_CLOSED', { label: round.label });
    const open = findOpenRound(db);
    if (open) throw new UserError('ROUND_ALREADY_OPEN', { label: open.label });
    const uses = roundUses(db, round.id);
    if (round.anonymous) {
      const first = uses[0];
      if (first) throw new UserError('ROUND_REOPEN_REPORTED', { label: round.label, on: first.at.slice(0, 10), kind: first.kind });
    } else {
      const exported = uses.find((u) => u.kind === 'export');
      if (exported) throw new UserError('ROUND_REOPEN_EXPORTED', { label: round.label, on: exported.at.slice(0, 10) });
    }
    reopenRound(db, round.id);
    return { ...round, closedOn: null, membersAtClose: null };
  }).immediate();
}
