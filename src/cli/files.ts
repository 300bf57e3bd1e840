/**
 * Writing the files a user asked for (reports, exports): whole or not at all
 * (a temporary file renamed into place), readable by the owner only, with
 * failures worded for the user.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { FILE_CAPS, readUserBytes } from '../files/read-capped.js';
import { asciiFileName } from '../text/file-name.js';

export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
  const dir = dirname(file);
  if (!existsSync(dir)) throw new UserError('DIR_NOT_FOUND', { dir });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      // A write may be short (a disk filling up): loop until every byte is down, then sync.
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameWithRetry(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was left behind
    }
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'ENOSPC') throw new UserError('DB_FULL', { file });
    throw new UserError('FILE_WRITE_FAILED', { file, reason: code }, { cause: error });
  }
}

/** Antivirus on Windows holds a new file for a moment: a rename is retried briefly before it fails. */
function renameWithRetry(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      const until = Date.now() + 50 * (attempt + 1);
      while (Date.now() < until) {
        // a short synchronous wait: this path is rare and the caller is synchronous
      }
    }
  }
}

/** A file name from a unit code and a round label, safe on Windows too. */
export function defaultFileName(unitCode: string, roundLabel: string, extension: string): string {
  // ASCII only: "2026 ẩn danh" → CB03-2026-an-danh.csv (`text/file-name.ts`).
  return `${asciiFileName(unitCode)}-${asciiFileName(roundLabel)}.${extension}`;
}

/**
 * Reads a table the user named (relative to `cwd`: member list, unit list,
 * paper form), bounded (`files/read-capped.ts`: a regular file of at most
 * FILE_CAPS.table bytes); failures are worded for the user, naming the file as typed.
 */
export function readUserFile(cwd: string, file: string): Buffer {
  return readUserBytes(resolve(cwd, file), file, FILE_CAPS.table);
}
