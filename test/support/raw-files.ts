/**
 * A database file and its -wal as raw bytes, for the commitment tests (CLI
 * and service) that search the files for text that must not be there; one
 * copy so that both search the same bytes the same way.
 */
import { existsSync, readFileSync } from 'node:fs';

/** The bytes of the database file and of its -wal (when present), as one latin1 string. */
export function rawFiles(file: string): string {
  return [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('\n');
}

/** `s` as its UTF-8 bytes read as latin1: what to search for in rawFiles(). */
export const bytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
