/**
 * Choosing the language: `--lang`, then `TUSOI_LANG`, then Vietnamese.
 * NOTE: `LANG` and the system locale are deliberately ignored: many
 * Vietnamese PCs keep the English (US) locale.
 */
import type { Lang } from '../questionnaire/model.js';
import type { Messages } from './messages.js';

export type { Messages } from './messages.js';

export const LANGS: ReadonlyArray<Lang> = ['vi', 'en'];

export function isLang(s: string | undefined): s is Lang {
  return s === 'vi' || s === 'en';
}

/** Only the chosen catalogue is loaded. */
export async function loadMessages(lang: Lang): Promise<Messages> {
  return lang === 'en' ? (await import('./en.js')).en : (await import('./vi.js')).vi;
}
