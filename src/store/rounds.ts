/**
 * Rounds (đợt): one open at a time, each pinning its questionnaire (id,
 * version, sha256, the YAML text and its parsed form), so the interview starts
 * without parsing YAML and later edits of the file change nothing.
 */
import { InternalError, UserError } from '../errors.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { stmt, type Db } from './db.js';

/**
 * The layout of the parsed questionnaire as stored (`questionnaire.model_json`),
 * stamped as its `storeFormat` key (not `format`: that is the YAML's own format,
 * part of the questionnaire and of its hash). Text stored before the stamp has
 * none and is format 1; an unknown format is refused. The stamp is no part of
 * the questionnaire's sha256 or of any export's integrity value.
 */
export const MODEL_FORMAT = 1;

export type RoundKind = 'collect' | 'merge';

export interface Round {
  readonly id: number;
  readonly label: string;
  readonly anonymous: boolean;
  readonly kind: RoundKind;
  readonly openedOn: string;
  readonly closedOn: string | null;
  /** The members counted when the round was closed (null while open). */
  readonly membersAtClose: number | null;
  readonly questionnaire: { readonly id: string; readonly version: string; readonly sha256: string };
}

interface RoundRow {
  id: number;
  label: string;
  anonymous: number;
  kind: RoundKind;
  openedOn: string;
  closedOn: string | null;
  membersAtClose: number | null;
  qid: string;
  version: string;
  sha256: string;
}

const SELECT = `SELECT r.id, r.label, r.anonymous, r.kind, r.opened_on AS openedOn, r.closed_on AS closedOn, r.members_at_close AS membersAtClose,
  q.qid, q.version, q.sha256 FROM round r JOIN questionnaire q ON q.sha256 = r.questionnaire_sha256`;

const toRound = (r: RoundRow): Round => ({
  id: r.id,
  label: r.label,
  anonymous: r.anonymous === 1,
  kind: r.kind,
  openedOn: r.openedOn,
  closedOn: r.closedOn,
  membersAtClose: r.membersAtClose,
  questionnaire: { id: r.qid, version: r.version, sha256: r.sha256 },
});

export function findOpenRound(db: Db): Round | undefined {
  const row = db.prepare<[], RoundRow>(`${SELECT} WHERE r.closed_on IS NULL`).get();
  return row && toRound(row);
}

export function findRound(db: Db, label: string): Round | undefined {
  const row = db.prepare<[string], RoundRow>(`${SELECT} WHERE r.label = ?`).get(label);
  return row && toRound(row);
}

export function listRounds(db: Db): Round[] {
  return db.prepare<[], RoundRow>(`${SELECT} ORDER BY r.id`).all().map(toRound);
}

/** Stores a questionnaire (once per sha256) with its YAML text and parsed form. */
export function storeQuestionnaire(db: Db, q: Questionnaire, sourceText: string): void {
  db.prepare('INSERT OR IGNORE INTO questionnaire (sha256, qid, version, source_text, model_json) VALUES (?, ?, ?, ?, ?)').run(
    q.sha256,
    q.id,
    q.version,
    sourceText,
    JSON.stringify({ storeFormat: MODEL_FORMAT, ...q }),
  );
}

/** The questionnaire a round was opened with, from its stored parsed form. */
export function roundQuestionnaire(db: Db, round: Pick<Round, 'questionnaire'>): Questionnaire {
  const row = db.prepare<[string], { json: string }>('SELECT model_json AS json FROM questionnaire WHERE sha256 = ?').get(round.questionnaire.sha256);
  // NOTE: a round's questionnaire is a foreign key: a missing one is a broken database or a bug.
  if (!row) throw new InternalError(`questionnaire ${round.questionnaire.sha256} missing`);
  const { storeFormat, ...model } = JSON.parse(row.json) as Questionnaire & { storeFormat?: unknown };
  const format = storeFormat === undefined ? 1 : storeFormat;
  if (format !== MODEL_FORMAT) throw new UserError('DB_DATA_TOO_NEW', { file: db.name, what: 'questionnaire', format: String(format), supported: MODEL_FORMAT });
  return model;
}

export function openRound(
  db: Db,
  r: { label: string; questionnaire: Questionnaire; sourceText: string; anonymous: boolean; kind: RoundKind; today: string },
): Round {
  return db.transaction(() => {
    storeQuestionnaire(db, r.questionnaire, r.sourceText);
    const info = db
      .prepare('INSERT INTO round (label, questionnaire_sha256, anonymous, kind, opened_on) VALUES (?, ?, ?, ?, ?)')
      .run(r.label, r.questionnaire.sha256, r.anonymous ? 1 : 0, r.kind, r.today);
    const row = db.prepare<[number], RoundRow>(`${SELECT} WHERE r.id = ?`).get(Number(info.lastInsertRowid));
    if (!row) throw new InternalError('the round just inserted cannot be read back');
    return toRound(row);
  }).immediate();
}

/** Whether a round is still open (read inside a write transaction, it stays so until that transaction ends). */
export function isRoundOpen(db: Db, id: number): boolean {
  return stmt<[number], { open: number }>(db, 'SELECT closed_on IS NULL AS open FROM round WHERE id = ?').get(id)?.open === 1;
}

export function closeRound(db: Db, id: number, today: string, members: number | null): void {
  db.prepare('UPDATE round SET closed_on = ?, members_at_close = ? WHERE id = ? AND closed_on IS NULL').run(today, members, id);
  // The network form's devices are signed out with the round (serve, step 8).
  db.prepare('UPDATE web_session SET revoked_at = ? WHERE round_id = ? AND revoked_at IS NULL').run(today, id);
}


/** A closed round open again (the caller checks it may be: services/round-lifecycle.ts). */
export function reopenRound(db: Db, id: number): void {
  db.prepare('UPDATE round SET closed_on = NULL, members_at_close = NULL WHERE id = ? AND closed_on IS NOT NULL').run(id);
}
