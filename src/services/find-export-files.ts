/** The files a merge is given: files as named, folders searched (recursively) for tables. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';

/** Tables an export may be saved as: .csv, .txt (Excel saves "Unicode text" so), and a workbook it was re-saved as. */
const TABLE = /\.(csv|txt|xlsx|ods)$/i;

/** Why a folder entry was not read: never silently (the user sees the list). */
export type IgnoredReason = 'hidden' | 'not-a-table' | 'symlink' | 'not-a-file';

export interface FoundFiles {
  /** Absolute paths, sorted and without repeats, so a merge is the same whatever order the paths were typed in. */
  readonly files: string[];
  /** Entries of the folders given that are not tables, sorted: not read and not counted. */
  readonly ignored: Array<{ readonly file: string; readonly reason: IgnoredReason }>;
}

/**
 * A folder entry named like a table is read whatever it is (a FIFO or a
 * device named `x.csv` is then refused, with its code, by the reader's
 * `fstat`); other entries are listed as ignored with why. Symbolic links
 * inside a folder are not followed (a link may lead anywhere, or back into
 * the folder): named on the command line, the file they point to is read.
 */
function classify(e: Dirent): 'table' | 'dir' | IgnoredReason {
  if (e.isSymbolicLink()) return 'symlink';
  if (e.isDirectory()) return 'dir';
  if (e.name.startsWith('.')) return 'hidden';
  if (!TABLE.test(e.name)) return e.isFile() ? 'not-a-table' : 'not-a-file';
  return 'table';
}

export function findExportFiles(paths: ReadonlyArray<string>): FoundFiles {
  const out: string[] = [];
  const ignored: Array<{ file: string; reason: IgnoredReason }> = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      const kind = classify(e);
      if (kind === 'dir') walk(p);
      else if (kind === 'table') out.push(p);
      else ignored.push({ file: p, reason: kind });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError('FILE_NOT_FOUND', { file: p });
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  const seen = new Set<string>();
  return {
    files: [...new Set(out)].sort(),
    ignored: ignored.filter((x) => !seen.has(x.file) && seen.add(x.file)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
}
