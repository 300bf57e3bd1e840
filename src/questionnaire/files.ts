/**
 * Finding and reading questionnaire files, without parsing them: what a
 * command needs before it knows whether the file must be parsed at all
 * (`known.ts`), so that this module loads no YAML parser.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { FILE_CAPS, readCapped, refusalError } from '../files/read-capped.js';

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
