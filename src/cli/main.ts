/**
 * The entry point and the single place that turns errors into text and exit
 * codes. Commands return exit codes; nothing below this file calls
 * `process.exit` or sets `process.exitCode`.
 */
import { ExitCode, isInterrupt, UserError } from '../errors.js';
import type { Messages } from '../i18n/messages.js';
// NOTE: Vietnamese, the default, is imported directly and English only when
// asked for: every module on this path costs start-up time (about 0.5 ms each).
import { vi } from '../i18n/vi.js';
import type { Lang } from '../questionnaire/model.js';
import { displaySafe } from '../text/hygiene.js';
import { userErrorText } from './error-text.js';
import type { Io } from './io.js';
import { invocationFrom, withInvocation } from './invocation.js';
import { COMMAND_NAMES, commandPathFor, createProgram, type ProgramResult } from './program.js';

/** The value of `--lang` in argv (before commander runs, since help text depends on it). */
export function langFromArgv(argv: ReadonlyArray<string>): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') found = argv[i + 1];
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return found;
}

function commanderMessage(error: { code: string; message: string }, m: Messages): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  // commander appends its nearest match: "(Did you mean init?)".
  const suggestion = /\(Did you mean (?:one of )?([^?)]+)\?\)/.exec(error.message)?.[1];
  const didYouMean = suggestion ? ` ${m.usage.didYouMean(suggestion)}` : '';
  switch (error.code) {
    case 'commander.unknownOption':
      return m.usage.unknownOption(quoted) + didYouMean;
    case 'commander.unknownCommand':
      return m.usage.unknownCommand(quoted) + didYouMean;
    case 'commander.missingArgument':
      return m.usage.missingArgument(quoted);
    case 'commander.optionMissingArgument':
      return m.usage.optionMissingArgument(quoted);
    case 'commander.missingMandatoryOptionValue':
      return m.usage.missingOption(quoted);
    case 'commander.excessArguments':
      return m.usage.excessArguments;
    case 'commander.invalidArgument':
      return m.usage.invalidValue(error.message.replace(/^error: /, ''));
    default:
      return m.usage.other(error.message.replace(/^error: /, ''));
  }
}

function isCommanderError(e: unknown): e is Error & { code: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('commander.');
}


/** Maps anything thrown to words on stderr and an exit code. */
export function handleError(error: unknown, m: Messages, io: Io, commandPath: string): number {
  if (isCommanderError(error)) {
    // Help and version are commander "errors" too.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.Ok;
    }
    io.stderr.write(`tusoi: ${displaySafe(commanderMessage(error, m))}\n${m.usage.seeHelp(commandPath)}\n`);
    return ExitCode.Usage;
  }
  if (isInterrupt(error)) {
    io.stderr.write(`\n${m.interrupted}\n`);
    return ExitCode.Interrupted;
  }
  if (error instanceof Error && error.name === 'UserError') {
    const e = error as UserError;
    io.stderr.write(`tusoi: ${userErrorText(e, m)}\n`);
    return e.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`tusoi: ${m.internal.title}\n${detail}\n${m.internal.report}\n`);
  return ExitCode.Failure;
}

/** Runs tusoi with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  const langArg = langFromArgv(argv);
  const envLang = io.env.TUSOI_LANG;
  const lang: Lang = isLang(langArg) ? langArg : isLang(envLang) ? envLang : 'vi';
  const m = withInvocation(lang === 'en' ? (await import('../i18n/en.js')).en : vi, invocationFrom(io.env), COMMAND_NAMES);
  if (langArg !== undefined && !isLang(langArg)) {
    io.stderr.write(`tusoi: ${m.errors.BAD_OPTION_VALUE({ option: '--lang', value: langArg, allowed: 'vi, en' })}\n`);
    return ExitCode.Usage;
  }
  const result: ProgramResult = { exitCode: ExitCode.Ok, commandPath: 'tusoi' };
  try {
    const program = createProgram(io, m, lang, result, argv, main);
    result.commandPath = commandPathFor(program, argv);
    const noCommand = result.commandPath === 'tusoi' && !argv.some((a) => /^(-h|--help|-V|--version|help)$/.test(a) || !a.startsWith('-') && !isOptionValue(argv, a));
    if (noCommand) {
      // `tusoi` alone (global options allowed): the home menu on a terminal, the help otherwise.
      if (io.stdin.isTTY && io.stdout.isTTY) {
        program.parseOptions([...argv]);
        const g = program.opts<{ db?: string; json?: boolean }>();
        const db = (g.db ?? io.env.TUSOI_DB ?? 'tusoi.sqlite').normalize('NFC');
        const { home } = await import('./home.js');
        const { isAbsolute, join } = await import('node:path');
        return await home({ io, m, lang, json: false, db: isAbsolute(db) ? db : join(io.cwd, db), run: main }, argv);
      }
      io.stdout.write(program.helpInformation());
      return ExitCode.Ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return result.exitCode;
  } catch (error) {
    return handleError(error, m, io, result.commandPath);
  }
}

/** True when `a` stands right after an option that takes a value (`--db FILE`). */
function isOptionValue(argv: ReadonlyArray<string>, a: string): boolean {
  const i = argv.indexOf(a);
  return i > 0 && /^--(db|lang)$/.test(argv[i - 1]!);
}

function isLang(s: string | undefined): s is Lang {
  return s === 'vi' || s === 'en';
}

/** Used by `bin/tusoi.js`: the real process, with arguments in NFC. */
export async function run(): Promise<void> {
  // `tusoi report | head`: a reader that stops early is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const argv = process.argv.slice(2).map((a) => a.normalize('NFC'));
  const io: Io = {
    // A getter: process.stdin builds a stream (and loads tty or net) on first
    // access, about 3 ms that `--help` and most commands never need.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
  process.exitCode = await main(argv, io);
}
