/**
 * A summary's counts as compact JSON, the form a merged file is stored in:
 * `{"storeFormat":1,"levels":[…],"rows":[["behaviour","TT1.1",12,3,0],…]}`.
 * Arrays, not objects keyed by id: ids like "TT1.1" make V8 objects slow
 * dictionaries, and the merge packs one summary per file.
 *
 * `storeFormat` stamps the layout (it is stored in the database, read by
 * later versions of tusoi): text written before the stamp has none and is
 * format 1; a format this version does not know is refused, never guessed at.
 * The stamp is not part of any integrity value (those are computed on the
 * parsed content, exchange/integrity.ts).
 */
import { UserError } from '../errors.js';
import type { Counts, CoveredUnit, Summary } from './aggregate.js';

/** The packed layout this version writes and the newest it reads. */
export const PACKED_FORMAT = 1;

export type PackedRowType = 'overall' | 'group' | 'manifestation' | 'behaviour';

/** Builds the packed JSON text row by row. */
export class CountsPacker {
  private text: string;
  private first = true;
  constructor(levels: ReadonlyArray<string>) {
    this.text = `{"storeFormat":${PACKED_FORMAT},"levels":${JSON.stringify(levels)},"rows":[`;
  }
  add(type: PackedRowType, id: string, vector: ReadonlyArray<number>): void {
    this.text += `${this.first ? '' : ','}[${JSON.stringify(type)},${JSON.stringify(id)},${vector.join(',')}]`;
    this.first = false;
  }
  done(): string {
    return `${this.text}]}`;
  }
}

/**
 * Reads packed counts back into a summary. `file` (the database) is named in
 * the error when the text was written by a newer tusoi.
 */
export function unpackCounts(json: string, rest: Pick<Summary, 'questionnaire' | 'members' | 'respondents'> & { units: CoveredUnit[] }, file = ''): Summary {
  const p = JSON.parse(json) as { storeFormat?: unknown; levels: string[]; rows: Array<[PackedRowType, string, ...number[]]> };
  const format = p.storeFormat === undefined ? 1 : p.storeFormat;
  if (format !== PACKED_FORMAT) throw new UserError('DB_DATA_TOO_NEW', { file, what: 'counts', format: String(format), supported: PACKED_FORMAT });
  const counts = (row: ReadonlyArray<unknown>) => Object.fromEntries(p.levels.map((l, i) => [l, Number(row[i + 2] ?? 0)]));
  const maps = { group: new Map<string, Counts>(), manifestation: new Map<string, Counts>(), behaviour: new Map<string, Counts>() };
  let overall: Counts = Object.fromEntries(p.levels.map((l) => [l, 0]));
  for (const row of p.rows) {
    if (row[0] === 'overall') overall = counts(row);
    else maps[row[0]].set(row[1], counts(row));
  }
  return {
    questionnaire: rest.questionnaire,
    levels: p.levels,
    members: rest.members,
    respondents: rest.respondents,
    units: rest.units,
    overall,
    groups: maps.group,
    manifestations: maps.manifestation,
    behaviours: maps.behaviour,
  };
}
