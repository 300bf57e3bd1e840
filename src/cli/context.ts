import type { Lang } from '../questionnaire/model.js';
import type { Messages } from '../i18n/messages.js';
import type { Io } from './io.js';

/** What every command receives: the outside world, the words, and the global options. */
export interface Context {
  readonly io: Io;
  readonly m: Messages;
  readonly lang: Lang;
  readonly json: boolean;
  /** The database file: --db, else TUSOI_DB, else ./tusoi.sqlite. */
  readonly db: string;
  /**
   * Runs another tusoi command in-process, as typed (`main` itself, passed in
   * rather than imported so that no command depends on the entry point): the
   * demo and the home menu are made of real commands.
   */
  readonly run: Runner;
}

export type Runner = (argv: ReadonlyArray<string>, io: Io) => Promise<number>;
