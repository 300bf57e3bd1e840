/**
 * Errors and exit codes. Core modules throw these with a code and parameters;
 * only `cli/main.ts` turns them into words (through the i18n catalogue, so the
 * core never needs to know the user's language) and into exit codes.
 * Tests check `error.name` and `code`, not `instanceof` or prose.
 */
import type { UnsafeKind } from './text/hygiene.js';

export const ExitCode = { Ok: 0, Failure: 1, Usage: 2, Interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Every user-facing failure, with what its message may mention. */
export interface ErrorParams {
  FILE_NOT_FOUND: { file: string };
  FILE_UNREADABLE: { file: string; reason: string };
  FILE_WRITE_FAILED: { file: string; reason: string };
  /** A FIFO, a device, a folder, a socket where a file is read: refused before reading. */
  FILE_NOT_REGULAR: { file: string; kind: 'directory' | 'fifo' | 'device' | 'socket' | 'other' };
  /** Over the cap for its kind of file (`files/read-capped.ts` FILE_CAPS): not read. */
  FILE_TOO_LARGE: { file: string; size: number; limit: number };
  /** A spreadsheet (.xlsx, .ods, .xls) given where a CSV table belongs. */
  CSV_WORKBOOK: { file: string; format: string };
  /** Not a table at all: a zip, a PDF, a database… (`exchange/file-format.ts`). */
  CSV_NOT_TEXT: { file: string; format: string };
  /** `demo --dir` on a folder that already holds a demo. */
  DEMO_DIR_EXISTS: { dir: string };
  QUESTIONNAIRE_NOT_FOUND: { ref: string; bundled: string };
  QUESTIONNAIRE_INVALID: { file: string; errors: number };
  BAD_OPTION_VALUE: { option: string; value: string; allowed: string };
  NOT_A_TERMINAL: { command: string };
  DB_NOT_FOUND: { file: string };
  DB_EXISTS: { file: string };
  DB_NOT_TUSOI: { file: string };
  DB_TOO_NEW: { file: string; version: number; supported: number };
  /** JSON stored in the database (a round's questionnaire, merged counts) stamped with a format this version does not know. */
  DB_DATA_TOO_NEW: { file: string; what: 'questionnaire' | 'counts'; format: string; supported: number };
  DB_READONLY: { file: string };
  DB_FULL: { file: string };
  DB_BUSY: { file: string };
  DIR_NOT_FOUND: { dir: string };
  BAD_UNIT_CODE: { code: string };
  /** `unit trust`: not a fingerprint (issue 17). */
  BAD_FINGERPRINT: { value: string };
  /** `unit key` on a database read in memory that had no key yet. */
  DB_NO_KEY: { file: string };
  EMPTY_NAME: { what: string };
  MEMBER_NOT_FOUND: { query: string };
  MEMBER_AMBIGUOUS: { query: string; candidates: string };
  MEMBER_INACTIVE: { member: string };
  NO_MEMBERS: Record<string, never>;
  MEMBERS_REJECTED: { file: string; errors: number };
  /** `member rename`: the new name is another active member's (`code`). */
  MEMBER_NAME_TAKEN: { name: string; code: string };
  /** A file named .xlsx that is not a readable workbook (`detail`). */
  CSV_BAD_WORKBOOK: { file: string; detail: string };
  NO_OPEN_ROUND: { year: string };
  ROUND_ALREADY_OPEN: { label: string };
  ROUND_LABEL_TAKEN: { label: string };
  ROUND_NOT_FOUND: { label: string };
  ROUND_NOT_COLLECTING: { label: string };
  BAD_LABEL: { label: string };
  RESPONSE_SUBMITTED: { member: string; code: string };
  RESPONSE_EXISTS: { member: string; code: string };
  RESPONSE_NOT_SUBMITTED: { member: string };
  ANONYMOUS_NO_REPLACE: { member: string };
  ANONYMOUS_NO_REOPEN: Record<string, never>;
  /** anon-store: the round is closed but a reader kept the WAL from being emptied; retried at the next opening. */
  ANON_WAL_PENDING: { file: string };
  ANSWERS_REJECTED: { file: string; errors: number };
  CSV_LEGACY_ENCODING: { file: string };
  CSV_MOJIBAKE: { file: string };
  NO_ROUNDS: { year: string };
  PDF_NO_BROWSER: Record<string, never>;
  PDF_FAILED: { reason: string };
  ROUND_NOT_MERGING: { label: string };
  ROUND_CLOSED: { label: string };
  NO_FILES: { paths: string };
  /** `merge --remove`: no merged file of that unit code or file name in the round. */
  MERGE_REMOVE_NOT_FOUND: { ref: string; label: string };
  /** `merge --remove UNIT`: the unit has no file of its own; it is counted inside another unit's file. */
  MERGE_REMOVE_COVERED: { ref: string; label: string; file: string; unit: string };
  /** `merge --remove FILE`: more than one merged file was stored under that name. */
  MERGE_REMOVE_AMBIGUOUS: { ref: string; units: string };
  UNITS_REJECTED: { file: string; errors: number };
  DEMO_STEP_FAILED: { command: string };
  ANONYMOUS_OPEN: { label: string };
  RESPONSE_CLOSED: Record<string, never>;
  /** One front end at a time (issue 18): the response was taken over by the other front end (`where`) at `at` (HH:MM); nothing was written. */
  RESPONSE_TAKEN_OVER: { where: 'kiosk' | 'web'; at: string };
  /** serve (issue 18): the network form takes named rounds only, for now. */
  // --- issue 18, part 2: anonymous rounds over the network form ---
  /** A slip ballot submitted when as many are in as members ticked off. */
  SLIPS_EXCEEDED: { ticked: number };
  /** A member ticked off for a slip, at the kiosk or `answer`. */
  SLIP_TICKED: { member: string };
  DB_INCOMPLETE: { file: string };
  /** `--out` (or the default name) is the unit's own database or one of its `-wal`/`-shm`/`-journal` files. */
  OUTPUT_IS_DATABASE: { file: string; database: string };
  /** `--out` (or the default name) is some other SQLite database (its 16-byte header says so). */
  OUTPUT_IS_SQLITE: { file: string };
  /** `--out` (or the default name) is not a regular file: a folder, a device node, a FIFO, a socket. */
  OUTPUT_NOT_FILE: { file: string; kind: 'folder' | 'device' | 'fifo' | 'socket' | 'other' };
  /** The user answered no to replacing an existing file. */
  OUTPUT_NOT_REPLACED: { file: string };
  /** An empty or half-made database file, left by an `init` that was interrupted (an older tusoi): it holds no data. */
  DB_EMPTY: { file: string };
  /** commit-crypto: a member's key record in the file has impossible values (edited by hand or damaged). */
  COMMITMENT_KEY_DAMAGED: { member: string };
  // Text hygiene (issue 14, part 4): a name, label or code typed on the command line.
  /** A control, bidirectional or invisible character (`text/hygiene.ts`): `char` is "U+202E", `position` 1-based in characters. */
  TEXT_UNSAFE: { what: string; char: string; position: number; kind: UnsafeKind };
  /** Longer than its cap (`TEXT_LIMITS`), in characters. */
  TEXT_TOO_LONG: { what: string; length: number; limit: number };
  // Read-only use (issue 14, part 5): a database tusoi may not write, read from a copy in memory.
  /** Too large to read into memory; copy it to a writable folder. */
  DB_READONLY_TOO_LARGE: { file: string; size: number; limit: number };
  /** An older schema whose upgrade of the in-memory copy failed; copy it to a writable folder. */
  DB_READONLY_OLD: { file: string; version: number; supported: number };
  /** The `-wal` (or `-journal`) beside a read-only database cannot be read: never ignored. */
  DB_READONLY_WAL_UNREADABLE: { file: string; wal: string; reason: string };
  /** The private copy needed to replay a `-wal` could not be made (no writable temporary folder). */
  DB_READONLY_COPY_FAILED: { file: string; reason: string };
  // Rounds and the menu (issue 15, part 4): closing with a warning, reopening.
  /** `round close` on a terminal, answered "no": nothing changed. */
  ROUND_CLOSE_DECLINED: { label: string };
  /** The open round changed while `round close` asked (closed or replaced in another window). */
  ROUND_CHANGED: { label: string };
  /** `round reopen` of a round that is open. */
  ROUND_NOT_CLOSED: { label: string };
  /** `round reopen` of a named round after its final export (`on`: the day). */
  ROUND_REOPEN_EXPORTED: { label: string; on: string };
  /** `round reopen` of an anonymous round reported or exported since it closed. */
  ROUND_REOPEN_REPORTED: { label: string; on: string; kind: 'report' | 'export' };
  // Spreadsheets in (issue 16, parts 1 and 2).
  /** `--sheet NAME`: the workbook has no sheet of that name (`sheets`: the names it has). */
  WORKBOOK_SHEET_NOT_FOUND: { file: string; sheet: string; sheets: string };
  /** Several sheets hold a table of the kind expected: `--sheet` chooses. */
  WORKBOOK_SHEET_AMBIGUOUS: { file: string; sheets: string };
  /** Past a cap before any parse (bytes once uncompressed, sheets, cells): a zip bomb or the wrong file. */
  WORKBOOK_TOO_LARGE: { file: string; detail: string };
  /** `answer --answers` with or without `--member`: the file is in the other layout (`found`: 'form' | 'sheet'). */
  ANSWERS_LAYOUT: { file: string; found: 'form' | 'sheet' };
  /** An anonymous sheet of ballot columns: `--participants` is needed, naming as many members as ballots. */
  ANSWERS_PARTICIPANTS: { file: string; ballots: number; participants: number };
  /** A member named in a sheet or in `--participants` has already taken part in the anonymous round. */
  ANSWERS_ALREADY_TAKEN: { members: string };
  // Questionnaires authored in a spreadsheet (issue 16, part 4).
  /** `questionnaire import`: the sheets have `errors` problems (each listed); nothing written. */
  QSHEET_REJECTED: { file: string; errors: number };
  /** `questionnaire import` of a CSV file: the settings are a second file, given with `--levels`. */
  QSHEET_NEEDS_LEVELS: { file: string };
}
export type ErrorCode = keyof ErrorParams;

/**
 * A mistake the user can fix (bad file, missing round, unknown member…).
 * Printed without a stack, in the user's language, with what to do.
 */
export class UserError<C extends ErrorCode = ErrorCode> extends Error {
  override name = 'UserError';
  readonly code: C;
  readonly params: ErrorParams[C];
  readonly exitCode: ExitCode;
  constructor(code: C, params: ErrorParams[C], options: { exitCode?: ExitCode; cause?: unknown } = {}) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.params = params;
    // A bad option value is a usage error like an unknown option (exit 2), wherever it is found.
    this.exitCode = options.exitCode ?? (code === 'BAD_OPTION_VALUE' ? ExitCode.Usage : ExitCode.Failure);
  }
}

/** A bug: printed with its stack and a request to report it. */
export class InternalError extends Error {
  override name = 'InternalError';
}

/** True for an error thrown by a prompt when the user pressed Ctrl+C. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
