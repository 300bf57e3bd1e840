/**
 * Names, labels and codes typed on the command line (or in a form), checked
 * at the boundary by the hygiene rules (`text/hygiene.ts`): refused with a
 * located error rather than cleaned, since the person typing can fix them.
 */
import { UserError } from '../errors.js';
import { checkText, codePointLabel } from '../text/hygiene.js';
import { nameKey } from '../text/vietnamese.js';

/**
 * A name or label as typed, checked and returned as stored: NFC, trimmed,
 * runs of white space folded. `what` names it in the message (`--unit-name`).
 * Refused: a control, bidirectional or invisible character anywhere inside
 * (white space controls such as a tab too, except at the ends), or more than
 * `limit` characters.
 */
export function cleanTypedText(value: string, what: string, limit: number): string {
  const trimmed = value.normalize('NFC').trim();
  const problem = checkText(trimmed, limit);
  if (problem?.kind === 'unsafe') {
    const { char } = problem;
    throw new UserError('TEXT_UNSAFE', { what, char: codePointLabel(char.codePoint), position: char.position, kind: char.kind });
  }
  if (problem?.kind === 'too-long') throw new UserError('TEXT_TOO_LONG', { what, length: problem.length, limit });
  return nameKey(trimmed);
}
