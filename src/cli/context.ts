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
}
