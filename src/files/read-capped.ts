/**
 * Reading a file a user hands tusoi, bounded: opened without blocking (a FIFO
 * would otherwise wait for a writer forever), checked with `fstat` on the
 * opened descriptor (no race with a rename between a check and the read),
 * refused unless it is a regular file, and never read past its cap (at most
 * cap + 1 bytes, so `/dev/zero` or a file still growing cannot fill memory).
 *
 * A leaf (it imports errors.ts alone): the questionnaire loader, the merge's
 * reader and the CLI's table reader share it; it knows no words, only what
 * went wrong.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UserError } from '../errors.js';

const MiB = 1024 * 1024;

/**
 * The cap for each kind of file, far above the largest real one:
 * - a questionnaire: the bundled one is 50 KB; 4 MiB leaves room for long notes in two languages;
 * - a member list, unit list or paper form: a cell's list is a few KB, a bloc's list of
 *   10,000 units about 1 MB;
 * - a cell export: about 30 KB; a bloc's export covering 10,000 units a few MB.
 */
export const FILE_CAPS = {
  questionnaire: 4 * MiB,
  table: 16 * MiB,
  export: 64 * MiB,
} as const;

export type FileKindCap = keyof typeof FILE_CAPS;

/** What a path named that is not a regular file is. */
export type NotRegular = 'directory' | 'fifo' | 'device' | 'socket' | 'other';

/** Why a file was not read. */
export type ReadRefusal =
  | { readonly code: 'FILE_NOT_FOUND' }
  | { readonly code: 'FILE_NOT_REGULAR'; readonly kind: NotRegular }
  | { readonly code: 'FILE_TOO_LARGE'; readonly size: number; readonly limit: number }
  | { readonly code: 'FILE_UNREADABLE'; readonly reason: string };

export type CappedRead = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly refusal: ReadRefusal };

export function notRegularKind(st: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>): NotRegular {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

// NOTE: O_NONBLOCK makes opening a FIFO return at once instead of waiting for
// a writer; it changes nothing for a regular file. Windows has no such flag
// (and no FIFOs a path can name), hence the `?? 0`.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** An opened regular file, or why it was not opened. */
export type OpenedRegular = { readonly ok: true; readonly fd: number; readonly st: Stats } | { readonly ok: false; readonly refusal: ReadRefusal };

/**
 * Opens `path` for reading without blocking and checks, with `fstat` on the
 * descriptor, that it is a regular file (else it is closed again and refused).
 * The caller closes `fd`.
 */
export function openRegular(path: string): OpenedRegular {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'ENOENT') return { ok: false, refusal: { code: 'FILE_NOT_FOUND' } };
    if (code === 'EISDIR') return { ok: false, refusal: { code: 'FILE_NOT_REGULAR', kind: 'directory' } };
    // A socket cannot be opened at all.
    if (code === 'ENXIO') return { ok: false, refusal: { code: 'FILE_NOT_REGULAR', kind: 'socket' } };
    return { ok: false, refusal: { code: 'FILE_UNREADABLE', reason: code } };
  }
  let refusal: ReadRefusal;
  try {
    const st = fstatSync(fd);
    if (st.isFile()) return { ok: true, fd, st };
    refusal = { code: 'FILE_NOT_REGULAR', kind: notRegularKind(st) };
  } catch (error) {
    refusal = { code: 'FILE_UNREADABLE', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  closeSync(fd);
  return { ok: false, refusal };
}

/**
 * Runs `read` on a regular file opened as `openRegular` does, and closes it;
 * a read error becomes FILE_UNREADABLE, like every refusal, as data.
 */
export function withRegular<T extends { readonly ok: boolean }>(path: string, read: (fd: number, st: Stats) => T): T | { readonly ok: false; readonly refusal: ReadRefusal } {
  const opened = openRegular(path);
  if (!opened.ok) return opened;
  try {
    return read(opened.fd, opened.st);
  } catch (error) {
    return { ok: false, refusal: { code: 'FILE_UNREADABLE', reason: (error as NodeJS.ErrnoException).code ?? String(error) } };
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * Reads a whole regular file of at most `limit` bytes. `scratch`, when given,
 * is a buffer to read into (grown as needed, up to limit + 1): the bytes
 * returned then live in it until the next call (the merge reads thousands of
 * files through one buffer).
 */
export function readCapped(path: string, limit: number, scratch?: { buffer: Buffer }): CappedRead {
  return withRegular(path, (fd, st): CappedRead => {
    if (st.size > limit) return { ok: false, refusal: { code: 'FILE_TOO_LARGE', size: st.size, limit } };
    // The size may be wrong (a file still growing, /proc): read until the end, never past limit + 1.
    const want = Math.min(limit + 1, Math.max(st.size + 1, 64 * 1024));
    let buffer = scratch?.buffer ?? Buffer.allocUnsafe(want);
    if (buffer.length < want) buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(want, buffer.length * 2)));
    let read = 0;
    for (;;) {
      if (read === buffer.length) {
        if (read > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, read);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, read, buffer.length - read, null);
      if (n === 0) break;
      read += n;
    }
    if (scratch) scratch.buffer = buffer;
    if (read > limit) return { ok: false, refusal: { code: 'FILE_TOO_LARGE', size: Math.max(st.size, read), limit } };
    return { ok: true, bytes: buffer.subarray(0, read) };
  });
}

/** A refused read as the error the user sees, naming the file as `shown`. */
export function refusalError(shown: string, r: ReadRefusal): UserError {
  switch (r.code) {
    case 'FILE_NOT_FOUND':
      return new UserError('FILE_NOT_FOUND', { file: shown });
    case 'FILE_NOT_REGULAR':
      return new UserError('FILE_NOT_REGULAR', { file: shown, kind: r.kind });
    case 'FILE_TOO_LARGE':
      return new UserError('FILE_TOO_LARGE', { file: shown, size: r.size, limit: r.limit });
    case 'FILE_UNREADABLE':
      return new UserError('FILE_UNREADABLE', { file: shown, reason: r.reason });
  }
}

/** {@link readCapped}, a refusal thrown as a `UserError` naming the file as `shown`. */
export function readUserBytes(path: string, shown: string, limit: number): Buffer {
  const r = readCapped(path, limit);
  if (r.ok) return r.bytes;
  throw refusalError(shown, r.refusal);
}
