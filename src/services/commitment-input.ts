/**
 * What a member writes for a commitment, checked at the boundary the same
 * way in every front end: the text NFC, trimmed, line breaks and runs of
 * white space folded to one space (a phone's text box may send line breaks;
 * the terminal's is one line), free of control, bidirectional and invisible
 * characters (`text/hygiene.ts`), at most COMMITMENT_TEXT_LIMIT characters;
 * the deadline a real date (`deadline.ts`) or nothing.
 */
import { checkText, codePointLabel } from '../text/hygiene.js';
import { parseDeadline } from './deadline.js';

/** Characters (code points) in a commitment's text: a few sentences, far more than a promise needs. */
export const COMMITMENT_TEXT_LIMIT = 500;

export type ActionCheck =
  | { readonly ok: true; readonly action: string }
  | { readonly ok: false; readonly problem: 'empty' }
  | { readonly ok: false; readonly problem: 'unsafe'; readonly char: string; readonly position: number }
  | { readonly ok: false; readonly problem: 'too-long'; readonly length: number; readonly limit: number };

/** The commitment text as stored, or why it is refused. */
export function checkAction(typed: string): ActionCheck {
  // NOTE: only CR, LF and ordinary spaces are folded; any other control is refused, not cleaned.
  const action = typed.normalize('NFC').replace(/[ \r\n]+/g, ' ').trim();
  if (action === '') return { ok: false, problem: 'empty' };
  const p = checkText(action, COMMITMENT_TEXT_LIMIT);
  if (p?.kind === 'unsafe') return { ok: false, problem: 'unsafe', char: codePointLabel(p.char.codePoint), position: p.char.position };
  if (p?.kind === 'too-long') return { ok: false, problem: 'too-long', length: p.length, limit: p.limit };
  return { ok: true, action };
}

/** The deadline as stored (`30/6/2027`, `6/2027`), null for none, undefined when it is no real date. */
export function checkDue(typed: string): string | null | undefined {
  const t = typed.trim();
  return t === '' ? null : parseDeadline(t);
}
