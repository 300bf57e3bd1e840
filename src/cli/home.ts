/**
 * `tusoi` alone on a terminal: a menu for secretaries who do not remember
 * commands. Every item runs the same command a user would type, and shows it,
 * so the menu teaches the commands; it holds no logic of its own.
 */
import { ExitCode, isInterrupt } from '../errors.js';
import type { Context } from './context.js';
import type { TerminalUi } from './prompts.js';

type Item = 'session' | 'answer' | 'status' | 'report' | 'export' | 'merge' | 'members' | 'rounds' | 'help' | 'quit';

export async function home(ctx: Context, globalArgs: ReadonlyArray<string>): Promise<number> {
  const { createUi } = await import('./ui.js');
  const ui: TerminalUi = await createUi(ctx);
  const h = ctx.m.home;
  const shown = (args: string[]) => ['tusoi', ...globalArgs.filter((a) => a !== '--lang' && !/^(vi|en)$/.test(a)), ...args].join(' ');
  const exec = async (args: string[]) => {
    ui.write(`\n${h.running(shown(args))}\n\n`);
    try {
      await ctx.run([...globalArgs, ...args], ctx.io);
    } catch (error) {
      if (!isInterrupt(error)) throw error;
    }
  };
  for (;;) {
    ui.write(`\n${h.title(ctx.db)}\n`);
    const items: Array<{ label: string; value: Item; hint?: string }> = (
      [
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
    ).map(([value, cmd]) => ({ label: h.items[value], value, ...(cmd ? { hint: shown([cmd]) } : {}) }));
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
            { label: h.roundsMenu.back, value: 'back' },
          ]);
          if (sub === 'list') await exec(['round', 'list']);
          if (sub === 'open') {
            const year = String(ctx.io.now().getFullYear());
            const label = (await ui.ask(h.askLabel(year))).trim() || year;
            await exec(['round', 'open', '--label', label]);
          }
          if (sub === 'close' && (await ui.confirm(h.confirmClose, false))) await exec(['round', 'close']);
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
