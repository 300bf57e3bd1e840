/**
 * The command tree. Each action normalises its options, imports its command
 * module lazily (so `--help` loads neither YAML, SQLite nor prompts) and
 * stores the exit code the command returns.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Command } from 'commander';
import type { Messages } from '../i18n/messages.js';
import type { Lang } from '../questionnaire/model.js';
import type { Context } from './context.js';
import type { Io } from './io.js';

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

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function examples(m: Messages, list: ReadonlyArray<readonly [string, string]> | undefined): string {
  if (!list || list.length === 0) return '';
  return `\n${m.help.examples}\n${list.map(([cmd, what]) => `  ${cmd}\n      ${what}`).join('\n')}\n`;
}

export function createProgram(io: Io, m: Messages, lang: Lang, result: ProgramResult): Command {
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
    })
    .configureHelp({ styleTitle: (t) => titles[t] ?? t, showGlobalOptions: true, sortSubcommands: false })
    .exitOverride()
    .helpOption('-h, --help', m.help.helpOption)
    .helpCommand('help [command]', m.help.helpCommand)
    .version(packageVersion(), '-V, --version', m.help.versionOption)
    .description(m.program.description)
    .option('--db <file>', m.program.db)
    .option('--lang <lang>', m.program.lang)
    .option('--json', m.program.json)
    .addHelpText('after', `\n${m.program.exitCodes}\n`)
    .hook('preSubcommand', (_parent, sub) => {
      result.commandPath = `${result.commandPath} ${sub.name()}`;
    });

  const context = (cmd: Command): Context => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const db = (g.db ?? io.env.TUSOI_DB ?? 'tusoi.sqlite').normalize('NFC');
    return { io, m, lang, json: g.json === true, db: isAbsolute(db) ? db : join(io.cwd, db) };
  };
  const act = (run: (ctx: Context) => Promise<number>) => async (cmd: Command) => {
    result.exitCode = await run(context(cmd));
  };

  const q = m.commands.questionnaire;
  const questionnaire = program.command('questionnaire').description(q.summary);
  questionnaire
    .command('list')
    .description(q.list.summary)
    .argument('[files...]', q.list.files)
    .addHelpText('after', examples(m, q.list.examples))
    .action((files: string[], _o, cmd: Command) =>
      act(async (ctx) => (await import('./commands/questionnaire.js')).listQuestionnaires(ctx, files))(cmd),
    );
  questionnaire
    .command('show')
    .description(q.show.summary)
    .argument('<ref>', q.show.ref)
    .addHelpText('after', examples(m, q.show.examples))
    .action((ref: string, _o, cmd: Command) =>
      act(async (ctx) => (await import('./commands/questionnaire.js')).showQuestionnaire(ctx, ref))(cmd),
    );
  questionnaire
    .command('validate')
    .description(q.validate.summary)
    .argument('<files...>', q.validate.files)
    .option('--fix', q.validate.fix)
    .addHelpText('after', examples(m, q.validate.examples))
    .action((files: string[], o: { fix?: boolean }, cmd: Command) =>
      act(async (ctx) => (await import('./commands/questionnaire.js')).validateQuestionnaires(ctx, files, o.fix === true))(cmd),
    );

  return program;
}
