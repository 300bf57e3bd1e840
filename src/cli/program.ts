/**
 * The command tree. Each action normalises its options, imports its command
 * module lazily (so `--help` loads neither YAML, SQLite nor prompts) and
 * stores the exit code the command returns.
 */
import { isAbsolute, join } from 'node:path';
import { Command } from 'commander';
import type { Messages } from '../i18n/messages.js';
import type { Lang } from '../questionnaire/model.js';
import { InternalError } from '../errors.js';
import type { Context, Runner } from './context.js';
import type { Io, OutStream } from './io.js';
import { HELP_WIDTH } from './quick-help.js';
import { packageVersion } from './version.js';

// commander is imported statically so that scripts/bundle.mjs can inline it:
// bin/tusoi.js runs the bundle, where this saves resolving and lexing
// commander's CommonJS files at every start-up.

export interface ProgramResult {
  exitCode: number;
  /** `tusoi questionnaire show`, for "see --help" hints. */
  commandPath: string;
}

interface GlobalOptions {
  db?: string;
  lang?: string;
  json?: boolean;
}


/** Wraps a command's work: builds its context and stores the exit code it returns. */
export type Act = (run: (ctx: Context) => Promise<number>) => (cmd: Command) => Promise<void>;

export interface BuildKit {
  readonly m: Messages;
  readonly act: Act;
  readonly examples: (list: ReadonlyArray<readonly [string, string]> | undefined) => string;
}

/** A top-level command: its one-line summary, and how to build the rest of it when asked for. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: (m: Messages) => string;
  readonly build: (cmd: Command, kit: BuildKit) => void;
}

const COMMANDS: ReadonlyArray<CommandSpec> = [
  {
    name: 'demo',
    summary: (m) => m.commands.demo.summary,
    build: (cmd, { m, act, examples }) => {
      const p = m.help.placeholders;
      cmd
        .option(`--dir <${p.dir}>`, m.commands.demo.dir)
        .addHelpText('after', examples(m.commands.demo.examples))
        .action((o: { dir?: string }, c: Command) => act(async (ctx) => (await import('./commands/demo.js')).demo(ctx, o))(c));
    },
  },
  {
    name: 'init',
    summary: (m) => m.commands.init.summary,
    build: (cmd, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.init;
      cmd
        .requiredOption(`--unit-code <${p.code}>`, h.unitCode)
        .requiredOption(`--unit-name <${p.name}>`, h.unitName)
        .option(`--level <${p.level}>`, h.level)
        .option(`--parent <${p.code}>`, h.parent)
        .addHelpText('after', examples(h.examples))
        .action((o: { unitCode: string; unitName: string; level?: string; parent?: string }, c: Command) =>
          act(async (ctx) => (await import('./commands/init.js')).init(ctx, o))(c),
        );
    },
  },
  {
    name: 'member',
    summary: (m) => m.commands.member.summary,
    build: (member, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.member;
      member
        .command('add')
        .description(h.add.summary)
        .argument(`<${p.names}...>`, h.add.names)
        .option(`--code <${p.code}>`, h.add.code)
        .addHelpText('after', examples(h.add.examples))
        .action((names: string[], o: { code?: string }, c: Command) =>
          act(async (ctx) => (await import('./commands/member.js')).memberAdd(ctx, names, o.code))(c),
        );
      member
        .command('list')
        .description(h.list.summary)
        .option('--all', h.list.all)
        .action((o: { all?: boolean }, c: Command) => act(async (ctx) => (await import('./commands/member.js')).memberList(ctx, o.all === true))(c));
      member
        .command('remove')
        .description(h.remove.summary)
        .argument(`<${p.member}>`, h.remove.member)
        .action((q: string, _o, c: Command) => act(async (ctx) => (await import('./commands/member.js')).memberRemove(ctx, q))(c));
      member
        .command('rename')
        .description(m.memberLists.help.summary)
        .argument(`<${p.member}>`, m.memberLists.help.member)
        .argument(`<${p.names}>`, m.memberLists.help.name)
        .addHelpText('after', examples(m.memberLists.help.examples))
        .action((q: string, name: string, _o, c: Command) => act(async (ctx) => (await import('./commands/member.js')).memberRename(ctx, q, name))(c));
      member
        .command('import')
        .description(h.import.summary)
        .argument(`<${p.file}>`, h.import.file)
        .option(`--sheet <${m.sheets.help.sheetName}>`, m.sheets.help.sheet)
        .addHelpText('after', examples(h.import.examples))
        .action((file: string, o: { sheet?: string }, c: Command) => act(async (ctx) => (await import('./commands/member.js')).memberImport(ctx, file, o.sheet))(c));
    },
  },
  {
    name: 'round',
    summary: (m) => m.commands.round.summary,
    build: (round, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.round;
      round
        .command('open')
        .description(h.open.summary)
        .option(`--label <${p.label}>`, h.open.label)
        .option(`--questionnaire <${p.idOrFile}>`, h.open.questionnaire)
        .option('--anonymous', h.open.anonymous)
        .addHelpText('after', examples(h.open.examples))
        .action((o: { label?: string; questionnaire?: string; anonymous?: boolean }, c: Command) =>
          act(async (ctx) => (await import('./commands/round.js')).roundOpen(ctx, o))(c),
        );
      round
        .command('close')
        .description(h.close.summary)
        .option('-y, --yes', m.roundLife.help.yes)
        .action((o: { yes?: boolean }, c: Command) => act(async (ctx) => (await import('./commands/round.js')).roundClose(ctx, o))(c));
      round
        .command('reopen')
        .description(m.roundLife.help.reopen.summary)
        .argument(`[${p.label}]`, m.roundLife.help.reopen.label)
        .addHelpText('after', examples(m.roundLife.help.reopen.examples))
        .action((label: string | undefined, _o, c: Command) => act(async (ctx) => (await import('./commands/round.js')).roundReopen(ctx, label))(c));
      round
        .command('list')
        .description(h.list.summary)
        .action((_o, c: Command) => act(async (ctx) => (await import('./commands/round.js')).roundList(ctx))(c));
    },
  },
  {
    name: 'answer',
    summary: (m) => m.commands.answer.summary,
    build: (cmd, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.answer;
      cmd
        .option(`--member <${p.member}>`, h.member)
        .option(`--answers <${p.file}>`, h.answers)
        .option('--replace', h.replace)
        .option(`--sheet <${m.sheets.help.sheetName}>`, m.sheets.help.sheet)
        .option('--blank-is-none', m.sheets.help.blankIsNone)
        .option(`--participants <${m.sheets.help.participantsArg}>`, m.sheets.help.participants)
        .option(`--template <${p.file}>`, m.sheets.help.template)
        .addHelpText('after', examples(h.examples))
        .action((o: { member?: string; answers?: string; replace?: boolean; sheet?: string; blankIsNone?: boolean; participants?: string; template?: string }, c: Command) =>
          act(async (ctx) => (await import('./commands/answer.js')).answer(ctx, o))(c),
        );
    },
  },
  {
    name: 'session',
    summary: (m) => m.commands.session.summary,
    build: (cmd, { m, act, examples }) => {
      cmd
        .addHelpText('after', examples(m.commands.session.examples))
        .action((_o, c: Command) => act(async (ctx) => (await import('./commands/session.js')).session(ctx))(c));
    },
  },
  {
    name: 'status',
    summary: (m) => m.commands.status.summary,
    build: (cmd, { m, act, examples }) => {
      cmd
        .addHelpText('after', examples(m.commands.status.examples))
        .action((_o, c: Command) => act(async (ctx) => (await import('./commands/status.js')).status(ctx))(c));
    },
  },
  {
    name: 'serve',
    summary: (m) => m.commands.serve.summary,
    build: (cmd, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.serve;
      cmd
        .option('--host <ip>', h.host)
        .option('--port <n>', h.port)
        .option(`--codes <${p.file}>`, h.codes)
        .option('--force', h.force)
        .option('--https', m.serveHttps.option)
        .option('--slips <n>', m.anonWeb.slipsOption)
        .addHelpText('after', examples(h.examples))
        .action((o: { host?: string; port?: string; codes?: string; force?: boolean; https?: boolean; slips?: string }, c: Command) =>
          act(async (ctx) => (await import('./commands/serve.js')).serve(ctx, o))(c),
        );
    },
  },
  {
    name: 'merge',
    summary: (m) => m.commands.merge.summary,
    build: (cmd, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.merge;
      cmd
        .argument(`[${p.paths}...]`, h.paths)
        .option(`--round <${p.label}>`, h.round)
        .option('--replace', h.replace)
        .option('--require-signature', m.keys.requireSignature)
        .option(`--remove <${p.ref}>`, h.remove, (v: string, all: string[] | undefined) => [...(all ?? []), v])
        .addHelpText('after', examples(h.examples))
        .action((paths: string[], o: { round?: string; replace?: boolean; requireSignature?: boolean; remove?: string[] }, c: Command) => {
          // Paths may be left out only with --remove.
          if (paths.length === 0 && o.remove === undefined) c.error(`error: missing required argument '${p.paths}'`, { code: 'commander.missingArgument', exitCode: 2 });
          return act(async (ctx) => (await import('./commands/merge.js')).merge(ctx, paths, o))(c);
        });
    },
  },
  {
    name: 'unit',
    summary: (m) => m.commands.unit.summary,
    build: (unit, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.unit;
      unit
        .command('import')
        .description(h.import.summary)
        .argument(`<${p.file}>`, h.import.file)
        .option(`--sheet <${m.sheets.help.sheetName}>`, m.sheets.help.sheet)
        .addHelpText('after', examples(h.import.examples))
        .action((file: string, o: { sheet?: string }, c: Command) => act(async (ctx) => (await import('./commands/unit.js')).unitImport(ctx, file, o.sheet))(c));
      unit
        .command('list')
        .description(h.list.summary)
        .action((_o, c: Command) => act(async (ctx) => (await import('./commands/unit.js')).unitList(ctx))(c));
      unit
        .command('key')
        .description(m.keys.keyHelp)
        .action((_o, c: Command) => act(async (ctx) => (await import('./commands/unit.js')).unitKeyCommand(ctx))(c));
      unit
        .command('trust')
        .description(m.keys.trustHelp)
        .argument(`<${p.code}>`, m.keys.trustCode)
        .argument(`<${m.keys.fingerprintPlaceholder}>`, m.keys.trustFingerprint)
        .addHelpText('after', examples(m.keys.trustExamples))
        .action((code: string, fingerprint: string, _o, c: Command) => act(async (ctx) => (await import('./commands/unit.js')).unitTrust(ctx, code, fingerprint))(c));
    },
  },
  {
    name: 'report',
    summary: (m) => m.commands.report.summary,
    build: (cmd, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.report;
      cmd
        .option(`--round <${p.label}>`, h.round)
        .option(`--format <${p.format}>`, h.format)
        .option(`--out <${p.file}>`, h.out)
        .option(`--suppress-below <${p.k}>`, h.suppress)
        .option(`--compare <${p.label}>`, h.compare)
        .option(`--place <${m.reportNotes.placePlaceholder}>`, m.reportNotes.placeOption)
        .option('--force', h.force)
        .addHelpText('after', examples(h.examples))
        .action((o: { round?: string; format?: string; out?: string; suppressBelow?: string; compare?: string; force?: boolean; place?: string }, c: Command) =>
          act(async (ctx) => (await import('./commands/report.js')).report(ctx, o))(c),
        );
    },
  },
  {
    name: 'measure',
    summary: (m) => m.commands.measure.summary,
    build: (measure, { m, act, examples }) => {
      const h = m.commands.measure;
      measure
        .command('add')
        .description(h.add.summary)
        .argument(`<${m.help.placeholders.name}>`, h.add.text)
        .option(`--behaviour <${m.help.placeholders.code}>`, h.add.behaviour)
        .addHelpText('after', examples(h.add.examples))
        .action((text: string, o: { behaviour?: string }, c: Command) => act(async (ctx) => (await import('./commands/measure.js')).measureAdd(ctx, text, o.behaviour))(c));
      measure
        .command('list')
        .description(h.list.summary)
        .action((_o, c: Command) => act(async (ctx) => (await import('./commands/measure.js')).measureList(ctx))(c));
      measure
        .command('done')
        .description(h.done.summary)
        .argument('<id>', h.done.id)
        .action((id: string, _o, c: Command) => act(async (ctx) => (await import('./commands/measure.js')).measureDone(ctx, id))(c));
    },
  },
  {
    name: 'export',
    summary: (m) => m.commands.export.summary,
    build: (cmd, { m, act, examples }) => {
      const p = m.help.placeholders;
      const h = m.commands.export;
      cmd
        .option(`--round <${p.label}>`, h.round)
        .option(`--out <${p.file}>`, h.out)
        .option(`--separator <${p.sep}>`, h.separator)
        .option('--force', h.force)
        .addHelpText('after', examples(h.examples))
        .action((o: { round?: string; out?: string; separator?: string; force?: boolean }, c: Command) =>
          act(async (ctx) => (await import('./commands/report.js')).exportCommand(ctx, o))(c),
        );
    },
  },
  {
    name: 'response',
    summary: (m) => m.commands.response.summary,
    build: (response, { m, act }) => {
      const p = m.help.placeholders;
      const h = m.commands.response;
      response
        .command('reopen')
        .description(h.reopen.summary)
        .requiredOption(`--member <${p.member}>`, h.reopen.member)
        .action((o: { member: string }, c: Command) => act(async (ctx) => (await import('./commands/answer.js')).responseReopen(ctx, o.member))(c));
    },
  },
  {
    name: 'questionnaire',
    summary: (m) => m.commands.questionnaire.summary,
    build: (questionnaire, { m, act, examples }) => {
      const p = m.help.placeholders;
      const q = m.commands.questionnaire;
      questionnaire
        .command('list')
        .description(q.list.summary)
        .argument(`[${p.files}...]`, q.list.files)
        .addHelpText('after', examples(q.list.examples))
        .action((files: string[], _o, cmd: Command) =>
          act(async (ctx) => (await import('./commands/questionnaire.js')).listQuestionnaires(ctx, files))(cmd),
        );
      questionnaire
        .command('show')
        .description(q.show.summary)
        .argument(`<${p.ref}>`, q.show.ref)
        .addHelpText('after', examples(q.show.examples))
        .action((ref: string, _o, cmd: Command) =>
          act(async (ctx) => (await import('./commands/questionnaire.js')).showQuestionnaire(ctx, ref))(cmd),
        );
      questionnaire
        .command('validate')
        .description(q.validate.summary)
        .argument(`<${p.files}...>`, q.validate.files)
        .option('--fix', q.validate.fix)
        .addHelpText('after', examples(q.validate.examples))
        .action((files: string[], o: { fix?: boolean }, cmd: Command) =>
          act(async (ctx) => (await import('./commands/questionnaire.js')).validateQuestionnaires(ctx, files, o.fix === true))(cmd),
        );
      // questionnaire-sheets (issue 16, part 4): a questionnaire authored in a spreadsheet, and back.
      const qs = m.questionnaireSheets.help;
      questionnaire
        .command('import')
        .description(qs.import.summary)
        .argument(`<${p.file}>`, qs.import.file)
        .requiredOption(`--out <${p.file}>`, qs.import.out)
        .option(`--levels <${p.file}>`, qs.import.levels)
        .option('--force', qs.import.force)
        .addHelpText('after', examples(qs.import.examples))
        .action((file: string, o: { out: string; levels?: string; force?: boolean }, cmd: Command) =>
          act(async (ctx) => (await import('./commands/questionnaire-sheet.js')).questionnaireImport(ctx, file, o))(cmd),
        );
      questionnaire
        .command('export')
        .description(qs.export.summary)
        .argument(`<${p.ref}>`, qs.export.ref)
        .option(`--format <${p.format}>`, qs.export.format)
        .requiredOption(`--out <${p.file}>`, qs.export.out)
        .option('--force', qs.export.force)
        .addHelpText('after', examples(qs.export.examples))
        .action((ref: string, o: { out: string; format?: string; force?: boolean }, cmd: Command) =>
          act(async (ctx) => (await import('./commands/questionnaire-sheet.js')).questionnaireExport(ctx, ref, o))(cmd),
        );
    },
  },
];

/** The command names, for the hints rewritten by `invocation.ts`. */
export const COMMAND_NAMES: ReadonlyArray<string> = [...COMMANDS.map((c) => c.name), 'help'];

function examples(m: Messages, list: ReadonlyArray<readonly [string, string]> | undefined): string {
  if (!list || list.length === 0) return '';
  return `\n${m.help.examples}\n${list.map(([cmd, what]) => `  ${cmd}\n      ${what}`).join('\n')}\n`;
}

/**
 * The command an argv names (`tusoi questionnaire show`), for "see --help"
 * hints: usage errors are thrown before any action or hook runs.
 */
export function commandPathFor(program: Command, argv: ReadonlyArray<string>): string {
  const names = [program.name()];
  let current = program;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      const option = current.options.find((o) => o.long === a || o.short === a) ?? program.options.find((o) => o.long === a);
      if (option && (option.required || option.optional)) i++; // skip its value
      continue;
    }
    const sub = current.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) break;
    names.push(sub.name());
    current = sub;
  }
  return names.join(' ');
}

/** The help's width: the terminal's, at most HELP_WIDTH; HELP_WIDTH off a terminal. */
function helpWidth(stream: OutStream): number {
  return stream.isTTY && stream.columns ? Math.min(stream.columns, HELP_WIDTH) : HELP_WIDTH;
}

const noRunner: Runner = async () => {
  throw new InternalError('createProgram was given no runner for in-process commands');
};

export function createProgram(io: Io, m: Messages, lang: Lang, result: ProgramResult, argv: ReadonlyArray<string> = [], run: Runner = noRunner): Command {
  const titles: Record<string, string> = {
    'Usage:': m.help.usage,
    'Arguments:': m.help.arguments,
    'Options:': m.help.options,
    'Commands:': m.help.commands,
    'Global Options:': m.help.globalOptions,
  };
  const program = new Command('tusoi');
  program
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Errors are worded by main.ts in the user's language.
      outputError: () => undefined,
      // Wrapped to the terminal, at most HELP_WIDTH: the stored help (quick-help.ts) is this text.
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
    })
    .configureHelp({
      styleTitle: (t) => titles[t] ?? t,
      showGlobalOptions: true,
      sortSubcommands: false,
      // "[options]" and "[command]" in the user's language too.
      styleUsage: (u) => u.replace('[options]', m.help.optionsPlaceholder).replace('[command]', m.help.commandPlaceholder),
      styleCommandText: (u) => u.replace('[options]', m.help.optionsPlaceholder).replace('[command]', m.help.commandPlaceholder),
      styleSubcommandText: (u) => u.replace('[options]', m.help.optionsPlaceholder).replace('[command]', m.help.commandPlaceholder),
      styleSubcommandTerm: (u) => u.replace('[options]', m.help.optionsPlaceholder).replace('[command]', m.help.commandPlaceholder),
    })
    .exitOverride()
    .helpOption('-h, --help', m.help.helpOption)
    .helpCommand(`help ${m.help.commandPlaceholder}`, m.help.helpCommand)
    .version(packageVersion(), '-V, --version', m.help.versionOption)
    .description(m.program.description)
    .option(`--db <${m.help.placeholders.file}>`, m.program.db)
    .option(`--lang <${m.help.placeholders.lang}>`, m.program.lang)
    .option('--json', m.program.json)
    .addHelpText('after', `\n${m.program.exitCodes}\n`);

  const context = (cmd: Command): Context => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const db = (g.db ?? io.env.TUSOI_DB ?? 'tusoi.sqlite').normalize('NFC');
    return { io, m, lang, json: g.json === true, db: isAbsolute(db) ? db : join(io.cwd, db), run };
  };
  const act: Act = (run) => async (cmd) => {
    result.exitCode = await run(context(cmd));
  };

  // NOTE: only the subtree argv asks for is built (options, examples, leaves):
  // start-up time is paid by every command, and `--help` lists names only.
  const wanted = (name: string) => argv.length === 0 || argv.includes(name);
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name).description(spec.summary(m));
    if (wanted(spec.name)) spec.build(cmd, { m, act, examples: (list) => examples(m, list) });
  }

  return program;
}
