/**
 * Merging units' exports into a committee's round: each file is read,
 * checked and decided on (`exchange/merge.ts` `decide()`), then stored whole
 * or not at all; one bad file never stops the others. The display is the
 * caller's: progress comes out through a callback (taze's pattern) and the
 * outcome is data, worded by the front end.
 */
import { isoDay } from '../clock.js';
import { decide, type MergeState, type RejectReason } from '../exchange/merge.js';
import type { CsvProblem } from '../exchange/problems.js';
import { WriteBatch, type BatchLimits, MERGE_BATCH } from '../store/batch.js';
import type { Db } from '../store/db.js';
import { codeKey } from '../exchange/export-validity.js';
import type { MergeCandidate } from '../exchange/merge.js';
import { findPin, pinOnFirstUse } from '../store/pins.js';
import { coveringFiles, findMergedFile, listExpectedUnits, storeMergedFile, type ExpectedUnit } from '../store/merged.js';
import { isRoundOpen, roundQuestionnaire } from '../store/rounds.js';
import { getUnit } from '../store/unit.js';
import { readAll, type ReadJob } from './read-export-file.js';
import { mergingRound } from './round-choice.js';

/** Why one file was not merged: its table, its reading, or the decision on it. */
export type MergeProblem =
  | { readonly kind: 'table'; readonly problem: CsvProblem }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'decision'; readonly reason: RejectReason };

export interface MergeOutcome {
  readonly accepted: Array<{ readonly file: string; readonly unit: string }>;
  /** The same file again, or (`older`) an earlier provisional export than the one merged. */
  readonly skipped: Array<{ readonly file: string; readonly previous: string; readonly older?: true }>;
  readonly replaced: Array<{ readonly file: string; readonly unit: string; readonly previous: string }>;
  readonly rejected: Array<{ readonly file: string; readonly problems: ReadonlyArray<MergeProblem> }>;
  /** Files read whole whose display texts were cleaned (text hygiene): told, whatever the decision on them. */
  readonly warnings: Array<{ readonly file: string; readonly problems: ReadonlyArray<CsvProblem> }>;
}

export interface MergeInput {
  /** The file on disk. */
  readonly file: string;
  /** How the file is named to the user and stored (relative to where they typed the command). */
  readonly name: string;
}

export interface MergeOptions {
  /** The round's label; the open round when absent. */
  readonly round?: string;
  /** Let a file replace a final one of the same unit (a correction). */
  readonly replace?: boolean;
  /** Refuse every unsigned file, even of a unit with no key yet. */
  readonly requireSignature?: boolean;
  readonly now: () => Date;
  readonly batch?: BatchLimits;
}

export interface MergeCallbacks {
  /** After each file, with how many are done of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * A candidate's codes spelled as in the unit list (`cb10` is CB10), and its
 * display names taken from there: a name in the file is not trusted for a
 * unit the list knows.
 */
function fromUnitList(f: MergeCandidate, list: ReadonlyMap<string, ExpectedUnit>): MergeCandidate {
  const known = (code: string) => list.get(codeKey(code));
  const unit = known(f.unit.code);
  const parent = f.unit.parentCode === null ? undefined : known(f.unit.parentCode);
  return {
    ...f,
    unit: { ...f.unit, code: unit?.code ?? f.unit.code, name: unit?.name ?? f.unit.name, parentCode: parent?.code ?? f.unit.parentCode },
    units: f.units.map((u) => {
      const k = known(u.code);
      const p = u.parentCode === null ? undefined : known(u.parentCode);
      return { ...u, code: k?.code ?? u.code, name: k?.name ?? u.name, parentCode: p?.code ?? u.parentCode };
    }),
  };
}

export function mergeFiles(db: Db, inputs: ReadonlyArray<MergeInput>, o: MergeOptions, callbacks: MergeCallbacks = {}): MergeOutcome {
  const round = mergingRound(db, o.round, o.now());
  const questionnaire = roundQuestionnaire(db, round);
  const today = isoDay(o.now());
  const unitList = new Map(listExpectedUnits(db).map((u) => [codeKey(u.code), u]));
  const target = { roundId: round.id, roundLabel: round.label, questionnaire, receivingUnitCode: getUnit(db).code, replace: o.replace === true, requireSignature: o.requireSignature === true };
  const state: MergeState = {
    fileOf: (code) => findMergedFile(db, round.id, code),
    covering: (codes, except) => coveringFiles(db, round.id, codes, except),
    pinOf: (code) => findPin(db, code),
    listedParent: (code) => unitList.get(codeKey(code))?.parentCode,
  };

  const outcome: MergeOutcome = { accepted: [], skipped: [], replaced: [], rejected: [], warnings: [] };
  const jobs: ReadJob[] = inputs.map((input, index) => ({ index, file: input.file, name: input.name }));
  // NOTE: `round close` in another window may close the round between two
  // batches: each batch re-reads it inside its own transaction (which then
  // holds the write lock, so it cannot change before the batch commits).
  // Once closed, nothing more is stored, what earlier batches committed stays,
  // and every file not yet stored is rejected with MERGE_ROUND_CLOSED.
  let open = true;
  const batch = new WriteBatch(db, o.batch ?? MERGE_BATCH, Date.now, () => {
    open = isRoundOpen(db, round.id);
  });
  const seen = new Set<number>();
  const closed = { code: 'MERGE_ROUND_CLOSED' as const, round: round.label };
  try {
    for (const got of readAll(jobs, questionnaire, o.now())) {
      seen.add(got.index);
      const name = jobs[got.index]!.name;
      callbacks.onProgress?.(got.index + 1, jobs.length);
      if ('error' in got) {
        outcome.rejected.push({ file: name, problems: [{ kind: 'unreadable', reason: got.error }] });
        continue;
      }
      if ('problems' in got) {
        outcome.rejected.push({ file: name, problems: got.problems.map((problem) => ({ kind: 'table' as const, problem })) });
        continue;
      }
      const f = fromUnitList(got.candidate, unitList);
      if (got.warnings.length > 0) outcome.warnings.push({ file: name, problems: got.warnings });
      // NOTE: decided inside the write transaction that stores it, so a second
      // merge on the same database cannot change what the decision was based on.
      batch.run(() => {
        if (!open) return;
        const decision = decide(f, target, state);
        const record = {
          roundId: round.id,
          unit: f.unit,
          status: f.status,
          integrity: f.integrity,
          exportedAt: f.exportedAt,
          fileName: name,
          mergedOn: today,
          members: f.members,
          respondents: f.respondents,
          units: f.units,
          counts: f.counts,
          signer: f.signer ?? null,
        };
        const noteKey = (d: { pin?: string; unsigned?: true }): void => {
          if (d.pin) pinOnFirstUse(db, f.unit.code, d.pin, today);
          if (!d.unsigned) return;
          const warning = { code: 'EXPORT_UNSIGNED' as const, file: name, line: 0, params: { value: f.unit.code } };
          const entry = outcome.warnings.find((w) => w.file === name);
          // One entry a file: its text warnings (if any) and this one.
          if (entry) outcome.warnings[outcome.warnings.indexOf(entry)] = { file: name, problems: [...entry.problems, warning] };
          else outcome.warnings.push({ file: name, problems: [warning] });
        };
        switch (decision.kind) {
          case 'reject':
            outcome.rejected.push({ file: name, problems: [{ kind: 'decision', reason: decision.reason }] });
            return;
          case 'skip':
            outcome.skipped.push({ file: name, previous: decision.previous, ...(decision.older ? { older: true as const } : {}) });
            return;
          case 'replace':
            storeMergedFile(db, record, decision.replaceId);
            noteKey(decision);
            outcome.replaced.push({ file: name, unit: f.unit.code, previous: decision.previous });
            return;
          case 'accept':
            storeMergedFile(db, record);
            noteKey(decision);
            outcome.accepted.push({ file: name, unit: f.unit.code });
        }
      });
      if (!open) {
        outcome.rejected.push({ file: name, problems: [{ kind: 'decision', reason: closed }] });
        break;
      }
    }
    batch.commit();
    if (!open) for (const job of jobs) if (!seen.has(job.index)) outcome.rejected.push({ file: job.name, problems: [{ kind: 'decision', reason: closed }] });
  } catch (error) {
    batch.rollback();
    throw error;
  }
  return outcome;
}
