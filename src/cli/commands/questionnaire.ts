/**
 * `tusoi questionnaire list | show | validate`.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import { bundledFiles, firstInvalidUtf8, readQuestionnaireBytes, resolveQuestionnaireRef } from '../../questionnaire/files.js';
import { knownParse } from '../../questionnaire/known.js';
import type { ParseResult } from '../../questionnaire/parse.js';
import { allBehaviours, allManifestations, type Questionnaire } from '../../questionnaire/model.js';
import { isError, type Problem } from '../../questionnaire/problems.js';
import { problemJson, renderProblem } from '../../report/problems.js';
import { questionnaireJson, renderQuestionnaire } from '../../report/questionnaire.js';
import type { Context } from '../context.js';
import { userErrorText } from '../error-text.js';
import { writeJson } from '../output.js';
import { outputWidth } from '../io.js';
import { createStyle } from '../style.js';

/**
 * A questionnaire file, parsed: the build's parse when the bytes are a bundled
 * file's (`known.ts`: no YAML parser loaded), else the parser's, loaded now.
 */
async function loadFile(file: string, shown: string = file): Promise<ParseResult> {
  const read = readQuestionnaireBytes(file, shown);
  const known = 'bytes' in read ? knownParse(read.bytes, shown) : undefined;
  if (known) return known;
  const { loadQuestionnaireFile, parseQuestionnaireBytes } = await import('../../questionnaire/load.js');
  return 'bytes' in read ? parseQuestionnaireBytes(read.bytes, shown) : loadQuestionnaireFile(file, shown);
}

function counts(q: Questionnaire) {
  return { groups: q.groups.length, manifestations: allManifestations(q).length, behaviours: allBehaviours(q).length };
}

async function printProblems(ctx: Context, problems: ReadonlyArray<Problem>): Promise<void> {
  const style = await createStyle(ctx.io.stderr, ctx.io.env);
  for (const p of problems) ctx.io.stderr.write(renderProblem(p, ctx.m, style));
}

export async function listQuestionnaires(ctx: Context, files: ReadonlyArray<string>): Promise<number> {
  const entries = [...bundledFiles().map((file) => ({ file, bundled: true })), ...files.map((file) => ({ file: resolve(ctx.io.cwd, file), bundled: false }))];
  const rows: Array<Record<string, unknown>> = [];
  let failed = false;
  const lines: string[] = [];
  for (const { file, bundled } of entries) {
    const result = await loadFile(file);
    if (!result.ok) {
      failed = true;
      const errors = result.problems.filter(isError).length;
      ctx.io.stderr.write(`${ctx.m.questionnaire.invalidInList(file, errors)}\n`);
      continue;
    }
    const q = result.questionnaire;
    const c = counts(q);
    rows.push({ id: q.id, version: q.version, sha256: q.sha256, title: q.title, counts: c, file, bundled });
    const where = bundled ? ctx.m.questionnaire.bundled : `${ctx.m.questionnaire.file} ${file}`;
    const title = ctx.lang === 'en' ? (q.title.en ?? q.title.vi) : q.title.vi;
    lines.push(`${q.id}  ${q.version}  (${where})\n  ${title}\n  ${ctx.m.questionnaire.counts(c.groups, c.manifestations, c.behaviours)}; sha256 ${q.sha256.slice(0, 12)}\n`);
  }
  if (ctx.json) writeJson(ctx, { schema: 1, questionnaires: rows });
  else ctx.io.stdout.write(lines.length ? lines.join('\n') : `${ctx.m.questionnaire.noneFound}\n`);
  return failed ? ExitCode.Failure : ExitCode.Ok;
}

export async function showQuestionnaire(ctx: Context, ref: string): Promise<number> {
  const file = resolveQuestionnaireRef(ref, ctx.io.cwd);
  const result = await loadFile(file, ref);
  if (!result.ok) {
    await printProblems(ctx, result.problems);
    throw new UserError('QUESTIONNAIRE_INVALID', { file, errors: result.problems.filter(isError).length });
  }
  if (ctx.json) {
    writeJson(ctx, questionnaireJson(result.questionnaire));
    return ExitCode.Ok;
  }
  const style = await createStyle(ctx.io.stdout, ctx.io.env);
  ctx.io.stdout.write(renderQuestionnaire(result.questionnaire, ctx.m, ctx.lang, style, outputWidth(ctx.io.stdout)));
  return ExitCode.Ok;
}

/** Rewrites a file with its text in NFC, atomically (a temporary file renamed over it). */
function fixNfc(file: string, shown: string): boolean {
  const read = readQuestionnaireBytes(file, shown);
  if (!('bytes' in read)) return false; // validation will say it is too large
  const buf = read.bytes;
  if (firstInvalidUtf8(buf) >= 0) return false; // validation will report where
  const text = buf.toString('utf8');
  const fixed = text.normalize('NFC');
  if (fixed === text) return false;
  const tmp = `${file}.tusoi-tmp`;
  try {
    writeFileSync(tmp, fixed, 'utf8');
    renameSync(tmp, file);
  } catch (error) {
    throw new UserError('FILE_WRITE_FAILED', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  return true;
}

export async function validateQuestionnaires(ctx: Context, files: ReadonlyArray<string>, fix: boolean): Promise<number> {
  let failed = false;
  const reports: Array<Record<string, unknown>> = [];
  for (const file of files) {
    const path = resolve(ctx.io.cwd, file);
    let result: ParseResult;
    try {
      if (fix && fixNfc(path, file) && !ctx.json) ctx.io.stderr.write(`${ctx.m.problems.fixed(file)}\n`);
      result = await loadFile(path, file);
    } catch (error) {
      // A file refused before reading (a FIFO, a device, a folder, missing, unreadable): said, and the others are still validated.
      if (!(error instanceof Error && error.name === 'UserError')) throw error;
      const e = error as UserError;
      failed = true;
      if (ctx.json) reports.push({ file, valid: false, error: { code: e.code, message: userErrorText(e, ctx.m) }, problems: [] });
      else ctx.io.stderr.write(`tusoi: ${userErrorText(e, ctx.m)}\n`);
      continue;
    }
    const problems = result.ok ? result.warnings : result.problems;
    const errors = problems.filter(isError).length;
    const warnings = problems.length - errors;
    if (!result.ok) failed = true;
    if (ctx.json) {
      reports.push({
        file,
        valid: result.ok,
        ...(result.ok ? { id: result.questionnaire.id, version: result.questionnaire.version, sha256: result.questionnaire.sha256 } : {}),
        problems: problems.map((p) => problemJson(p, ctx.m)),
      });
      continue;
    }
    await printProblems(ctx, problems);
    if (result.ok) {
      const c = counts(result.questionnaire);
      ctx.io.stdout.write(`${ctx.m.problems.valid(file, ctx.m.questionnaire.counts(c.groups, c.manifestations, c.behaviours), result.questionnaire.sha256)}\n`);
      if (warnings > 0) ctx.io.stderr.write(`${ctx.m.problems.summary(file, errors, warnings)}\n`);
    } else {
      ctx.io.stderr.write(`${ctx.m.problems.summary(file, errors, warnings)}\n`);
    }
  }
  if (ctx.json) writeJson(ctx, { schema: 1, files: reports });
  return failed ? ExitCode.Failure : ExitCode.Ok;
}
