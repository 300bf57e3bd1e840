/**
 * The commitment pages of the network form (tự sửa, over --https only), as
 * strings of HTML in the frame of `pages.ts`: the list of the member's
 * reported behaviours with their commitments, the secret (asked, or made and
 * shown once), and the page that writes one commitment. Plain forms; every
 * string from the database, the questionnaire or the member is escaped.
 */
import type { Commitment, CommitmentItem } from '../services/commitments.js';
import { localText } from '../questionnaire/model.js';
import { escapeHtml as e } from '../report/escape.js';
import { page, withLang, type PageFrame } from './pages.js';

const problemLine = (problem: string | undefined) => (problem ? `<p class="problem" role="alert">${e(problem)}</p>\n` : '');
const okLine = (ok: string | undefined) => (ok ? `<p class="ok" role="status">${e(ok)}</p>\n` : '');
const hidden = (csrf: string) => `<input type="hidden" name="csrf" value="${e(csrf)}">`;

/** The lock button: forgets the key on this device. */
function lockForm(f: PageFrame, csrf: string): string {
  return `<form method="post" action="${e(withLang('/c/lock', f.lang))}">
${hidden(csrf)}
<button type="submit" class="secondary">${e(f.m.webCommitments.lock)}</button>
</form>`;
}

export interface ListPage {
  readonly items: ReadonlyArray<CommitmentItem & { readonly number: number }>;
  /** Whether the key is open (otherwise: a just-submitted device offered its first secret). */
  readonly unlocked: boolean;
  readonly csrf: string;
  readonly submittedNow: boolean;
  readonly ok?: string;
}

/** The member's reported behaviours of the round, each with its commitment, if any. */
export function commitmentListPage(f: PageFrame, p: ListPage): string {
  const c = f.m.webCommitments;
  const lang = f.lang;
  const head = `${p.submittedNow ? `<p class="ok">${e(c.submitted)}</p>\n` : ''}<h1>${e(c.title)}</h1>\n${okLine(p.ok)}`;
  if (p.items.length === 0) return page(f, c.title, `${head}<p>${e(c.nothingReported)}</p>${p.unlocked ? `\n${lockForm(f, p.csrf)}` : ''}`);
  const entry = (x: ListPage['items'][number]) => {
    const level = x.level ? ` <strong>[${e(localText(x.level.label, lang))}]</strong>` : '';
    const current = x.current
      ? `<p class="commitment">${e(x.current.action)}${x.current.due ? `<br><span class="hint">${e(c.due(x.current.due))}</span>` : ''}</p>`
      : `<p class="hint">${e(c.none)}</p>`;
    const link = p.unlocked ? `\n<p><a class="button secondary" href="${e(withLang(`/c/e/${x.number}`, lang))}">${e(x.current ? c.edit : c.write)}</a></p>` : '';
    return `<li><p><span class="num">${e(x.behaviour.id)}</span> ${e(localText(x.behaviour.text, lang))}${level}</p>\n${p.unlocked ? current : ''}${link}</li>`;
  };
  const offer = p.unlocked
    ? lockForm(f, p.csrf)
    : `<p>${e(c.makeSecretIntro)}</p>
<form method="post" action="${e(withLang('/c/secret', lang))}">
${hidden(p.csrf)}
<button type="submit">${e(c.makeSecret)}</button>
</form>`;
  return page(
    f,
    c.title,
    `${head}<p>${e(c.intro(p.items.length))}</p>
<p class="mark">${e(c.privacy(p.unlocked))}</p>
<ul class="commitments">
${p.items.map(entry).join('\n')}
</ul>
${offer}`,
  );
}

/** The secret field, for unlocking or typing a new secret back. */
function secretForm(f: PageFrame, action: string, csrf: string, label: string, submit: string): string {
  const c = f.m.webCommitments;
  return `<form method="post" action="${e(withLang(action, f.lang))}">
${hidden(csrf)}
<label for="secret">${e(label)}</label>
<input id="secret" name="secret" type="password" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" required aria-describedby="secret-hint">
<p id="secret-hint" class="hint">${e(c.secretHint)}</p>
<button type="submit">${e(submit)}</button>
</form>`;
}

/** The member has a secret: it is asked before anything of theirs is shown. */
export function unlockPage(f: PageFrame, csrf: string, o: { problem?: string; submittedNow?: boolean } = {}): string {
  const c = f.m.webCommitments;
  return page(
    f,
    c.lockedTitle,
    `${o.submittedNow ? `<p class="ok">${e(c.submitted)}</p>\n` : ''}<h1>${e(c.lockedTitle)}</h1>
${problemLine(o.problem)}<p>${e(c.needSecret)}</p>
${secretForm(f, '/c/unlock', csrf, c.secretLabel, c.unlock)}`,
  );
}

/** A new secret, shown this once, with the field to type it back. */
export function newSecretPage(f: PageFrame, csrf: string, secret: string, problem?: string): string {
  const c = f.m.webCommitments;
  return page(
    f,
    c.newSecretTitle,
    `<h1>${e(c.newSecretTitle)}</h1>
${problemLine(problem)}<p class="secret" aria-label="${e(c.newSecretTitle)}">${e(secret)}</p>
<p>${e(c.newSecret)}</p>
${secretForm(f, '/c/confirm', csrf, c.retypeLabel, c.retypeSubmit)}`,
  );
}

export interface EditPage {
  readonly item: CommitmentItem;
  readonly number: number;
  readonly csrf: string;
  readonly limit: number;
  /** What was typed, when a save is refused. */
  readonly action?: string;
  readonly due?: string;
  readonly problem?: string;
}

/** One behaviour's commitment: what the member will do, and by when. */
export function editPage(f: PageFrame, p: EditPage): string {
  const c = f.m.webCommitments;
  const lang = f.lang;
  const current: Commitment | undefined = p.item.current;
  const action = p.action ?? current?.action ?? '';
  const due = p.due ?? current?.due ?? '';
  const level = p.item.level ? ` <strong>[${e(localText(p.item.level.label, lang))}]</strong>` : '';
  return page(
    f,
    c.title,
    `<h1>${e(c.title)}</h1>
<p><span class="num">${e(p.item.behaviour.id)}</span> ${e(localText(p.item.behaviour.text, lang))}${level}</p>
${problemLine(p.problem)}<form method="post" action="${e(withLang(`/c/e/${p.number}`, lang))}">
${hidden(p.csrf)}
<label for="action">${e(c.actionLabel)}</label>
<textarea id="action" name="action" rows="5" maxlength="${p.limit}" aria-describedby="action-hint">${e(action)}</textarea>
<p id="action-hint" class="hint">${e(c.actionHint(p.limit))}</p>
<label for="due">${e(c.dueLabel)}</label>
<input id="due" name="due" type="text" inputmode="numeric" autocomplete="off" maxlength="12" value="${e(due)}" aria-describedby="due-hint">
<p id="due-hint" class="hint">${e(c.dueHint)}</p>
<div class="actions">
<button type="submit" name="op" value="save">${e(c.save)}</button>
${current ? `<button type="submit" name="op" value="remove" class="secondary">${e(c.remove)}</button>` : ''}
</div>
</form>
<p><a href="${e(withLang('/c', lang))}">${e(c.back)}</a></p>`,
  );
}
