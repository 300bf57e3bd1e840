/**
 * `merge --remove`: taking one merged file back out of a merging round, so
 * that, for instance, a committee's file can replace the files of its cells
 * merged one by one. All of the file goes, or nothing: the file and the units
 * it covers, in one write transaction, which also re-checks that the round is
 * open (another window may have closed it).
 */
import { UserError } from '../errors.js';
import type { Db } from '../store/db.js';
import { coveringFiles, deleteMergedFile, findMergedFile, findMergedFilesByName, type MergedFile } from '../store/merged.js';
import { mergingRound } from './round-choice.js';

export interface RemovedFile {
  /** What the user named: a unit code or a file name. */
  readonly ref: string;
  /** The file as it was stored when merged. */
  readonly file: string;
  /** The unit the file came from. */
  readonly unit: string;
}

export interface RemoveOptions {
  /** The round's label; the open round when absent. */
  readonly round?: string;
  readonly now: () => Date;
  /**
   * Other spellings of a ref as a file name (the front end's: the path as
   * typed, made relative to where tusoi was run, as `merge` stores it).
   */
  readonly alias?: (ref: string) => ReadonlyArray<string>;
}

/**
 * Removes the merged file named by `ref`: the unit code of the file first,
 * then its stored file name. A unit counted only inside another unit's file,
 * a name stored twice and a name not found are refused with what to do.
 */
export function removeMergedFile(db: Db, ref: string, o: RemoveOptions): RemovedFile {
  return db.transaction(() => {
    const round = mergingRound(db, o.round, o.now());
    const text = ref.normalize('NFC').trim();
    let file: MergedFile | undefined = findMergedFile(db, round.id, text);
    if (!file) {
      for (const name of [text, ...(o.alias?.(ref) ?? []).map((n) => n.normalize('NFC'))]) {
        const named = findMergedFilesByName(db, round.id, name);
        if (named.length > 1) throw new UserError('MERGE_REMOVE_AMBIGUOUS', { ref, units: named.map((f) => f.unitCode).join(', ') });
        file = named[0];
        if (file) break;
      }
    }
    if (!file) {
      const inside = coveringFiles(db, round.id, [text]).get(text);
      if (inside) throw new UserError('MERGE_REMOVE_COVERED', { ref, label: round.label, file: inside.fileName, unit: inside.unitCode });
      throw new UserError('MERGE_REMOVE_NOT_FOUND', { ref, label: round.label });
    }
    deleteMergedFile(db, file.id);
    return { ref, file: file.fileName, unit: file.unitCode };
  }).immediate();
}

/** Several removals, all or none: one that is refused leaves every file in. */
export function removeMergedFiles(db: Db, refs: ReadonlyArray<string>, o: RemoveOptions): RemovedFile[] {
  if (refs.length === 0) return [];
  return db.transaction(() => refs.map((ref) => removeMergedFile(db, ref, o))).immediate();
}
