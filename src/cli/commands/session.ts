/**
 * `tusoi session`, the kiosk: members answer one after another on the
 * secretary's laptop. After each member the screen AND the scrollback are
 * cleared, so the next person sees nothing of the previous one.
 */
import { ExitCode, isInterrupt, UserError } from '../../errors.js';
import { withDatabaseAsync } from '../../store/db.js';
import { countMembers, listMembers, type Member } from '../../store/members.js';
import { roundQuestionnaire } from '../../store/rounds.js';
import { getUnit } from '../../store/unit.js';
import type { Context } from '../context.js';
import { interviewMember } from '../interview.js';
import { userErrorText } from '../error-text.js';
import { pendingMembers } from '../../services/interview.js';
import { collectingRound } from '../../services/round-choice.js';
import { createUi } from '../ui.js';
import { isInteractive } from '../output.js';
import { displaySafe } from '../../text/hygiene.js';

const QUIT = Symbol('quit');

export async function session(ctx: Context): Promise<number> {
  if (!isInteractive(ctx)) throw new UserError('NOT_A_TERMINAL', { command: 'tusoi session' });
  const ui = await createUi(ctx);
  const m = ctx.m;
  return withDatabaseAsync(ctx.db, async (db) => {
    const round = collectingRound(db, ctx.io.now());
    if (countMembers(db) === 0) throw new UserError('NO_MEMBERS', {});
    const q = roundQuestionnaire(db, round);
    const unit = getUnit(db);
    for (;;) {
      ui.clearScreen();
      ui.write(`${displaySafe(m.session.title(unit.name, round.label))}\n\n`);
      const pending = pendingMembers(db, round);
      if (pending.length === 0) {
        ui.write(`${m.session.allDone}\n`);
        return ExitCode.Ok;
      }
      ui.write(`${m.session.remaining(pending.length)}\n`);
      const choice = await ui.pick<Member | typeof QUIT>(
        m.session.pick,
        pending.map((p) => ({ label: `${p.name}  ${p.code}`, value: p, keywords: p.code })),
        [{ label: m.session.quit, value: QUIT }],
      );
      if (choice === QUIT) {
        ui.clearScreen();
        return ExitCode.Ok;
      }
      if (!(await ui.confirm(displaySafe(m.interview.confirmWho(choice.name, choice.code))))) continue;
      try {
        await interviewMember(ctx, db, round, q, choice, ui);
      } catch (error) {
        // Whatever ends a turn, the next person must not see it.
        if (!isInterrupt(error) && !(error instanceof Error && error.name === 'UserError')) ui.clearScreen();
        // Ctrl+C during a member's turn ends that turn (answers are saved), not the session.
        if (!isInterrupt(error) && !(error instanceof Error && error.name === 'UserError')) throw error;
        if (error instanceof UserError) {
          ui.write(`${userErrorText(error, m)}\n`);
          await ui.pressEnter(m.session.pressEnter);
        }
      }
      ui.clearScreen();
      ui.write(`${m.session.handOver}\n\n`);
      await ui.pressEnter(m.session.pressEnter);
    }
  }, { durable: true });
}
