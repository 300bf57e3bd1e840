/**
 * `tusoi merge PATH…`: each file is read, checked and stored atomically (all
 * of it or nothing); one bad file never stops the others. Exit 0 when nothing
 * was rejected, 1 otherwise.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isoDay } from '../../clock.js';
import { ExitCode, UserError } from '../../errors.js';
import { decide, type MergeState, type RejectReason } from '../../exchange/merge.js';
import type { CsvProblem } from '../../exchange/problems.js';
import { withDatabaseAsync, type Db } from '../../store/db.js';
import { coveringFiles, findMergedFile, storeMergedFile } from '../../store/merged.js';
import { findOpenRound, findRound, roundQuestionnaire, type Round } from '../../store/rounds.js';
import { getUnit } from '../../store/unit.js';
import type { Messages } from '../../i18n/messages.js';
import type { Context } from '../context.js';
import { readAll } from '../merge-reader.js';
import { writeJson } from './shared.js';

/** Files under the given paths: files as given, folders searched for .csv and .txt (Excel saves Unicode text as .txt). */
export function collectFiles(paths: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(csv|txt)$/i.test(e.name) && !e.name.startsWith('.')) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError('FILE_NOT_FOUND', { file: p });
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return [...new Set(out)].sort();
}

function mergingRound(ctx: Context, db: Db, label: string | undefined): Round {
  const round = label !== undefined ? findRound(db, label.normalize('NFC')) : findOpenRound(db);
  if (!round) throw label !== undefined ? new UserError('ROUND_NOT_FOUND', { label }) : new UserError('NO_OPEN_ROUND', { year: String(ctx.io.now().getFullYear()) });
  if (round.kind !== 'merge') throw new UserError('ROUND_NOT_MERGING', { label: round.label });
  if (round.closedOn !== null) throw new UserError('ROUND_CLOSED', { label: round.label });
  return round;
}

export function reasonText(m: Messages, r: RejectReason): string {
  const t = m.merge.reasons;
  switch (r.code) {
    case 'MERGE_ROUND_MISMATCH':
      return t.MERGE_ROUND_MISMATCH(r.fileRound, r.round);
    case 'MERGE_QUESTIONNAIRE_MISMATCH':
      return t.MERGE_QUESTIONNAIRE_MISMATCH(r.id, r.version, r.sha256, r.expected);
    case 'MERGE_ITEMS_MISMATCH':
      return t.MERGE_ITEMS_MISMATCH(r.detail);
    case 'MERGE_OWN_UNIT':
      return t.MERGE_OWN_UNIT(r.unit);
    case 'MERGE_CONFLICT':
      return t.MERGE_CONFLICT(r.unit, r.previous);
    case 'MERGE_PROVISIONAL_AFTER_FINAL':
      return t.MERGE_PROVISIONAL_AFTER_FINAL(r.unit, r.previous);
    case 'MERGE_DOUBLE_COUNTED':
      return t.MERGE_DOUBLE_COUNTED(r.unit, r.previous, r.previousUnit);
  }
}

interface Rejection {
  readonly file: string;
  readonly problems: ReadonlyArray<{ readonly code: string; readonly line: number; readonly message: string }>;
}

export interface MergeOutcome {
  readonly accepted: Array<{ file: string; unit: string }>;
  readonly skipped: Array<{ file: string; previous: string; older?: boolean }>;
  readonly replaced: Array<{ file: string; unit: string; previous: string }>;
  readonly rejected: Rejection[];
}

export async function merge(ctx: Context, paths: ReadonlyArray<string>, o: { round?: string; replace?: boolean }): Promise<number> {
  const files = collectFiles(paths.map((p) => resolve(ctx.io.cwd, p)));
  if (files.length === 0) throw new UserError('NO_FILES', { paths: paths.join(', ') });
  const m = ctx.m;
  const outcome: MergeOutcome = { accepted: [], skipped: [], replaced: [], rejected: [] };
  const display = (f: string) => relative(ctx.io.cwd, f).normalize('NFC') || f;
  const progress = ctx.io.stderr.isTTY === true && files.length > 20 && !ctx.json;
  const today = isoDay(ctx.io.now());

  await withDatabaseAsync(ctx.db, async (db) => {
    const round = mergingRound(ctx, db, o.round);
    const questionnaire = roundQuestionnaire(db, round);
    const unit = getUnit(db);
    const target = { roundId: round.id, roundLabel: round.label, questionnaire, receivingUnitCode: unit.code, replace: o.replace === true };
    const state: MergeState = {
      fileOf: (code) => findMergedFile(db, round.id, code),
      covering: (codes, except) => coveringFiles(db, round.id, codes, except),
    };
    const jobs = files.map((file, index) => ({ index, file, name: display(file) }));
    // NOTE: files are committed in batches (each file still whole or absent:
    // its rows go in together, inside the batch's transaction). A kill loses
    // at most the last batch, which a rerun merges again; per-file commits
    // were a sixth of the merge's time.
    let batchStarted = Date.now();
    let inBatch = 0;
    const commit = () => {
      if (db.inTransaction) db.exec('COMMIT');
      inBatch = 0;
      batchStarted = Date.now();
    };
    for (const got of readAll(jobs, questionnaire)) {
      if (inBatch > 0 && (inBatch >= 500 || Date.now() - batchStarted > 250)) commit();
      const i = got.index;
      if (progress && (i % 25 === 0 || i === files.length - 1)) ctx.io.stderr.write(`\r${m.merge.progress(i + 1, files.length)}`);
      const name = jobs[i]!.name;
      if ('error' in got) {
        outcome.rejected.push({ file: name, problems: [{ code: 'FILE_UNREADABLE', line: 0, message: m.errors.FILE_UNREADABLE({ file: name, reason: got.error }) }] });
        continue;
      }
      if ('problems' in got) {
        outcome.rejected.push({ file: name, problems: got.problems.map((p: CsvProblem) => ({ code: p.code, line: p.line, message: m.csv.messages[p.code](p.params) })) });
        continue;
      }
      const f = got.candidate;
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
      };
      switch (decision.kind) {
        case 'reject':
          outcome.rejected.push({ file: name, problems: [{ code: decision.reason.code, line: 0, message: reasonText(m, decision.reason) }] });
          continue;
        case 'skip':
          outcome.skipped.push({ file: name, previous: decision.previous, ...(decision.older ? { older: true } : {}) });
          continue;
        case 'replace':
          if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
          inBatch++;
          storeMergedFile(db, record, decision.replaceId);
          outcome.replaced.push({ file: name, unit: f.unit.code, previous: decision.previous });
          continue;
        case 'accept':
          if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
          inBatch++;
          storeMergedFile(db, record);
          outcome.accepted.push({ file: name, unit: f.unit.code });
      }
    }
    commit();
  });
  if (progress) ctx.io.stderr.write('\n');

  if (ctx.json) {
    writeJson(ctx, {
      schema: 1,
      files: files.length,
      counts: { accepted: outcome.accepted.length, skipped: outcome.skipped.length, replaced: outcome.replaced.length, rejected: outcome.rejected.length },
      ...outcome,
    });
  } else {
    const verbose = files.length <= 50;
    if (verbose) {
      for (const a of outcome.accepted) ctx.io.stdout.write(`${m.merge.accepted(a.file, a.unit)}\n`);
      for (const s of outcome.skipped) ctx.io.stdout.write(`${s.older ? m.merge.older(s.file, s.previous) : m.merge.skipped(s.file, s.previous)}\n`);
      for (const r of outcome.replaced) ctx.io.stdout.write(`${m.merge.replaced(r.file, r.previous)}\n`);
    }
    for (const r of outcome.rejected) {
      ctx.io.stderr.write(`${m.merge.rejected(r.file)}\n`);
      for (const p of r.problems) ctx.io.stderr.write(`      ${p.line > 0 ? `${r.file}:${p.line}  ` : ''}${p.message}  [${p.code}]\n`);
    }
    ctx.io.stdout.write(`${m.merge.summary(outcome.accepted.length, outcome.skipped.length, outcome.replaced.length, outcome.rejected.length)}\n`);
  }
  return outcome.rejected.length === 0 ? ExitCode.Ok : ExitCode.Failure;
}
