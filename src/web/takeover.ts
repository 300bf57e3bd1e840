/**
 * The page a device gets when the member's form is held by another front end
 * (issue 18, part 5): where it is open (the laptop, or another device) and
 * since when, or that it was taken over from this device; a take-over button
 * (POST /takeover, with the session's CSRF token). No answer is shown.
 */
import { clockTime, type Elsewhere } from '../services/response-holder.js';
import { escapeHtml as e } from '../report/escape.js';
import { page, withLang, type PageFrame } from './pages.js';

export const TAKEOVER_PATH = '/takeover';

export function takeoverPage(f: PageFrame, at: Elsewhere, csrf: string): string {
  const h = f.m.holder;
  const laptop = at.where === 'kiosk';
  const title = at.takenFromMe ? h.takenTitle : h.openTitle;
  const text = at.takenFromMe ? (laptop ? h.takenAtLaptop : h.takenOnOtherDevice)(clockTime(at.since)) : (laptop ? h.openAtLaptop : h.openOnOtherDevice)(clockTime(at.seenAt));
  return page(
    f,
    title,
    `<h1>${e(title)}</h1>
<p role="alert">${e(text)}</p>
<p>${e(h.takeOverHint)}</p>
<form method="post" action="${e(withLang(TAKEOVER_PATH, f.lang))}">
<input type="hidden" name="csrf" value="${e(csrf)}">
<button type="submit">${e(h.takeOverButton)}</button>
</form>`,
  );
}
