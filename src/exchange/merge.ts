/**
 * Deciding what to do with one export arriving at a merging unit, following
 * CSPro's Concatenate Data and ODK Central: the same content again is skipped
 * and reported; the same unit and round with other content is a conflict
 * (unless a provisional export is being replaced, or --replace is given); a
 * unit already counted inside another merged file is double counting. Pure:
 * what is already stored comes in through `MergeState`.
 */
import { allBehaviours, allManifestations, type Questionnaire } from '../questionnaire/model.js';
import type { ParsedExport } from './import.js';

export interface MergeTarget {
  readonly roundId: number;
  readonly roundLabel: string;
  readonly questionnaire: Questionnaire;
  readonly receivingUnitCode: string;
  readonly replace: boolean;
}

export interface StoredFileRef {
  readonly id: number;
  readonly unitCode: string;
  readonly status: 'final' | 'provisional';
  readonly integrity: string;
  readonly fileName: string;
}

/** What is already merged, asked for one file at a time. */
export interface MergeState {
  fileOf(unitCode: string): StoredFileRef | undefined;
  /** For each code already counted in the round, the file that counted it (excluding `except`). */
  covering(codes: ReadonlyArray<string>, except?: number): ReadonlyMap<string, StoredFileRef>;
}

export type RejectReason =
  | { readonly code: 'MERGE_ROUND_MISMATCH'; readonly fileRound: string; readonly round: string }
  | { readonly code: 'MERGE_QUESTIONNAIRE_MISMATCH'; readonly id: string; readonly version: string; readonly sha256: string; readonly expected: string }
  | { readonly code: 'MERGE_ITEMS_MISMATCH'; readonly detail: string }
  | { readonly code: 'MERGE_OWN_UNIT'; readonly unit: string }
  | { readonly code: 'MERGE_CONFLICT'; readonly unit: string; readonly previous: string }
  | { readonly code: 'MERGE_PROVISIONAL_AFTER_FINAL'; readonly unit: string; readonly previous: string }
  | { readonly code: 'MERGE_DOUBLE_COUNTED'; readonly unit: string; readonly previous: string; readonly previousUnit: string };

export type Decision =
  | { readonly kind: 'accept' }
  | { readonly kind: 'replace'; readonly replaceId: number; readonly previous: string }
  | { readonly kind: 'skip'; readonly previous: string }
  | { readonly kind: 'reject'; readonly reason: RejectReason };

/** The item ids a file must carry for this questionnaire, by row type. */
function itemsMatch(q: Questionnaire, f: ParsedExport): string | undefined {
  const want = {
    group: q.groups.map((g) => g.id),
    manifestation: allManifestations(q).map((m) => m.id),
    behaviour: allBehaviours(q).map((b) => b.id),
  };
  const have = { group: [...f.summary.groups.keys()], manifestation: [...f.summary.manifestations.keys()], behaviour: [...f.summary.behaviours.keys()] };
  for (const key of ['group', 'manifestation', 'behaviour'] as const) {
    const missing = want[key].filter((id) => !have[key].includes(id));
    const extra = have[key].filter((id) => !want[key].includes(id));
    if (missing.length || extra.length) return `${key}: ${[...missing.map((m) => `−${m}`), ...extra.map((x) => `+${x}`)].slice(0, 5).join(' ')}`;
  }
  const levels = q.levels.map((l) => l.id).join(',');
  if (f.summary.levels.join(',') !== levels) return `levels: ${f.summary.levels.join(',')} ≠ ${levels}`;
  return undefined;
}

export function decide(f: ParsedExport, target: MergeTarget, state: MergeState): Decision {
  const q = target.questionnaire;
  if (f.questionnaire.sha256 !== q.sha256) {
    return { kind: 'reject', reason: { code: 'MERGE_QUESTIONNAIRE_MISMATCH', id: f.questionnaire.id, version: f.questionnaire.version, sha256: f.questionnaire.sha256, expected: `${q.id} ${q.version}` } };
  }
  if (f.roundLabel !== target.roundLabel) return { kind: 'reject', reason: { code: 'MERGE_ROUND_MISMATCH', fileRound: f.roundLabel, round: target.roundLabel } };
  const mismatch = itemsMatch(q, f);
  if (mismatch) return { kind: 'reject', reason: { code: 'MERGE_ITEMS_MISMATCH', detail: mismatch } };
  const codes = [f.unit.code, ...f.summary.units.map((u) => u.code)];
  if (codes.includes(target.receivingUnitCode)) return { kind: 'reject', reason: { code: 'MERGE_OWN_UNIT', unit: target.receivingUnitCode } };

  const previous = state.fileOf(f.unit.code);
  let replaceId: number | undefined;
  if (previous) {
    if (previous.integrity === f.integrity && previous.status === f.status) return { kind: 'skip', previous: previous.fileName };
    if (previous.status === 'final' && f.status === 'provisional' && !target.replace) {
      return { kind: 'reject', reason: { code: 'MERGE_PROVISIONAL_AFTER_FINAL', unit: f.unit.code, previous: previous.fileName } };
    }
    if (previous.status === 'final' && !target.replace) return { kind: 'reject', reason: { code: 'MERGE_CONFLICT', unit: f.unit.code, previous: previous.fileName } };
    replaceId = previous.id;
  }
  const clash = state.covering(codes, replaceId);
  for (const code of codes) {
    const other = clash.get(code);
    if (other) return { kind: 'reject', reason: { code: 'MERGE_DOUBLE_COUNTED', unit: code, previous: other.fileName, previousUnit: other.unitCode } };
  }
  return replaceId === undefined ? { kind: 'accept' } : { kind: 'replace', replaceId, previous: previous!.fileName };
}
