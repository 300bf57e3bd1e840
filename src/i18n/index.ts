/**
 * The catalogues, for code other than the start-up path (which picks its
 * catalogue in `cli/main.ts`: `--lang`, then `TUSOI_LANG`, then Vietnamese;
 * `LANG` and the system locale are deliberately ignored, since many
 * Vietnamese PCs keep the English (US) locale).
 */
import type { Lang } from '../questionnaire/model.js';
import type { Messages } from './messages.js';
import { vi } from './vi.js';

export type { Messages } from './messages.js';

export const LANGS: ReadonlyArray<Lang> = ['vi', 'en'];

export function isLang(s: string | undefined): s is Lang {
  return s === 'vi' || s === 'en';
}

/** Vietnamese, the default, is loaded with the program; English only when asked for. */
export async function loadMessages(lang: Lang): Promise<Messages> {
  return lang === 'en' ? (await import('./en.js')).en : vi;
}
