/**
 * `tusoi merge PATH…`: parses the paths and options, calls the merge service
 * and words its outcome. Exit 0 when nothing was rejected, 1 otherwise.
 */
import { relative, resolve } from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import type { RejectReason } from '../../exchange/merge.js';
import type { Messages } from '../../i18n/messages.js';
import { findExportFiles } from '../../services/find-export-files.js';
import { mergeFiles, type MergeOutcome, type MergeProblem } from '../../services/merge-files.js';
import { removeMergedFiles, type RemovedFile } from '../../services/remove-merged-file.js';
import { withDatabase } from '../../store/db.js';
import { displaySafe } from '../../text/hygiene.js';
import type { Context } from '../context.js';
import { writeJson } from '../output.js';
import { columnLetter as letter, safeParams, withCode } from '../../report/problems.js';

function reasonText(m: Messages, r: RejectReason): string {
  return (m.merge.reasons[r.code] as (p: RejectReason) => string)(r);
}

/** A problem as the user reads it (and as `--json` gives it): a code, a line (0: the whole file) and words. */
function problemView(m: Messages, file: string, p: MergeProblem): { code: string; line: number; message: string; text: string; sheet?: string; col?: number } {
  switch (p.kind) {
    case 'unreadable':
      return { code: 'FILE_UNREADABLE', line: 0, message: m.errors.FILE_UNREADABLE({ file, reason: p.reason }), text: m.errors.FILE_UNREADABLE(safeParams({ file, reason: p.reason })) };
    case 'table':
      return {
        code: p.problem.code,
        line: p.problem.line,
        ...(p.problem.sheet === undefined ? {} : { sheet: p.problem.sheet }),
        ...(p.problem.col === undefined ? {} : { col: p.problem.col }),
        message: m.csv.messages[p.problem.code](p.problem.params),
        text: m.csv.messages[p.problem.code](safeParams(p.problem.params)),
      };
    case 'decision':
      return { code: p.reason.code, line: 0, message: reasonText(m, p.reason), text: reasonText(m, safeParams(p.reason)) };
  }
}

/** The JSON form: the words as they are (the text form is the words made safe to print, hints on their own lines). */
const jsonView = ({ text: _text, ...view }: ReturnType<typeof problemView>) => view;

export async function merge(ctx: Context, paths: ReadonlyArray<string>, o: { round?: string; replace?: boolean; requireSignature?: boolean; remove?: ReadonlyArray<string> }): Promise<number> {
  const { files, ignored } = paths.length > 0 ? findExportFiles(paths.map((p) => resolve(ctx.io.cwd, p))) : { files: [], ignored: [] };
  if (paths.length > 0 && files.length === 0) throw new UserError('NO_FILES', { paths: paths.join(', ') });
  const m = ctx.m;
  const inputs = files.map((file) => ({ file, name: relative(ctx.io.cwd, file).normalize('NFC') || file }));
  // Entries of the folders that are not tables: listed (never silently dropped), not counted.
  const ignoredView = ignored.map((i) => ({ file: relative(ctx.io.cwd, i.file).normalize('NFC') || i.file, reason: i.reason }));
  // A progress line only where someone watches a long merge.
  const progress = ctx.io.stderr.isTTY === true && files.length > 20 && !ctx.json;
  const round = o.round !== undefined ? { round: o.round } : {};
  const empty: MergeOutcome = { accepted: [], skipped: [], replaced: [], rejected: [], warnings: [] };
  let removed: RemovedFile[] = [];
  const outcome = withDatabase(ctx.db, (db) => {
    // --remove first (all or none), so a committee's file can take its cells' place in the same command.
    removed = removeMergedFiles(db, o.remove ?? [], { ...round, now: ctx.io.now, alias: (ref) => [relative(ctx.io.cwd, resolve(ctx.io.cwd, ref))] });
    return files.length === 0 ? empty : mergeFiles(
      db,
      inputs,
      { ...round, replace: o.replace === true, requireSignature: o.requireSignature === true, now: ctx.io.now },
      { onProgress: progress ? (done, total) => (done % 25 === 1 || done === total) && ctx.io.stderr.write(`\r${m.merge.progress(done, total)}`) : undefined },
    );
  });
  if (progress) ctx.io.stderr.write('\n');
  const rejected = outcome.rejected.map((r) => ({ file: r.file, problems: r.problems.map((p) => problemView(m, r.file, p)) }));
  const warnings = outcome.warnings.map((w) => ({ file: w.file, problems: w.problems.map((problem) => problemView(m, w.file, { kind: 'table', problem })) }));

  if (ctx.json) {
    writeJson(ctx, {
      schema: 1,
      files: files.length,
      counts: { accepted: outcome.accepted.length, skipped: outcome.skipped.length, replaced: outcome.replaced.length, rejected: rejected.length },
      accepted: outcome.accepted,
      skipped: outcome.skipped,
      replaced: outcome.replaced,
      rejected: rejected.map((r) => ({ ...r, problems: r.problems.map(jsonView) })),
      warnings: warnings.map((w) => ({ ...w, problems: w.problems.map(jsonView) })),
      ignored: ignoredView,
      removed,
    });
  } else {
    for (const r of removed) ctx.io.stdout.write(`${displaySafe(m.merge.removed(r.file, r.unit))}\n`);
    if (files.length <= 50) {
      for (const a of outcome.accepted) ctx.io.stdout.write(`${displaySafe(m.merge.accepted(a.file, a.unit))}\n`);
      for (const s of outcome.skipped) ctx.io.stdout.write(`${displaySafe(s.older ? m.merge.older(s.file, s.previous) : m.merge.skipped(s.file, s.previous))}\n`);
      for (const r of outcome.replaced) ctx.io.stdout.write(`${displaySafe(m.merge.replaced(r.file, r.previous))}\n`);
    }
    for (const i of ignoredView) ctx.io.stderr.write(`${displaySafe(m.files.ignored(i.file, i.reason))}\n`);
    for (const w of warnings) for (const p of w.problems) ctx.io.stderr.write(`${withCode(`${displaySafe(w.file)}${p.line > 0 ? `:${p.line}` : ''}  ${displaySafe(p.text, { lineFeed: true })}`, `[${p.code}]`, '  ')}\n`);
    for (const r of rejected) {
      ctx.io.stderr.write(`${displaySafe(m.merge.rejected(r.file))}\n`);
      for (const p of r.problems) {
        // A re-saved workbook's problem: "file, sheet "Sheet1", row 7, column C".
        const where = p.sheet !== undefined ? `${m.sheets.where(r.file, p.sheet, p.line, p.col === undefined ? undefined : letter(p.col - 1))}  ` : p.line > 0 ? `${r.file}:${p.line}  ` : '';
        ctx.io.stderr.write(`      ${withCode(`${displaySafe(where)}${displaySafe(p.text, { lineFeed: true })}`, `[${p.code}]`, '      ')}\n`);
      }
    }
    ctx.io.stdout.write(`${m.merge.summary(outcome.accepted.length, outcome.skipped.length, outcome.replaced.length, rejected.length)}\n`);
  }
  return rejected.length === 0 ? ExitCode.Ok : ExitCode.Failure;
}
