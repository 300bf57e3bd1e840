/** The first bytes of a file, as Latin-1 text: enough to tell a SQLite file ("SQLite format 3\0") from anything else. */
import { closeSync, openSync, readSync } from 'node:fs';
import { withRegular, type ReadRefusal } from './read-capped.js';

export function readFileHead(file: string, bytes = 16): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

export type RegularHead = { readonly ok: true; readonly head: string; readonly size: number } | { readonly ok: false; readonly refusal: ReadRefusal };

/**
 * As {@link readFileHead}, for a path a user named (`--db`): opened without
 * blocking and checked with `fstat` on the opened descriptor, so a FIFO or a
 * device (`/dev/zero`, a tape) is refused before anything, SQLite included,
 * reads from it, and a swap between a check and the read cannot get round it.
 */
export function readRegularHead(file: string, bytes = 16): RegularHead {
  return withRegular(file, (fd, st): RegularHead => {
    const buf = Buffer.alloc(bytes);
    const n = st.size === 0 ? 0 : readSync(fd, buf, 0, bytes, 0);
    return { ok: true, head: buf.subarray(0, n).toString('latin1'), size: st.size };
  });
}
