/**
 * Reading and parsing questionnaire files (`files.ts` finds and reads them;
 * re-exported here). Bytes are checked to be UTF-8 here, so the parser only
 * ever sees text.
 */
import { firstInvalidUtf8, MAX_FILE_BYTES, readQuestionnaireBytes } from './files.js';
import { parseQuestionnaire, type ParseResult } from './parse.js';
import type { Problem } from './problems.js';

export { BUNDLED_DIR, bundledFiles, bundledQuestionnaireFile, firstInvalidUtf8, MAX_FILE_BYTES, readQuestionnaireBytes, resolveQuestionnaireRef } from './files.js';

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

