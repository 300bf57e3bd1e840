/**
 * Validation problems: a stable code, where (file:line:col and the path inside
 * the document), and parameters for the message. The words live in the i18n
 * catalogues under the same code, so tests assert codes, never prose.
 */

export const PROBLEM_CODES = [
  'NOT_UTF8',
  'FILE_TOO_LARGE',
  'YAML_SYNTAX',
  'DUPLICATE_KEY',
  'TOO_DEEP',
  'EMPTY_DOCUMENT',
  'UNSUPPORTED_FORMAT',
  'WRONG_TYPE',
  'MISSING_FIELD',
  'UNKNOWN_KEY',
  'EMPTY_TEXT',
  'TEXT_TOO_LONG',
  'NOT_NFC',
  'MISSING_TRANSLATION',
  'BAD_ID',
  'DUPLICATE_ID',
  'DUPLICATE_ID_CASE',
  'EMPTY_LIST',
  'TOO_FEW_LEVELS',
  'NO_NONE_LEVEL',
  'NONE_NOT_FIRST',
  'BAD_STATUS',
  'BAD_COUNT',
  'COUNT_MISMATCH',
  /** An anchor (&) or alias (*): the format has no use for them, and nested aliases expand exponentially. */
  'YAML_ALIAS',
  /** The last problem listed when a file had more than the bound: how many more (`count`). */
  'MORE_PROBLEMS',
  /** Text hygiene (issue 14, part 4): a control, bidirectional or invisible character in a string (`actual` "U+202E", `kind`, `position`). */
  'UNSAFE_CHARACTER',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type Severity = 'error' | 'warning';

/** What a message may mention; which fields are set depends on the code. */
export interface ProblemParams {
  /** The key or field concerned. */
  readonly key?: string;
  /** An expected type or value ("mapping", "list", "string", "1"). */
  readonly expected?: string;
  /** What was found instead. */
  readonly actual?: string;
  /** The nearest known key, for UNKNOWN_KEY. */
  readonly suggestion?: string;
  /** An id concerned (duplicate, malformed). */
  readonly id?: string;
  /** Where the first of two clashing things stands. */
  readonly firstLine?: number;
  /** Free detail from a library (YAML parser message), kept as is. */
  readonly detail?: string;
  /** What kind of thing: "group", "manifestation", "behaviour", "level". */
  readonly what?: string;
  readonly count?: number;
  readonly limit?: number;
  /** UNSAFE_CHARACTER: what kind of character (`text/hygiene.ts` UnsafeKind) and where in the string (1-based). */
  readonly kind?: string;
  readonly position?: number;
}

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** The file (or other source name) as the user gave it. */
  readonly source: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly col: number;
  /** Path inside the document, e.g. `groups[1].manifestations[4].behaviours[2].id`; '' for the root. */
  readonly path: string;
  readonly params: ProblemParams;
}

export function isError(p: Problem): boolean {
  return p.severity === 'error';
}

/** Problems in reading order: by line, then column, errors before warnings. */
export function sortProblems(problems: ReadonlyArray<Problem>): Problem[] {
  return [...problems].sort(
    (a, b) => a.line - b.line || a.col - b.col || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
