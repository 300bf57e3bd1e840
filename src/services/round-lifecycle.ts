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
import { closeRound, findOpenRound, findRound, openRound, type Round } from '../store/rounds.js';
import { getUnit, isCollectingLevel } from '../store/unit.js';
import { requireOpenRound } from './round-choice.js';
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
export function closeOpenRound(db: Db, now: Date): Round {
  const round = requireOpenRound(db, now);
  db.transaction(() => {
    const members = round.kind === 'collect' ? countParticipatingMembers(db, round.id) : null;
    // An anonymous round's unfinished ballots are never counted: purged with the close.
    if (round.anonymous) purgeUnfinished(db, round.id);
    closeRound(db, round.id, isoDay(now), members);
  }).immediate();
  // From here no page, free space or WAL frame may hold a ballot: the file is rebuilt, and readers waited out (up to a minute).
  if (round.anonymous && !rewriteFile(db, 60_000)) throw new UserError('ANON_WAL_PENDING', { file: db.name });
  return round;
}
