/**
 * The questionnaire model: what the interview asks, the summary counts by and
 * every export identifies (by id, version and sha256).
 */

export type Lang = 'vi' | 'en';

/** Text in Vietnamese (required) and English (optional: its absence is only a warning). */
export interface LocalText {
  readonly vi: string;
  readonly en?: string;
}

/** How far a manifestation's wording has been checked against the official text. */
export type ManifestationStatus = 'verbatim' | 'partial' | 'unverified';
export const MANIFESTATION_STATUSES: ReadonlyArray<ManifestationStatus> = ['verbatim', 'partial', 'unverified'];

export type LevelId = string;

export interface Level {
  readonly id: LevelId;
  readonly label: LocalText;
  /** True for the first level only: "không" (none). */
  readonly none: boolean;
}

export interface Behaviour {
  readonly id: string;
  readonly text: LocalText;
  readonly note?: LocalText;
}

export interface Manifestation {
  readonly id: string;
  readonly status: ManifestationStatus;
  readonly text: LocalText;
  readonly note?: LocalText;
  readonly behaviours: ReadonlyArray<Behaviour>;
}

export interface Group {
  readonly id: string;
  readonly text: LocalText;
  readonly note?: LocalText;
  readonly manifestations: ReadonlyArray<Manifestation>;
}

/** The format version of the YAML files this code reads. */
export const QUESTIONNAIRE_FORMAT = 1;

export interface Questionnaire {
  readonly format: number;
  readonly id: string;
  readonly version: string;
  /** sha256 (hex) of the normalised content: see `hash.ts`. */
  readonly sha256: string;
  readonly title: LocalText;
  readonly source: LocalText;
  readonly note?: LocalText;
  /** In order of severity; the first is the "none" level. */
  readonly levels: ReadonlyArray<Level>;
  readonly groups: ReadonlyArray<Group>;
}

/** A text in the wanted language; English falls back to Vietnamese where missing. */
export function localText(t: LocalText, lang: Lang): string {
  return lang === 'en' ? (t.en ?? t.vi) : t.vi;
}

export function allManifestations(q: Questionnaire): Manifestation[] {
  return q.groups.flatMap((g) => g.manifestations);
}

export function allBehaviours(q: Questionnaire): Behaviour[] {
  return q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours));
}
