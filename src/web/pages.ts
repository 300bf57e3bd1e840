/**
 * The member's pages of the network form, as strings of HTML: plain forms
 * that work with JavaScript off, one manifestation a page, mobile first,
 * labels on every control. Every string from the database or the
 * questionnaire goes through `escapeHtml`. No external resource: the one
 * stylesheet is served by tusoi itself.
 */
import type { Messages } from '../i18n/messages.js';
import { localText, type Behaviour, type Group, type Lang, type Level, type Manifestation, type Questionnaire } from '../questionnaire/model.js';
import { escapeHtml as e } from '../report/escape.js';

export interface PageFrame {
  readonly m: Messages;
  readonly lang: Lang;
  /** The round's label and the member's name, when signed in. */
  readonly round?: string;
  readonly member?: string;
  /** The path of this page, for the language switch. */
  readonly path: string;
  /** An anonymous round: the code page asks for the slip's code (issue 18, part 2). */
  readonly anonymous?: boolean;
}

/** A link or form target keeping the page's language. */
export const withLang = (path: string, lang: Lang): string => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path);

export function page(f: PageFrame, title: string, body: string): string {
  const w = f.m.web;
  const other: Lang = f.lang === 'en' ? 'vi' : 'en';
  const switchHref = other === 'en' ? withLang(f.path, 'en') : f.path;
  return `<!doctype html>
<html lang="${f.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${e(title)} · ${e(w.appName)}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header class="top"><span class="app">${e(w.appName)}</span>${f.round ? ` <span class="round">${e(f.round)}</span>` : ''}${f.member ? ` <span class="who">${e(f.member)}</span>` : ''}
<a class="lang" href="${e(switchHref)}" lang="${other}">${e(w.otherLanguage)}</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function messagePage(f: PageFrame, title: string, text: string, link?: { href: string; label: string }): string {
  return page(f, title, `<h1>${e(title)}</h1>\n<p>${e(text)}</p>${link ? `\n<p><a class="button" href="${e(link.href)}">${e(link.label)}</a></p>` : ''}`);
}

export function codePage(f: PageFrame, csrf: string, problem?: string, prefill?: string): string {
  const w = f.anonymous ? { ...f.m.web, ...f.m.anonWeb } : f.m.web;
  return page(
    f,
    w.signInTitle,
    `<h1>${e(w.signInTitle)}</h1>
${problem ? `<p class="problem" role="alert">${e(problem)}</p>\n` : ''}<form method="post" action="${e(withLang('/code', f.lang))}">
<input type="hidden" name="csrf" value="${e(csrf)}">
<label for="code">${e(w.codeLabel)}</label>
<input id="code" name="code"${prefill ? ` value="${e(prefill)}"` : ''} type="text" inputmode="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="32" required aria-describedby="code-hint">
<p id="code-hint" class="hint">${e(w.codeHint)}</p>
<button type="submit">${e(w.codeSubmit)}</button>
</form>`,
  );
}

export interface ManifestationPage {
  readonly q: Questionnaire;
  readonly group: Group;
  readonly manifestation: Manifestation;
  /** 1-based number of the manifestation, and their count. */
  readonly index: number;
  readonly total: number;
  readonly answers: ReadonlyMap<string, string>;
  readonly answered: number;
  readonly behaviours: number;
  readonly csrf: string;
  readonly problem?: string;
}

function levelChoice(b: Behaviour, level: Level, chosen: string | undefined, lang: Lang): string {
  const id = `b-${b.id}-${level.id}`;
  return `<label class="choice" for="${e(id)}"><input type="radio" id="${e(id)}" name="${e(`b:${b.id}`)}" value="${e(level.id)}"${chosen === level.id ? ' checked' : ''}> <span>${e(localText(level.label, lang))}</span></label>`;
}

export function manifestationPage(f: PageFrame, p: ManifestationPage): string {
  const w = f.m.web;
  const lang = f.lang;
  const title = localText(p.manifestation.text, lang);
  const mark = p.manifestation.status === 'verbatim' ? '' : `<p class="mark">⚠ ${e(f.m.questionnaire.statusMark[p.manifestation.status])}</p>\n`;
  const fields = p.manifestation.behaviours
    .map(
      (b, i) => `<fieldset>
<legend><span class="num">${p.index}.${i + 1}</span> ${e(localText(b.text, lang))}</legend>
${p.q.levels.map((l) => levelChoice(b, l, p.answers.get(b.id), lang)).join('\n')}
</fieldset>`,
    )
    .join('\n');
  return page(
    f,
    title,
    `<p class="progress">${e(w.progress(p.answered, p.behaviours))} · ${e(w.manifestationOf(p.index, p.total))}</p>
<progress max="${p.behaviours}" value="${p.answered}" aria-label="${e(w.progress(p.answered, p.behaviours))}"></progress>
<p class="group">${e(localText(p.group.text, lang))}</p>
<h1>${p.index}. ${e(title)}</h1>
${mark}${p.problem ? `<p class="problem" role="alert">${e(p.problem)}</p>\n` : ''}<form method="post" action="${e(withLang(`/m/${p.index}`, lang))}">
<input type="hidden" name="csrf" value="${e(p.csrf)}">
${fields}
<div class="actions">
<button type="submit" name="go" value="next">${e(p.index === p.total ? w.saveAndReview : w.saveAndNext)}</button>
${p.index > 1 ? `<button type="submit" name="go" value="back" class="secondary">${e(w.saveAndBack)}</button>` : ''}
<button type="submit" name="go" value="review" class="secondary">${e(w.saveAndReviewNow)}</button>
</div>
</form>`,
  );
}

export interface ReviewPage {
  readonly q: Questionnaire;
  readonly flagged: ReadonlyArray<{ readonly behaviour: Behaviour; readonly manifestation: Manifestation; readonly index: number; readonly number: string; readonly level: string }>;
  /** Unanswered behaviours, with their manifestation's number. */
  readonly missing: ReadonlyArray<{ readonly behaviour: Behaviour; readonly index: number; readonly number: string }>;
  readonly answered: number;
  readonly behaviours: number;
  readonly csrf: string;
  readonly problem?: string;
}

export function reviewPage(f: PageFrame, p: ReviewPage): string {
  const w = f.m.web;
  const lang = f.lang;
  const levelName = (id: string) => localText(p.q.levels.find((l) => l.id === id)?.label ?? { vi: id }, lang);
  const flagged = p.flagged.length
    ? `<p>${e(w.flaggedIntro(p.flagged.length))}</p>\n<ul class="flagged">\n${p.flagged
        .map((x) => `<li><a href="${e(withLang(`/m/${x.index}`, lang))}">${x.number} ${e(localText(x.behaviour.text, lang))}</a> <strong>${e(levelName(x.level))}</strong></li>`)
        .join('\n')}\n</ul>`
    : `<p>${e(w.flaggedNone)}</p>`;
  const missing = p.missing.length
    ? `<p class="problem">${e(w.missing(p.missing.length))}</p>\n<ul class="missing">\n${p.missing
        .slice(0, 20)
        .map((x) => `<li><a href="${e(withLang(`/m/${x.index}`, lang))}">${x.number} ${e(localText(x.behaviour.text, lang))}</a></li>`)
        .join('\n')}\n</ul>`
    : '';
  const submit = p.missing.length
    ? ''
    : `<form method="post" action="${e(withLang('/submit', lang))}">
<input type="hidden" name="csrf" value="${e(p.csrf)}">
<label class="choice confirm" for="confirm"><input type="checkbox" id="confirm" name="confirm" value="yes" required> <span>${e(w.confirmLabel)}</span></label>
<button type="submit">${e(w.submit)}</button>
</form>`;
  return page(
    f,
    w.reviewTitle,
    `<p class="progress">${e(w.progress(p.answered, p.behaviours))}</p>
<h1>${e(w.reviewTitle)}</h1>
${p.problem ? `<p class="problem" role="alert">${e(p.problem)}</p>\n` : ''}${flagged}
${missing}
${submit}
<p><a href="${e(withLang('/m/1', lang))}">${e(w.backToStart)}</a></p>`,
  );
}

/** The one stylesheet: large targets, high contrast, no web fonts. */
export const STYLE = `*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:18px;line-height:1.45;color:#111;background:#fff}
body{margin:0}
main{max-width:40rem;margin:0 auto;padding:0.75rem 1rem 3rem}
.top{display:flex;flex-wrap:wrap;gap:0.25rem 0.75rem;align-items:center;background:#7a0000;color:#fff;padding:0.5rem 1rem;font-size:0.9rem}
.top .app{font-weight:700}.top .lang{margin-left:auto;color:#fff}
h1{font-size:1.3rem;margin:0.5rem 0 0.75rem}
.group{color:#444;font-size:0.9rem;margin:0.25rem 0}
.progress{margin:0.25rem 0;font-size:0.95rem}
progress{width:100%;height:0.6rem}
.mark{background:#fff4d6;border-left:4px solid #a06a00;padding:0.5rem;font-size:0.95rem}
.problem{background:#fde8e8;border-left:4px solid #b00020;padding:0.5rem}
fieldset{border:1px solid #888;border-radius:6px;margin:0 0 1rem;padding:0.5rem 0.75rem 0.75rem}
legend{font-weight:600;padding:0 0.25rem}
.num{color:#555}
.choice{display:flex;align-items:center;gap:0.75rem;min-height:48px;padding:0.5rem 0.75rem;margin:0.35rem 0;border:1px solid #bbb;border-radius:6px;cursor:pointer}
.choice input{width:1.4rem;height:1.4rem;flex:none;margin:0}
.choice:has(input:checked){border-color:#7a0000;background:#fbeaea;font-weight:600}
label[for=code]{display:block;font-weight:600;margin-bottom:0.25rem}
input[type=text]{width:100%;font-size:1.3rem;padding:0.6rem;letter-spacing:0.1em;border:2px solid #555;border-radius:6px}
.hint{color:#444;font-size:0.9rem}
.actions{display:flex;flex-direction:column;gap:0.6rem;margin-top:1rem}
button,.button{font:inherit;display:block;width:100%;min-height:52px;font-size:1.05rem;padding:0.6rem 1rem;border-radius:6px;border:2px solid #7a0000;background:#7a0000;color:#fff;text-align:center;text-decoration:none;font-weight:600;margin-top:0.6rem}
button.secondary{background:#fff;color:#7a0000}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
a{color:#0b4f9c}
ul.flagged li,ul.missing li{margin:0.4rem 0}
/* web commitments (issue 18): the secret, the commitment's text box, the list */
label[for=secret],label[for=action],label[for=due]{display:block;font-weight:600;margin:0.75rem 0 0.25rem}
input[type=password],textarea,input#due{width:100%;font:inherit;font-size:1.1rem;padding:0.6rem;border:2px solid #555;border-radius:6px}
input[type=password]{letter-spacing:0.1em}
.secret{font-family:ui-monospace,Consolas,monospace;font-size:1.6rem;font-weight:700;letter-spacing:0.08em;text-align:center;padding:0.75rem;border:2px dashed #7a0000;border-radius:6px;word-break:break-all}
.ok{background:#e6f4ea;border-left:4px solid #1e7e34;padding:0.5rem}
ul.commitments{list-style:none;padding:0}
ul.commitments>li{border:1px solid #888;border-radius:6px;padding:0.25rem 0.75rem 0.5rem;margin:0 0 1rem}
.commitment{background:#f4f4f4;padding:0.5rem;border-radius:4px;white-space:pre-wrap}
a.button.secondary{background:#fff;color:#7a0000}
`;
