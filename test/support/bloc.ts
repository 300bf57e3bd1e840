/** Merging units (a grassroots committee, a bloc) and generated cell exports, in temporary folders (removed after the test). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCellExports, type GenerateOptions, type GeneratedCell } from '../../src/demo/generate.js';
import { loadQuestionnaireFile, bundledQuestionnaireFile } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { unitHandle, type UnitHandle } from './cli.js';
import { tempDir } from './temp.js';

export function bundled(): Questionnaire {
  const r = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii'));
  if (!r.ok) throw new Error('bundled questionnaire invalid');
  return r.questionnaire;
}

export type TempUnit = UnitHandle;

export async function tempUnit(code: string, level: string, options: { dir?: string; parent?: string; round?: string | false } = {}): Promise<TempUnit> {
  const dir = options.dir ?? tempDir(`tusoi-${code}-`);
  const db = join(dir, `${code}.sqlite`);
  const unit = unitHandle(dir, db);
  const init = await unit.cli(['init', '--unit-code', code, '--unit-name', `Đơn vị ${code}`, '--level', level, ...(options.parent ? ['--parent', options.parent] : [])]);
  if (init.status !== 0) throw new Error(init.stderr);
  if (options.round !== false) {
    const r = await unit.cli(['round', 'open', '--label', options.round ?? '2026']);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return unit;
}

/** Writes generated cell exports into `dir`; returns the cells. */
export function writeCells(dir: string, o: Partial<GenerateOptions> & { count: number }): GeneratedCell[] {
  mkdirSync(dir, { recursive: true });
  const cells = [...generateCellExports(bundled(), { seed: 1, roundLabel: '2026', ...o })];
  for (const c of cells) writeFileSync(join(dir, c.fileName), c.csv);
  return cells;
}

export interface ReportJson {
  units: Array<{ code: string; members: number; respondents: number }>;
  members: number;
  respondents: number;
  behaviours: Array<{ id: string; counts: Record<string, number> }>;
  manifestations: Array<{ id: string; counts: Record<string, number> }>;
  groups: Array<{ id: string; counts: Record<string, number> }>;
  overall: { counts: Record<string, number> };
}

/** Only the figures of a report: what must be equal however the units were merged. */
export function figures(j: ReportJson) {
  return {
    members: j.members,
    respondents: j.respondents,
    units: [...j.units].sort((a, b) => a.code.localeCompare(b.code)).map((u) => [u.code, u.members, u.respondents]),
    behaviours: j.behaviours,
    manifestations: j.manifestations,
    groups: j.groups,
    overall: j.overall.counts,
  };
}

/** A unit's report as JSON (failing the test if the command fails). */
export async function reportOf(unit: TempUnit): Promise<ReportJson> {
  const r = await unit.cli(['report', '--json']);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as ReportJson;
}

/**
 * A bloc with three generated cells in `bloc.dir/cells`, and a committee DU01
 * that merged cells 1 and 2, closed its round and exported it as `name`, in
 * the committee's folder or (`inBloc`) in the bloc's, as if it had been sent.
 */
export async function blocWithCommittee(name: string, o: { inBloc?: boolean } = {}): Promise<{ bloc: TempUnit; cells: GeneratedCell[]; ducs: TempUnit }> {
  const bloc = await tempUnit('DUK', 'khoi');
  const cells = writeCells(join(bloc.dir, 'cells'), { count: 3, seed: 13 });
  const ducs = await tempUnit('DU01', 'dang-uy-co-so');
  for (const args of [['merge', join(bloc.dir, 'cells', cells[0]!.fileName), join(bloc.dir, 'cells', cells[1]!.fileName)], ['round', 'close'], ['export', '--out', o.inBloc ? join(bloc.dir, name) : name]]) {
    const r = await ducs.cli(args);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return { bloc, cells, ducs };
}
