/**
 * `tusoi` alone on a terminal: a menu for secretaries who do not remember
 * commands. Every item runs the same command a user would type, and shows it,
 * so the menu teaches the commands; it holds no logic of its own.
 */
import { existsSync } from 'node:fs';
import { ExitCode, isInterrupt } from '../errors.js';
import type { Context } from './context.js';
import type { TerminalUi } from './prompts.js';
import { shellArg } from './shell-arg.js';

type Item = 'init' | 'demo' | 'session' | 'answer' | 'status' | 'report' | 'export' | 'merge' | 'members' | 'rounds' | 'help' | 'quit';

/** Where there is no database yet, only what can work without one (issue 15, part 4). */
const WITHOUT_DATABASE: ReadonlySet<Item> = new Set(['init', 'demo', 'help', 'quit']);

export async function home(ctx: Context, globalArgs: ReadonlyArray<string>): Promise<number> {
  const { createUi } = await import('./ui.js');
  const ui: TerminalUi = await createUi(ctx);
  const h = ctx.m.home;
  const shown = (args: string[]) => ['tusoi', ...globalArgs.filter((a) => a !== '--lang' && !/^(vi|en)$/.test(a)), ...args].join(' ');
  const r = ctx.m.roundLife.menu;
  const exec = async (args: string[]) => {
    // Shown as it pastes into a shell: a unit name or a label with spaces quoted.
    ui.write(`\n${h.running(shown(args.map((a) => shellArg(a))))}\n\n`);
    try {
      await ctx.run([...globalArgs, ...args], ctx.io);
    } catch (error) {
      if (!isInterrupt(error)) throw error;
    }
  };
  for (;;) {
    ui.write(`\n${h.title(ctx.db)}\n`);
    // In a new folder every command but these fails: offer them alone (init first).
    const hasDatabase = existsSync(ctx.db);
    if (!hasDatabase) ui.write(`${r.noDatabase(ctx.db)}\n`);
    const items: Array<{ label: string; value: Item; hint?: string }> = (
      [
        ['init', 'init …'],
        ['demo', 'demo'],
        ['session', 'session'],
        ['answer', 'answer'],
        ['status', 'status'],
        ['report', 'report'],
        ['export', 'export'],
        ['merge', 'merge …'],
        ['members', 'member …'],
        ['rounds', 'round …'],
        ['help', '--help'],
        ['quit', ''],
      ] as const
    )
      .filter(([value]) => (hasDatabase ? value !== 'init' && value !== 'demo' : WITHOUT_DATABASE.has(value)))
      .map(([value, cmd]) => ({ label: value === 'init' || value === 'demo' ? r[value] : h.items[value], value, ...(cmd ? { hint: shown([cmd]) } : {}) }));
    let choice: Item;
    try {
      choice = await ui.choose(h.prompt, items);
    } catch (error) {
      if (isInterrupt(error)) return ExitCode.Ok;
      throw error;
    }
    try {
      switch (choice) {
        case 'quit':
          return ExitCode.Ok;
        case 'session':
        case 'answer':
        case 'status':
        case 'report':
        case 'export':
          await exec([choice]);
          break;
        case 'help':
          await exec(['--help']);
          break;
        case 'demo':
          await exec(['demo']);
          break;
        case 'init': {
          const code = (await ui.ask(r.askUnitCode)).trim();
          const name = code && (await ui.ask(r.askUnitName)).trim();
          if (!code || !name) break;
          const level = await ui.choose(r.askLevel, [
            { label: r.levels.cell, value: 'chi-bo', hint: '--level chi-bo' },
            { label: r.levels.committee, value: 'dang-uy-co-so', hint: '--level dang-uy-co-so' },
            { label: r.levels.bloc, value: 'khoi', hint: '--level khoi' },
          ]);
          const parent = (await ui.ask(r.askParent)).trim();
          await exec(['init', '--unit-code', code, '--unit-name', name, '--level', level, ...(parent ? ['--parent', parent] : [])]);
          break;
        }
        case 'merge': {
          const path = (await ui.ask(h.askPath)).trim();
          if (path) await exec(['merge', path]);
          break;
        }
        case 'members': {
          const sub = await ui.choose(h.prompt, [
            { label: h.membersMenu.list, value: 'list' },
            { label: h.membersMenu.add, value: 'add' },
            { label: h.membersMenu.import, value: 'import' },
            { label: h.membersMenu.back, value: 'back' },
          ]);
          if (sub === 'list') await exec(['member', 'list']);
          if (sub === 'add') {
            const names = (await ui.ask(h.askNames)).split(',').map((n) => n.trim()).filter(Boolean);
            if (names.length) await exec(['member', 'add', ...names]);
          }
          if (sub === 'import') {
            const file = (await ui.ask(h.askFile)).trim();
            if (file) await exec(['member', 'import', file]);
          }
          break;
        }
        case 'rounds': {
          const sub = await ui.choose(h.prompt, [
            { label: h.roundsMenu.list, value: 'list' },
            { label: h.roundsMenu.open, value: 'open' },
            { label: h.roundsMenu.close, value: 'close' },
            { label: r.reopen, value: 'reopen' },
            { label: h.roundsMenu.back, value: 'back' },
          ]);
          if (sub === 'list') await exec(['round', 'list']);
          if (sub === 'open') {
            const year = String(ctx.io.now().getFullYear());
            const label = (await ui.ask(h.askLabel(year))).trim() || year;
            // Chosen when the round opens and never changed: asked every time, named first.
            const anonymous = await ui.choose(r.askKind, [
              { label: r.named, value: false },
              { label: r.anonymous, value: true, hint: '--anonymous' },
            ]);
            await exec(['round', 'open', '--label', label, ...(anonymous ? ['--anonymous'] : [])]);
          }
          // The command itself lists who has not finished and asks.
          if (sub === 'close') await exec(['round', 'close']);
          if (sub === 'reopen') {
            const label = (await ui.ask(r.askReopenLabel)).trim();
            await exec(['round', 'reopen', ...(label ? [label] : [])]);
          }
          break;
        }
      }
      await ui.pressEnter(h.back);
    } catch (error) {
      // Ctrl+C inside an item returns to the menu; the work it saved stays saved.
      if (!isInterrupt(error)) throw error;
    }
  }
}
