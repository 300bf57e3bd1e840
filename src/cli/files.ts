/**
 * Writing the files a user asked for (reports, exports): whole or not at all
 * (a temporary file renamed into place), readable by the owner only, with
 * failures worded for the user.
 */
import { closeSync, existsSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
  const dir = dirname(file);
  if (!existsSync(dir)) throw new UserError('DIR_NOT_FOUND', { dir });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
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

/** A file name from a unit code and a round label, safe on Windows too. */
export function defaultFileName(unitCode: string, roundLabel: string, extension: string): string {
  const safe = (s: string) => s.normalize('NFC').replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
  return `${safe(unitCode)}-${safe(roundLabel)}.${extension}`;
}
