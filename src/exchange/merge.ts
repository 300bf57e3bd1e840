/**
 * Deciding what to do with one export arriving at a merging unit, following
 * CSPro's Concatenate Data and ODK Central: the same content again is skipped
 * and reported; the same unit and round with other content is a conflict
 * (unless a provisional export is being replaced, or --replace is given); a
 * unit already counted inside another merged file is double counting. Pure:
 * what is already stored comes in through `MergeState`.
 */
import { allBehaviours, allManifestations, type Questionnaire } from '../questionnaire/model.js';
import type { CoveredUnit } from '../summary/aggregate.js';
import type { ExportStatus } from './columns.js';
import type { ParsedExport } from './import.js';

/**
 * What a merge needs of one parsed export: identity, covered units, the
 * counts packed, and whether its items fit the round's questionnaire. Small
 * and flat, so a worker thread can hand it over cheaply.
 */
export interface MergeCandidate {
  readonly questionnaire: { readonly id: string; readonly version: string; readonly sha256: string };
  readonly roundLabel: string;
  readonly unit: { readonly code: string; readonly name: string; readonly level: string; readonly parentCode: string | null };
  readonly status: ExportStatus;
  readonly integrity: string;
  readonly exportedAt: string;
  readonly members: number;
  readonly respondents: number;
  readonly units: ReadonlyArray<CoveredUnit>;
  readonly counts: string;
  readonly itemsProblem: string | undefined;
  /** The fingerprint of the key that signed it (verified on reading); undefined when unsigned. */
  readonly signer: string | undefined;
}

export function candidateOf(f: ParsedExport, q: Questionnaire): MergeCandidate {
  return {
    questionnaire: f.questionnaire,
    roundLabel: f.roundLabel,
    unit: f.unit,
    status: f.status,
    integrity: f.integrity,
    exportedAt: f.exportedAt,
    members: f.members,
    respondents: f.respondents,
    units: f.units,
    counts: f.packed,
    itemsProblem: f.questionnaire.sha256 === q.sha256 ? itemsMatch(q, f) : undefined,
    signer: f.signer?.fingerprint,
  };
}

export interface MergeTarget {
  readonly roundId: number;
  readonly roundLabel: string;
  readonly questionnaire: Questionnaire;
  readonly receivingUnitCode: string;
  readonly replace: boolean;
  /** Refuse unsigned files even of units with no key yet (`--require-signature`). */
  readonly requireSignature?: boolean;
}

export interface StoredFileRef {
  readonly id: number;
  readonly unitCode: string;
  readonly status: 'final' | 'provisional';
  readonly integrity: string;
  readonly exportedAt: string;
  readonly fileName: string;
}

/** What is already merged, asked for one file at a time. */
export interface MergeState {
  fileOf(unitCode: string): StoredFileRef | undefined;
  /** For each code already counted in the round, the file that counted it (excluding `except`). */
  covering(codes: ReadonlyArray<string>, except?: number): ReadonlyMap<string, StoredFileRef>;
  /** The fingerprint pinned for a unit (case-insensitively), if any. */
  pinOf(unitCode: string): { readonly fingerprint: string; readonly verified: boolean } | undefined;
  /** A unit's parent in the unit list, when the list knows the unit. */
  listedParent(unitCode: string): string | null | undefined;
}

export type RejectReason =
  | { readonly code: 'MERGE_ROUND_MISMATCH'; readonly fileRound: string; readonly round: string }
  | { readonly code: 'MERGE_QUESTIONNAIRE_MISMATCH'; readonly id: string; readonly version: string; readonly sha256: string; readonly expected: string }
  | { readonly code: 'MERGE_ITEMS_MISMATCH'; readonly detail: string }
  | { readonly code: 'MERGE_OWN_UNIT'; readonly unit: string }
  | { readonly code: 'MERGE_CONFLICT'; readonly unit: string; readonly previous: string }
  | { readonly code: 'MERGE_PROVISIONAL_AFTER_FINAL'; readonly unit: string; readonly previous: string }
  | { readonly code: 'MERGE_DOUBLE_COUNTED'; readonly unit: string; readonly previous: string; readonly previousUnit: string }
  /** Not from `decide()`: the merge found the round closed (by `round close` in another window) when it opened a batch. */
  | { readonly code: 'MERGE_ROUND_CLOSED'; readonly round: string }
  // Signed exports and pinned keys (issue 17).
  /** Signed by another key than the one pinned for the unit: neither is assumed genuine. */
  | { readonly code: 'MERGE_KEY_MISMATCH'; readonly unit: string; readonly pinned: string; readonly got: string; readonly verified: boolean }
  /** Unsigned, for a unit whose key is pinned or given. */
  | { readonly code: 'MERGE_UNSIGNED_PINNED'; readonly unit: string; readonly pinned: string }
  /** Unsigned, with `--require-signature`. */
  | { readonly code: 'MERGE_UNSIGNED_REFUSED'; readonly unit: string }
  /** Covers a unit whose parent chain does not lead to the file's unit (its signer). */
  | { readonly code: 'MERGE_NOT_VOUCHED'; readonly unit: string; readonly signer: string };

/** For an accepted file: whether it pins its signer's key (first use), or is accepted unsigned (a warning). */
export type KeyNote = { readonly pin?: string; readonly unsigned?: true };

export type Decision =
  | ({ readonly kind: 'accept' } & KeyNote)
  | ({ readonly kind: 'replace'; readonly replaceId: number; readonly previous: string } & KeyNote)
  | { readonly kind: 'skip'; readonly previous: string; readonly older?: boolean }
  | { readonly kind: 'reject'; readonly reason: RejectReason };

const wanted = new WeakMap<Questionnaire, Record<'group' | 'manifestation' | 'behaviour', ReadonlySet<string>>>();

/** The item ids a file must carry for this questionnaire, by row type (computed once per questionnaire). */
function itemsMatch(q: Questionnaire, f: ParsedExport): string | undefined {
  let want = wanted.get(q);
  if (!want) {
    want = {
      group: new Set(q.groups.map((g) => g.id)),
      manifestation: new Set(allManifestations(q).map((m) => m.id)),
      behaviour: new Set(allBehaviours(q).map((b) => b.id)),
    };
    wanted.set(q, want);
  }
  for (const key of ['group', 'manifestation', 'behaviour'] as const) {
    const have = f.itemIds[key];
    if (have.length === want[key].size && have.every((id) => want[key].has(id))) continue;
    const missing = [...want[key]].filter((id) => !have.includes(id));
    const extra = have.filter((id) => !want[key].has(id));
    if (missing.length || extra.length) return `${key}: ${[...missing.map((m) => `−${m}`), ...extra.map((x) => `+${x}`)].slice(0, 5).join(' ')}`;
  }
  const levels = q.levels.map((l) => l.id).join(',');
  if (f.levels.join(',') !== levels) return `levels: ${f.levels.join(',')} ≠ ${levels}`;
  return undefined;
}

export function decide(f: MergeCandidate, target: MergeTarget, state: MergeState): Decision {
  const q = target.questionnaire;
  if (f.questionnaire.sha256 !== q.sha256) {
    return { kind: 'reject', reason: { code: 'MERGE_QUESTIONNAIRE_MISMATCH', id: f.questionnaire.id, version: f.questionnaire.version, sha256: f.questionnaire.sha256, expected: `${q.id} ${q.version}` } };
  }
  if (f.roundLabel !== target.roundLabel) return { kind: 'reject', reason: { code: 'MERGE_ROUND_MISMATCH', fileRound: f.roundLabel, round: target.roundLabel } };
  if (f.itemsProblem) return { kind: 'reject', reason: { code: 'MERGE_ITEMS_MISMATCH', detail: f.itemsProblem } };
  const codes = [f.unit.code, ...f.units.map((u) => u.code)];
  if (codes.some((c) => c.toUpperCase() === target.receivingUnitCode.toUpperCase())) return { kind: 'reject', reason: { code: 'MERGE_OWN_UNIT', unit: target.receivingUnitCode } };

  const keyCheck = checkKey(f, target, state);
  if ('reason' in keyCheck) return { kind: 'reject', reason: keyCheck.reason };
  const vouch = checkVouched(f, target.receivingUnitCode, state);
  if (vouch) return { kind: 'reject', reason: vouch };

  const previous = state.fileOf(f.unit.code);
  let replaceId: number | undefined;
  if (previous) {
    if (previous.integrity === f.integrity && previous.status === f.status) return { kind: 'skip', previous: previous.fileName };
    if (previous.status === 'final' && f.status === 'provisional' && !target.replace) {
      return { kind: 'reject', reason: { code: 'MERGE_PROVISIONAL_AFTER_FINAL', unit: f.unit.code, previous: previous.fileName } };
    }
    if (previous.status === 'final' && !target.replace) return { kind: 'reject', reason: { code: 'MERGE_CONFLICT', unit: f.unit.code, previous: previous.fileName } };
    // Two provisional exports: the later one counts, whatever order the files arrive in
    // (Windows names a second download "X (1).csv", which sorts first).
    if (previous.status === 'provisional' && f.status === 'provisional' && !target.replace) {
      if (f.exportedAt < previous.exportedAt) return { kind: 'skip', previous: previous.fileName, older: true };
      if (f.exportedAt === previous.exportedAt) return { kind: 'reject', reason: { code: 'MERGE_CONFLICT', unit: f.unit.code, previous: previous.fileName } };
    }
    replaceId = previous.id;
  }
  const clash = state.covering(codes, replaceId);
  for (const code of codes) {
    const other = clash.get(code);
    if (other) return { kind: 'reject', reason: { code: 'MERGE_DOUBLE_COUNTED', unit: code, previous: other.fileName, previousUnit: other.unitCode } };
  }
  return replaceId === undefined ? { kind: 'accept', ...keyCheck } : { kind: 'replace', replaceId, previous: previous!.fileName, ...keyCheck };
}

/** The key step: a signed file matches its unit's pin (or pins it), an unsigned one is refused where a key is pinned or required. */
function checkKey(f: MergeCandidate, target: MergeTarget, state: MergeState): KeyNote | { readonly reason: RejectReason } {
  const unit = f.unit.code;
  const pin = state.pinOf(unit);
  if (f.signer === undefined) {
    if (pin) return { reason: { code: 'MERGE_UNSIGNED_PINNED', unit, pinned: pin.fingerprint } };
    if (target.requireSignature) return { reason: { code: 'MERGE_UNSIGNED_REFUSED', unit } };
    return { unsigned: true };
  }
  if (!pin) return { pin: f.signer };
  if (pin.fingerprint !== f.signer) return { reason: { code: 'MERGE_KEY_MISMATCH', unit, pinned: pin.fingerprint, got: f.signer, verified: pin.verified } };
  return {};
}

/**
 * Each covered unit's parent chain in the unit list leads to the file's unit,
 * which vouches for it. A unit the list does not know (or a chain that leaves
 * the list) is the signer's own word and stands; a chain the list ends at a
 * top unit or at the merging unit, or that loops, without reaching the signer is refused, by name.
 */
function checkVouched(f: MergeCandidate, receiving: string, state: MergeState): RejectReason | undefined {
  const top = f.unit.code.toUpperCase();
  const here = receiving.toUpperCase();
  for (const u of f.units) {
    let code: string | null | undefined = u.code;
    const seen = new Set<string>();
    while (typeof code === 'string' && code.toUpperCase() !== top && code.toUpperCase() !== here && !seen.has(code.toUpperCase())) {
      seen.add(code.toUpperCase());
      code = state.listedParent(code);
    }
    // Ending at the merging unit itself, a top unit, or a loop: the list puts it outside the signer.
    if (code === null || (typeof code === 'string' && code.toUpperCase() !== top && (code.toUpperCase() === here || seen.has(code.toUpperCase())))) return { code: 'MERGE_NOT_VOUCHED', unit: u.code, signer: f.unit.code };
  }
  return undefined;
}
