import { displaySafe } from '../text/hygiene.js';

/**
 * Every string from a user or a file goes through this before it enters HTML:
 * markup escaped, and controls, bidirectional and invisible characters shown
 * as visible escapes (`text/hygiene.ts`), as on the terminal.
 */
export function escapeHtml(s: string): string {
  return displaySafe(s, { lineFeed: true }).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
