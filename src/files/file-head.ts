/** The first bytes of a file, as Latin-1 text: enough to tell a SQLite file ("SQLite format 3\0") from anything else. */
import { closeSync, openSync, readSync } from 'node:fs';

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
