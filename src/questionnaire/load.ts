/**
 * Reading questionnaire files: the only part of `questionnaire/` that touches
 * the file system. Bytes are checked to be UTF-8 here, so the parser only ever
 * sees text.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { FILE_CAPS, readCapped, refusalError } from '../files/read-capped.js';
import { parseQuestionnaire, type ParseResult } from './parse.js';
import type { Problem } from './problems.js';

/** A questionnaire is a few hundred kilobytes at most (the bundled one 50 KB); anything far larger is not one. */
export const MAX_FILE_BYTES = FILE_CAPS.questionnaire;

/** The folder of questionnaires shipped with tusoi (`questionnaires/` in the package). */
export const BUNDLED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'questionnaires');

/** The offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  // The native check first (a bundled questionnaire is ~50 KB and valid); the
  // byte walk below only runs to locate the fault. isUtf8 follows the same
  // rules (no overlongs, no surrogates, nothing above U+10FFFF).
  if (isUtf8(buf)) return -1;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function problemAt(code: Problem['code'], source: string, buf: Uint8Array, offset: number, params: Problem['params']): Problem {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = new TextDecoder().decode(buf.subarray(lineStart, offset)).length + 1;
  return { code, severity: 'error', source, line, col, path: '', params };
}

/** Parses questionnaire bytes (as read from a file): UTF-8, with or without a BOM. */
export function parseQuestionnaireBytes(buf: Uint8Array, source: string): ParseResult {
  if (buf.length > MAX_FILE_BYTES) return tooLarge(source, buf.length);
  const bad = firstInvalidUtf8(buf);
  if (bad >= 0) return { ok: false, problems: [problemAt('NOT_UTF8', source, buf, bad, {})] };
  // TextDecoder drops a UTF-8 BOM by default (Windows editors write one).
  return parseQuestionnaire(new TextDecoder('utf-8').decode(buf), source);
}

const tooLarge = (source: string, size: number): ParseResult => ({
  ok: false,
  problems: [{ code: 'FILE_TOO_LARGE', severity: 'error', source, line: 1, col: 1, path: '', params: { count: size, limit: MAX_FILE_BYTES } }],
});

/**
 * A questionnaire file's bytes, bounded (`files/read-capped.ts`): a FIFO or a
 * device is refused before reading (a `UserError`), a file over the cap is
 * never read past it (`tooLarge`, a problem like any other of the file).
 */
export function readQuestionnaireBytes(file: string, shown: string = file): { bytes: Buffer } | { tooLarge: number } {
  const r = readCapped(file, MAX_FILE_BYTES);
  if (r.ok) return { bytes: r.bytes };
  if (r.refusal.code === 'FILE_TOO_LARGE') return { tooLarge: r.refusal.size };
  throw refusalError(shown, r.refusal);
}

/**
 * Reads and parses one questionnaire file; file-system failures are
 * `UserError`s. `shown` is the name used in messages (the path as the user typed it).
 */
export function loadQuestionnaireFile(file: string, shown: string = file): ParseResult {
  return loadQuestionnaireSource(file, shown).result;
}

/** {@link loadQuestionnaireFile}, with the text that was read (stored with a round: the text validated, read once). */
export function loadQuestionnaireSource(file: string, shown: string = file): { result: ParseResult; text: string } {
  const read = readQuestionnaireBytes(file, shown);
  if (!('bytes' in read)) return { result: tooLarge(shown, read.tooLarge), text: '' };
  // The text as it was stored before, BOM and all.
  return { result: parseQuestionnaireBytes(read.bytes, shown), text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.bytes) };
}

/** The bundled questionnaire files, by name. */
export function bundledFiles(): string[] {
  if (!existsSync(BUNDLED_DIR)) return [];
  return readdirSync(BUNDLED_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(BUNDLED_DIR, f));
}

/** The file of a bundled questionnaire by its id (bundled files are named `<id>.yaml`). */
export function bundledQuestionnaireFile(id: string): string {
  const file = bundledFiles().find((f) => basename(f).replace(/\.ya?ml$/, '') === id);
  if (!file) throw new UserError('QUESTIONNAIRE_NOT_FOUND', { ref: id, bundled: bundledFiles().map((f) => basename(f).replace(/\.ya?ml$/, '')).join(', ') });
  return file;
}

/**
 * Finds a questionnaire by file path (relative to `cwd`, the folder the user
 * typed the command in) or by the id of a bundled one.
 */
export function resolveQuestionnaireRef(ref: string, cwd: string): string {
  const path = resolve(cwd, ref);
  // Anything there but a folder is the user's file: a FIFO or a device is then refused by the reader, by name.
  if (existsSync(path) && !statSync(path).isDirectory()) return path;
  const bundled = bundledFiles().find((f) => basename(f).replace(/\.ya?ml$/, '') === ref);
  if (bundled) return bundled;
  if (/[\\/]|\.ya?ml$/i.test(ref)) throw new UserError('FILE_NOT_FOUND', { file: ref });
  throw new UserError('QUESTIONNAIRE_NOT_FOUND', {
    ref,
    bundled: bundledFiles().map((f) => basename(f).replace(/\.ya?ml$/, '')).join(', '),
  });
}
