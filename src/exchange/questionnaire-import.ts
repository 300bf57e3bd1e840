/**
 * `questionnaire import`: the two sheets of the layout (`questionnaire-sheets.ts`)
 * as a YAML questionnaire, validated by the one validator
 * (`questionnaire/parse.ts`) before anything is written. Its problems are
 * moved from the YAML it never showed anyone to the sheet, row and column
 * the value came from; the YAML's line numbers are never shown.
 */
import type { Questionnaire } from '../questionnaire/model.js';
import { parseQuestionnaire, questionnaireYaml } from '../questionnaire/parse.js';
import type { ProblemCode, ProblemParams, Severity } from '../questionnaire/problems.js';
import { draftFromSheets, type SheetDraft, type SheetInput, type SheetPlace, type SheetProblemCode } from './questionnaire-sheets.js';

/** A problem of an imported sheet: a layout code or the validator's, where it stands in the sheets. */
export interface ImportProblem {
  readonly code: ProblemCode | SheetProblemCode;
  readonly severity: Severity;
  readonly place: SheetPlace;
  /** The validator's path (`groups[0].manifestations[2].status`), '' for a layout problem. */
  readonly path: string;
  readonly params: ProblemParams;
}

export type ImportResult =
  | { readonly ok: true; readonly yaml: string; readonly questionnaire: Questionnaire; readonly warnings: ReadonlyArray<ImportProblem> }
  | { readonly ok: false; readonly problems: ReadonlyArray<ImportProblem> };

/** `groups[0].text.vi` → ['groups', 0, 'text', 'vi']. */
function segments(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/gu)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The path itself, or the nearest enclosing path that has a place. */
function placeOf(draft: SheetDraft, path: string): SheetPlace {
  let p = path;
  for (;;) {
    const place = draft.places.get(p);
    if (place) return place;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return path.startsWith('groups') ? draft.behavioursPlace : draft.settingsPlace;
    p = p.slice(0, cut);
  }
}

const HEADER = [
  ' Written by `tusoi questionnaire import` from a spreadsheet (see questionnaires/README.md).',
  ' Check it with `tusoi questionnaire validate`; a changed text or id is a new version.',
].join('\n');

export function questionnaireFromSheets(behaviours: SheetInput, settings: SheetInput, yamlName: string): ImportResult {
  const { draft, problems: layout } = draftFromSheets(behaviours, settings);
  const own: ImportProblem[] = layout.map(({ code, params, ...place }) => ({ code, severity: 'error', place, path: '', params }));
  // Without the header of either sheet there is nothing the validator could say that would help.
  if (draft.data.levels === undefined || draft.data.groups === undefined) return { ok: false, problems: bounded(own) };

  const { text: yaml, lineOf } = questionnaireYaml(draft.data, HEADER);

  // Where each id stands in that YAML, for the problems that name "the first one" by its line.
  const byLine = new Map<number, SheetPlace>();
  for (const [path, place] of draft.places) {
    if (!path.endsWith('.id')) continue;
    const line = lineOf(segments(path));
    if (line !== undefined) byLine.set(line, place);
  }

  const result = parseQuestionnaire(yaml, yamlName);
  // What the layout already said in its own words is not said again in the YAML's.
  const missing = new Set(layout.filter((p) => p.code === 'QSHEET_MISSING_SETTING').map((p) => p.params.key));
  const noNone = missing.has('none') || layout.some((p) => p.code === 'QSHEET_UNKNOWN_LEVEL');
  const repeated = (p: { code: string; path: string }) => (p.code === 'MISSING_FIELD' && missing.has(p.path)) || (p.code === 'NO_NONE_LEVEL' && noNone);
  const found = (result.ok ? result.warnings : result.problems).filter((p) => !repeated(p)).map((p): ImportProblem => {
    const params = p.params.firstLine === undefined ? p.params : { ...p.params, firstLine: byLine.get(p.params.firstLine)?.line ?? 0 };
    return { code: p.code, severity: p.severity, place: placeOf(draft, p.path), path: p.path, params };
  });
  // The validator's own "and N more" is counted into ours, last.
  const more = found.find((p) => p.code === 'MORE_PROBLEMS');
  const all = bounded(sortImportProblems([...own, ...found.filter((p) => p !== more)]), more);
  if (!result.ok || all.some((p) => p.severity === 'error')) return { ok: false, problems: all };
  return { ok: true, yaml, questionnaire: result.questionnaire, warnings: all };
}

/** As many problems as a person reads (the validator's bound), then how many more there were. */
export const MAX_IMPORT_PROBLEMS = 100;

function bounded(problems: ImportProblem[], more: ImportProblem | undefined = undefined): ImportProblem[] {
  const extra = more?.params.count ?? 0;
  if (problems.length <= MAX_IMPORT_PROBLEMS && extra === 0) return problems;
  const kept = problems.slice(0, MAX_IMPORT_PROBLEMS);
  const rest = problems.slice(MAX_IMPORT_PROBLEMS);
  const severity = more?.severity === 'error' || rest.some((p) => p.severity === 'error') ? 'error' : 'warning';
  return [...kept, { code: 'MORE_PROBLEMS', severity, place: { file: kept[0]!.place.file, line: 0 }, path: '', params: { count: rest.length + extra } }];
}

/** In reading order: settings file or sheet and behaviours apart, by row, then column. */
export function sortImportProblems(problems: ReadonlyArray<ImportProblem>): ImportProblem[] {
  return [...problems].sort(
    (a, b) =>
      (a.place.file === b.place.file ? 0 : a.place.file < b.place.file ? -1 : 1) ||
      (a.place.sheet ?? '').localeCompare(b.place.sheet ?? '') ||
      a.place.line - b.place.line ||
      (a.place.col ?? 0) - (b.place.col ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
