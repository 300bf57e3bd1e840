/**
 * Tự sửa in the terminal: the member's commitments, sealed with their secret
 * (`services/commitments.ts`). Called by `cli/interview.ts` at three points:
 * the follow-up before a named round's first question, the commitments after
 * submitting, and a member coming back to a submitted response.
 *
 * Without the secret nothing of a submitted response is shown: not the
 * answers, not which behaviours were reported, not the commitments.
 */
import {
  commitmentItems,
  createSecret,
  dropCommitment,
  followUpsFor,
  hasSecret,
  keepCommitment,
  pendingFollowUpCount,
  recordFollowUp,
  sealUnsealed,
  unlockSecret,
  unsealedCount,
  type MemberKey,
} from '../services/commitments.js';
import { allBehaviours, localText, type Questionnaire } from '../questionnaire/model.js';
import type { Outcome } from '../store/commitments.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import type { Round } from '../store/rounds.js';
import { readSecretCode } from '../privacy/secret-code.js';
import { parseDeadline } from '../services/deadline.js';
import { wrap } from '../text/wrap.js';
import type { Context } from './context.js';
import type { TerminalUi } from './prompts.js';

const text = (q: Questionnaire, id: string, lang: Context['lang']): string => {
  const b = allBehaviours(q).find((x) => x.id === id);
  return b ? localText(b.text, lang) : id;
};

/**
 * Asks for the member's existing secret until it is right; an empty answer
 * gives up (undefined). A wrong secret is refused, one scrypt per try.
 */
async function askForSecret(ctx: Context, db: Db, member: Member, ui: TerminalUi): Promise<MemberKey | undefined> {
  const s = ctx.m.commitmentSecret;
  for (;;) {
    const typed = (await ui.askSecret(s.ask)).trim();
    if (typed === '') return undefined;
    const r = await unlockSecret(db, member, typed);
    if (r.ok) return r.key;
    ui.write(`${wrap(r.reason === 'accented' ? s.accented : r.reason === 'malformed' ? s.malformed : s.wrong, 80, 0)}\n`);
  }
}

/**
 * A new secret for a member who has none: shown once, typed back to show it
 * was noted down, then wiped from the screen and the scrollback. Nothing is
 * stored yet: the key goes into the file with the first thing sealed under it.
 */
async function giveSecret(ctx: Context, member: Member, ui: TerminalUi): Promise<MemberKey> {
  const s = ctx.m.commitmentSecret;
  const { secret, key } = await createSecret(member);
  ui.write(`\n${wrap(s.newSecret(secret), 80, 0)}\n`);
  for (;;) {
    const typed = readSecretCode(await ui.askSecret(s.retype));
    if (typed.ok && typed.secret === secret) break;
    ui.write(`${wrap(typed.ok || typed.reason === 'malformed' ? s.retypeWrong(secret) : s.accented, 80, 0)}\n`);
  }
  ui.clearScreen();
  ui.write(`${s.noted}\n`);
  return key;
}

/** The on-screen statement of what is protected and what is not, before the member writes anything. */
function privacyNote(ctx: Context, withSecret: boolean): string {
  return `${wrap(ctx.m.commitmentSecret.privacy(withSecret), 80, 0)}\n`;
}

/**
 * Tự sửa, after submitting (named rounds): for each behaviour the member
 * reported, what they will do about it and by when. Optional; each one is
 * saved the moment it is entered, like an answer. The first one gives the
 * member their secret; a member who has one types it first.
 */
export async function commitmentsFor(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi, unlocked?: MemberKey): Promise<void> {
  const c = ctx.m.commitments;
  let key = unlocked;
  const secretExists = hasSecret(db, member);
  if (commitmentItems(db, round, q, member, undefined).length === 0) return;
  if (secretExists && !key) {
    ui.write(`\n${wrap(ctx.m.commitmentSecret.needSecret, 80, 0)}\n`);
    key = await askForSecret(ctx, db, member, ui);
    if (!key) {
      ui.write(`${wrap(ctx.m.commitmentSecret.skipped, 80, 0)}\n`);
      return;
    }
  }
  const items = commitmentItems(db, round, q, member, key);
  ui.write(`\n${wrap(c.intro(items.length), 80, 0)}\n`);
  ui.write(privacyNote(ctx, key !== undefined));
  let saved = 0;
  for (const [i, { behaviour: b, level, current }] of items.entries()) {
    ui.write(`\n${wrap(c.behaviour(b.id, level ? localText(level.label, ctx.lang) : '', localText(b.text, ctx.lang)), 80, 2, 0)}\n`);
    const typed = await ui.askOrEscape(current ? c.askKeep(current.action) : c.ask);
    // Esc: one key skips this behaviour and all the remaining ones (nothing is changed for them).
    if (typed === null) {
      ui.write(`${ctx.m.flow.skippedRest(items.length - i)}\n`);
      break;
    }
    const action = typed.trim();
    if (current && action === '-') {
      dropCommitment(db, member, current);
      ui.write(`${c.removed(b.id)}\n`);
      continue;
    }
    const finalAction = action || current?.action;
    if (!finalAction) continue;
    const typedDue = await ui.askOrEscape(c.due, (v) => (v.trim() === '' || parseDeadline(v) ? undefined : ctx.m.flow.dueInvalid(v.trim())));
    const due = (typedDue === null || typedDue.trim() === '' ? undefined : parseDeadline(typedDue)) ?? current?.due ?? null;
    key ??= await giveSecret(ctx, member, ui);
    keepCommitment(db, round, member, key, { behaviourId: b.id, level: level?.id ?? null }, { action: finalAction, due });
    saved++;
    ui.write(`${c.saved(b.id)}\n`);
    // Esc at the deadline: this commitment is kept (without a new deadline), the rest skipped.
    if (typedDue === null) {
      if (i + 1 < items.length) ui.write(`${ctx.m.flow.skippedRest(items.length - i - 1)}\n`);
      break;
    }
  }
  ui.write(`\n${c.done(saved, member.code)}\n`);
}

/**
 * At the start of a named round's interview: the member's commitments of
 * earlier rounds not yet followed up, opened with their secret, each asked
 * whether it was carried out. Commitments still in clear (made before
 * sealing existed) are sealed first, under the member's secret, or under a
 * new one shown now. Returns the key, for the commitments after submitting.
 */
export async function followUp(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<MemberKey | undefined> {
  if (round.anonymous) return undefined;
  const s = ctx.m.commitmentSecret;
  const unsealed = unsealedCount(db, member);
  const pending = pendingFollowUpCount(db, round, member);
  if (unsealed === 0 && pending === 0) return undefined;
  let key: MemberKey | undefined;
  if (hasSecret(db, member)) {
    ui.write(`\n${wrap(s.followLocked(pending + unsealed), 80, 0)}\n`);
    key = await askForSecret(ctx, db, member, ui);
    if (!key) {
      ui.write(`${wrap(s.followSkipped, 80, 0)}\n`);
      return undefined;
    }
  } else {
    ui.write(`\n${wrap(s.unsealedIntro(unsealed), 80, 0)}\n`);
    key = await giveSecret(ctx, member, ui);
  }
  const sealed = sealUnsealed(db, member, key);
  if (sealed > 0) ui.write(`${wrap(s.unsealedDone(sealed), 80, 0)}\n`);
  const list = followUpsFor(db, round, member, key, q);
  if (list.length === 0) return key;
  const c = ctx.m.commitments;
  ui.write(`\n${wrap(c.followIntro(list[0]!.roundLabel, list.length), 80, 0)}\n`);
  for (const p of list) {
    ui.write(`\n${c.followItem(p.roundLabel, p.behaviourId, text(q, p.behaviourId, ctx.lang), p.action, p.due)}\n`);
    const outcome = await ui.choose<Outcome>(c.followAsk, [
      { label: c.outcomes.done, value: 'done' },
      { label: c.outcomes.partly, value: 'partly' },
      { label: c.outcomes.not_done, value: 'not_done' },
    ]);
    recordFollowUp(db, member, p, outcome, ctx.io.now());
    ui.write(`${c.followSaved}\n`);
  }
  return key;
}

/**
 * A member back at a submitted response: with their secret, their commitments
 * (and the behaviours they reported, to add one); without it, nothing.
 */
export async function backToCommitments(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<void> {
  const s = ctx.m.commitmentSecret;
  if (!hasSecret(db, member)) {
    ui.write(`${wrap(s.noSecret(member.name, round.label, member.code), 80, 0)}\n`);
    return;
  }
  ui.write(`${wrap(ctx.m.commitments.reviewTitle(round.label), 80, 0)}\n`);
  const key = await askForSecret(ctx, db, member, ui);
  if (!key) {
    ui.write(`${wrap(s.skipped, 80, 0)}\n`);
    return;
  }
  sealUnsealed(db, member, key);
  await commitmentsFor(ctx, db, round, q, member, ui, key);
}
