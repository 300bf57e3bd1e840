/** The words for a user error in the user's language: used by the top-level catch and by the kiosk, which goes on after one. */
import type { UserError } from '../errors.js';
import type { Messages } from '../i18n/messages.js';
import { displaySafe } from '../text/hygiene.js';

/** The parameters come from the user or a file: the words are made safe to print (`text/hygiene.ts`). */
export function userErrorText(e: UserError, m: Messages): string {
  return displaySafe((m.errors[e.code] as (p: unknown) => string)(e.params), { lineFeed: true });
}
