/** Searches in a database file's raw bytes (read as Latin-1), for tests of what the file gives away. */

/** Each place the behaviour id appears with a commitment's deadline within 256 bytes: a commitment naming its behaviour. */
export function besideDue(raw: string, behaviourId: string, due: string): number {
  let n = 0;
  for (let i = raw.indexOf(behaviourId); i >= 0; i = raw.indexOf(behaviourId, i + 1)) if (raw.slice(Math.max(0, i - 256), i + 256).includes(due)) n++;
  return n;
}
