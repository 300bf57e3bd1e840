/**
 * `tusoi serve` in an anonymous round (issue 18, part 2): the slip sheet, the
 * secretary's live line (slips handed out and ballots submitted, never who,
 * and no time: a time printed at each submission would date each ballot),
 * and the ticking-off desk.
 *
 * NOTE: the desk is a line-based prompt (node:readline), not the kiosk's
 * Inquirer search: the live line arrives at any moment, and a full-screen
 * prompt redrawn under it would garble both. Readline prints the live line
 * above the prompt and keeps what the secretary is typing; it also works
 * with a piped stdin, so a test can drive it.
 */
import { createInterface, type Interface } from 'node:readline';
import { UserError } from '../errors.js';
import type { Round } from '../store/rounds.js';
import type { Db } from '../store/db.js';
import { listMembers, type Member } from '../store/members.js';
import { issueSlips, slipCounts, tickMember, untickMember, unusedSlips } from '../services/web-slips.js';
import { printedCode } from '../services/web-access.js';
import { fold } from '../text/vietnamese.js';
import { displaySafe } from '../text/hygiene.js';
import { anonymousSlipSheet } from '../web/anonymous-slips.js';
import type { Fingerprint } from '../web/certificate.js';
import type { Context } from './context.js';
import { writeOutputFile } from './output-file.js';

/** Writes the anonymous slip sheet: `--slips N`, default the active members. */
export async function writeAnonymousSlips(ctx: Context, db: Db, round: Round, address: string, file: string, o: { readonly slips?: string; readonly force?: boolean }, fingerprint?: Fingerprint): Promise<void> {
  let n = listMembers(db).length;
  if (o.slips !== undefined) {
    n = /^[0-9]{1,4}$/.test(o.slips) ? Number(o.slips) : NaN;
    if (!(n >= 1 && n <= 2000)) throw new UserError('BAD_OPTION_VALUE', { option: '--slips', value: o.slips, allowed: '1–2000' });
  }
  const codes = await issueSlips(db, round, n);
  await writeOutputFile(ctx, file, anonymousSlipSheet(ctx.m, ctx.lang, round.label, address, codes.map(printedCode), fingerprint), { force: o.force === true });
  ctx.io.stdout.write(`${ctx.m.anonWeb.slipsWritten(file, n)}\n`);
}

export const anonymousLiveLine = (ctx: Context, db: Db, round: Round): string => {
  const c = slipCounts(db, round);
  return ctx.m.anonWeb.live(c.handedOut, c.submitted);
};

export const anonymousStartLines = (ctx: Context, db: Db, round: Round): string[] => {
  const unused = unusedSlips(db, round);
  return [unused ? ctx.m.anonWeb.slipsReady(unused) : ctx.m.anonWeb.noSlips, ctx.m.anonWeb.tickHelp];
};

/** Members a typed name or code picks: the code exactly, else every name containing the folded words. */
export function matchMembers(members: ReadonlyArray<Member>, typed: string): Member[] {
  const t = typed.trim();
  const byCode = members.filter((x) => x.code.toLowerCase() === t.toLowerCase());
  if (byCode.length) return byCode;
  const words = fold(t).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const exact = members.filter((x) => fold(x.name) === words.join(' '));
  if (exact.length === 1) return exact;
  return members.filter((x) => words.every((w) => fold(x.name).includes(w)));
}

/** One line the secretary typed: a tick, or with a leading "-" an un-tick; returns what to print. */
export function deskLine(ctx: Context, db: Db, round: Round, line: string): string | undefined {
  const a = ctx.m.anonWeb;
  const undo = line.trim().startsWith('-');
  const typed = undo ? line.trim().slice(1) : line;
  if (!typed.trim()) return undefined;
  const found = matchMembers(listMembers(db), typed);
  const who = (x: Member) => displaySafe(`${x.name} (${x.code})`);
  if (found.length === 0) return a.noMatch(displaySafe(typed.trim()));
  if (found.length > 1) return a.several(found.slice(0, 8).map(who).join(', ') + (found.length > 8 ? ', …' : ''));
  const x = found[0]!;
  if (undo) {
    const r = untickMember(db, round, x);
    return r === 'unticked' ? a.unticked(who(x)) : r === 'notTicked' ? a.notTicked(who(x)) : a.tooLate(who(x));
  }
  const r = tickMember(db, round, x);
  return r === 'ticked' ? a.ticked(who(x)) : r === 'already' ? a.already(who(x)) : r === 'answered' ? a.answered(who(x)) : a.inProgress(who(x));
}

export interface Desk {
  /** Prints a line above the prompt, keeping what is being typed. */
  print(line: string): void;
  close(): void;
}

/**
 * The ticking-off desk on stdin; `onChange` after each tick or un-tick (the
 * live line), `onInterrupt` on Ctrl+C (readline takes it from the process).
 */
export function startDesk(ctx: Context, db: Db, round: Round, onChange: () => void, onInterrupt: () => void): Desk | undefined {
  const input = ctx.io.stdin as Partial<NodeJS.ReadableStream>;
  if (typeof input.on !== 'function') return undefined;
  const output = ctx.io.stdout as NodeJS.WritableStream;
  const terminal = ctx.io.stdin.isTTY === true && ctx.io.stdout.isTTY === true;
  const rl: Interface = createInterface({ input: input as NodeJS.ReadableStream, output, terminal, prompt: ctx.m.anonWeb.tickPrompt });
  // Off a terminal (a piped stdin) there is no line being typed to redraw: no prompt, lines only.
  const prompt = () => {
    if (terminal) rl.prompt(true);
  };
  let open = true;
  const print = (line: string) => {
    if (open && terminal) output.write('\r\x1b[2K');
    output.write(`${line}\n`);
    if (open) prompt();
  };
  rl.on('line', (line) => {
    const said = deskLine(ctx, db, round, line);
    if (said !== undefined) {
      output.write(`${said}\n`);
      onChange();
    }
    prompt();
  });
  rl.on('SIGINT', onInterrupt);
  // A piped stdin that ends: no more ticks, the server goes on until Ctrl+C.
  rl.on('close', () => {
    open = false;
  });
  prompt();
  return {
    print,
    close: () => {
      open = false;
      rl.close();
    },
  };
}
