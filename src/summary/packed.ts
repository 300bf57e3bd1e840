/**
 * A summary's counts as compact JSON, the form a merged file is stored in:
 * `{"levels":[…],"rows":[["behaviour","TT1.1",12,3,0],…]}`. Arrays, not
 * objects keyed by id: ids like "TT1.1" make V8 objects slow dictionaries,
 * and the merge packs one summary per file.
 */
import type { Counts, CoveredUnit, Summary } from './aggregate.js';

export type PackedRowType = 'overall' | 'group' | 'manifestation' | 'behaviour';

/** Builds the packed JSON text row by row. */
export class CountsPacker {
  private text: string;
  private first = true;
  constructor(levels: ReadonlyArray<string>) {
    this.text = `{"levels":${JSON.stringify(levels)},"rows":[`;
  }
  add(type: PackedRowType, id: string, vector: ReadonlyArray<number>): void {
    this.text += `${this.first ? '' : ','}[${JSON.stringify(type)},${JSON.stringify(id)},${vector.join(',')}]`;
    this.first = false;
  }
  done(): string {
    return `${this.text}]}`;
  }
}


export function unpackCounts(json: string, rest: Pick<Summary, 'questionnaire' | 'members' | 'respondents'> & { units: CoveredUnit[] }): Summary {
  const p = JSON.parse(json) as { levels: string[]; rows: Array<[PackedRowType, string, ...number[]]> };
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
