/**
 * `--member NAME|CODE`: a code or a name (diacritics optional). An ambiguous
 * name asks which one on a terminal, and otherwise fails listing the codes.
 */
import { UserError } from '../errors.js';
import type { Db } from '../store/db.js';
import { searchMembers, type Member } from '../store/members.js';
import { fold } from '../text/vietnamese.js';
import type { TerminalUi } from './prompts.js';

export async function resolveMember(db: Db, query: string, ui: TerminalUi | undefined, message: string, options: { includeInactive?: boolean } = {}): Promise<Member> {
  let found = searchMembers(db, query.normalize('NFC'), options);
  // Without a terminal nobody can confirm a guess: only an exact code or name
  // (diacritics and case aside) is taken, never a partial match.
  if (!ui) found = found.filter((f) => f.code.toLowerCase() === query.trim().toLowerCase() || fold(f.name) === fold(query));
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new UserError('MEMBER_NOT_FOUND', { query });
  if (!ui) throw new UserError('MEMBER_AMBIGUOUS', { query, candidates: found.map((f) => `${f.code} (${f.name})`).join(', ') });
  return ui.pick(message, found.map((f) => ({ label: `${f.name}  ${f.code}`, value: f, keywords: f.code })));
}
