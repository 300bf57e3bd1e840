/**
 * `tusoi session`, the kiosk: members answer one after another on the
 * secretary's laptop. After each member the screen AND the scrollback are
 * cleared, so the next person sees nothing of the previous one.
 *
 * No key a member presses ends the session: a name that matches nobody keeps
 * the picker, Ctrl+C during a turn ends only that turn (saying what is saved),
 * and ending is the secretary's Ctrl+C at the picker, confirmed, with the
 * round's tally. A round closed in another window ends the session with a message.
 */
import { ExitCode, isInterrupt, UserError } from '../../errors.js';
import { withDatabaseAsync } from '../../store/db.js';
import { countMembers } from '../../store/members.js';
import { participationOf } from '../../store/responses.js';
import { roundQuestionnaire } from '../../store/rounds.js';
import { getUnit } from '../../store/unit.js';
import type { Context } from '../context.js';
import { interviewMember } from '../interview.js';
import { userErrorText } from '../error-text.js';
import { pendingMembers, tickedMembers } from '../../services/interview.js';
import { roundStillOpen, sessionTally } from '../../services/kiosk.js';
import { collectingRound } from '../../services/round-choice.js';
import { createUi } from '../ui.js';
import { isInteractive } from '../output.js';
import type { TerminalUi } from '../prompts.js';
import { displaySafe } from '../../text/hygiene.js';

/** Runs a prompt; Ctrl+C gives `interrupted` instead of leaving the session. */
async function orInterrupted<T, U>(ask: Promise<T>, interrupted: U): Promise<T | U> {
  try {
    return await ask;
  } catch (error) {
    if (isInterrupt(error)) return interrupted;
    throw error;
  }
}

/** Waits for Enter; Ctrl+C there is Enter too (the session goes on). */
async function pause(ui: TerminalUi, message: string): Promise<void> {
  await orInterrupted(ui.pressEnter(message), undefined);
}

export async function session(ctx: Context): Promise<number> {
  if (!isInteractive(ctx)) throw new UserError('NOT_A_TERMINAL', { command: 'tusoi session' });
  const ui = await createUi(ctx);
  const m = ctx.m;
  return withDatabaseAsync(ctx.db, async (db) => {
    const round = collectingRound(db, ctx.io.now());
    if (countMembers(db) === 0) throw new UserError('NO_MEMBERS', {});
    const q = roundQuestionnaire(db, round);
    const unit = getUnit(db);
    /** The last screen: the screen cleared (no member's answers left on it), a reason, the tally. */
    const end = (code: number, reason?: string): number => {
      const t = sessionTally(db, round);
      ui.clearScreen();
      ui.write(`${reason ? `${reason}\n` : ''}${m.flow.ended(t.submitted, t.members)}\n`);
      return code;
    };
    const closedElsewhere = () => end(ExitCode.Failure, m.flow.roundClosed(round.label));
    for (;;) {
      if (!roundStillOpen(db, round)) return closedElsewhere();
      ui.clearScreen();
      ui.write(`${displaySafe(m.session.title(unit.name, round.label))}\n\n`);
      const pending = pendingMembers(db, round);
      if (pending.length === 0) return end(ExitCode.Ok, m.session.allDone);
      ui.write(`${m.session.remaining(pending.length)}\n`);
      const choice = await orInterrupted(
        ui.pick(
          m.session.pick,
          [
            ...pending.map((p) => ({ label: `${p.name}  ${p.code}`, value: p, keywords: p.code })),
            // Ticked off for a slip (issue 18): listed, so that picking one says why they answer on their phone instead.
            ...tickedMembers(db, round).map((p) => ({ label: `${p.name}  ${p.code}  ${m.anonWeb.kioskTicked}`, value: p, keywords: p.code })),
          ],
          { hint: m.flow.pickHint },
        ),
        null,
      );
      if (choice === null) {
        // The secretary's Ctrl+C at the picker; a second Ctrl+C at the question ends too.
        const quit = await orInterrupted(ui.confirm(m.flow.confirmEnd, false), 'interrupted' as const);
        if (quit === 'interrupted') return end(ExitCode.Interrupted);
        if (quit) return end(ExitCode.Ok);
        continue;
      }
      if (!roundStillOpen(db, round)) return closedElsewhere();
      if ((await orInterrupted(ui.confirm(displaySafe(m.interview.confirmWho(choice.name, choice.code))), false)) !== true) continue;
      try {
        // Declined: the form stays on the member's device; back to the picker.
        if ((await interviewMember(ctx, db, round, q, choice, ui, { kiosk: true })) === 'declined') continue;
      } catch (error) {
        if (isInterrupt(error)) {
          // Ctrl+C before submitting: what is saved (and that nothing was submitted) is on screen
          // until Enter, then cleared for the next person. After submitting (in the commitments), the turn is over.
          if (participationOf(db, round.id, choice.id) !== 'submitted') {
            await pause(ui, m.session.pressEnter);
            continue;
          }
        } else if (error instanceof Error && error.name === 'UserError') {
          if (!roundStillOpen(db, round)) return closedElsewhere();
          ui.write(`${userErrorText(error as UserError, m)}\n`);
          await pause(ui, m.session.pressEnter);
          // Taken over on a device (issue 18): the member goes on there; the kiosk is back at the picker.
          if ((error as UserError).code === 'RESPONSE_TAKEN_OVER') continue;
        } else {
          // Whatever ends a turn, the next person must not see it.
          ui.clearScreen();
          throw error;
        }
        // anon-store: an anonymous member's resume code stays on screen until they press Enter.
        if (isInterrupt(error) && round.anonymous) await ui.pressEnter(m.session.pressEnter);
      }
      ui.clearScreen();
      ui.write(`${m.session.handOver}\n\n`);
      await pause(ui, m.session.pressEnter);
    }
  }, { durable: true });
}
