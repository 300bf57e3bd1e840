/** The files a merge is given: files as named, folders searched (recursively) for tables. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';

/** Tables an export may be saved as: .csv, and .txt (Excel saves "Unicode text" so). Hidden files are skipped. */
const TABLE = /\.(csv|txt)$/i;

/** Absolute paths, sorted and without repeats, so a merge is the same whatever order the paths were typed in. */
export function findExportFiles(paths: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && TABLE.test(e.name) && !e.name.startsWith('.')) out.push(p);
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
  return [...new Set(out)].sort();
}
