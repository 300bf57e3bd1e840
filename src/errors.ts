/**
 * Errors and exit codes. Core modules throw these with a code and parameters;
 * only `cli/main.ts` turns them into words (through the i18n catalogue, so the
 * core never needs to know the user's language) and into exit codes.
 * Tests check `error.name` and `code`, not `instanceof` or prose.
 */

export const ExitCode = { Ok: 0, Failure: 1, Usage: 2, Interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Every user-facing failure, with what its message may mention. */
export interface ErrorParams {
  FILE_NOT_FOUND: { file: string };
  FILE_UNREADABLE: { file: string; reason: string };
  FILE_WRITE_FAILED: { file: string; reason: string };
  QUESTIONNAIRE_NOT_FOUND: { ref: string; bundled: string };
  QUESTIONNAIRE_INVALID: { file: string; errors: number };
  BAD_OPTION_VALUE: { option: string; value: string; allowed: string };
  NOT_A_TERMINAL: { command: string };
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
    this.exitCode = options.exitCode ?? ExitCode.Failure;
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
