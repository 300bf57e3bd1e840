/**
 * Every command a message suggests pastes into a shell as printed (issue 15,
 * part 6): it sits on a line of its own (a `# comment` may follow), the shell
 * reads the line without a syntax error or a redirection, and the words name
 * a real command with options it has. A command written in the middle of a
 * sentence is allowed only where it is named, not suggested (the list below).
 */
import { spawnSync } from 'node:child_process';
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { vi as viMessages } from '../../src/i18n/vi.js';
import { en as enMessages } from '../../src/i18n/en.js';
import type { Messages } from '../../src/i18n/messages.js';
import { commandPattern } from '../../src/cli/invocation.js';
import { COMMAND_NAMES, createProgram } from '../../src/cli/program.js';
import { catalogueTexts } from '../support/catalogue-text.js';
import { memoryIo } from '../support/memory-io.js';

/** Where a command is named in a sentence, not suggested as the next thing to type. */
const MENTIONS: Record<string, string> = {
  'files.formats.sqlite': 'names the command that makes the file to send',
  'csv.messages.EXPORT_NOT_TUSOI': 'names the command that makes the file to send',
  'csv.messages.EXPORT_WORKBOOK': 'names the command that makes the file to send',
  'csv.messages.EXPORT_NOT_TEXT': 'names the command that makes the file to send',
  'errors.ANON_WAL_PENDING': 'examples of commands that finish the job by themselves; the step is to close the windows',
  'flow.roundClosed': 'says what was done elsewhere',
  'merge.reasons.MERGE_ROUND_CLOSED': 'says what was done elsewhere',
  'errors.DB_EMPTY': 'says what left the file (the hint that follows is on its own line)',
  'initLeftovers.removed': 'says what left the file',
  'initLeftovers.kept': 'says what left the file',
  'home.running': 'echoes the command the menu item runs, after an arrow',
};

interface HintLine {
  readonly path: string;
  readonly line: string;
}

function scan(m: Messages): { hints: HintLine[]; midSentence: HintLine[] } {
  const pattern = commandPattern(COMMAND_NAMES);
  const hints: HintLine[] = [];
  const midSentence: HintLine[] = [];
  for (const { path, text } of catalogueTexts(m)) {
    for (const line of text.split('\n')) {
      for (const match of line.matchAll(pattern)) {
        if (line.slice(0, match.index).trim() === '') hints.push({ path, line: line.trim() });
        else if (!(path in MENTIONS)) midSentence.push({ path, line });
      }
    }
  }
  return { hints, midSentence };
}

/** The words the shell makes of a line (comments dropped), or its complaint. */
function shellWords(line: string): { words: string[] } | { error: string } {
  const r = spawnSync('sh', ['-c', 'eval "set -- $1" && printf "%s\\0" "$@"', 'sh', line], { encoding: 'utf8', cwd: '/' });
  if (r.status !== 0 || r.stderr !== '') return { error: `${r.stderr.trim()} (exit ${r.status})` };
  return { words: r.stdout.split('\0').slice(0, -1) };
}

/** Whether the words are a command of the program with options and arguments it takes; else why not. */
function commandProblem(program: Command, words: ReadonlyArray<string>): string | undefined {
  if (words[0] !== 'tusoi') return `starts with ${words[0]}`;
  let current = program;
  const positional: string[] = [];
  let help = false;
  const find = (w: string): Option | undefined =>
    current.options.find((o) => o.long === w || o.short === w) ?? program.options.find((o) => o.long === w || o.short === w);
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--help' || w === '-h') {
      help = true;
      continue;
    }
    if (w.startsWith('-')) {
      const option = find(w);
      if (!option) return `${current.name()} has no option ${w}`;
      if (option.required || option.optional) {
        if (i + 1 >= words.length) return `${w} needs a value`;
        i++;
      }
      continue;
    }
    const sub = positional.length === 0 ? current.commands.find((c) => c.name() === w) : undefined;
    if (sub) current = sub;
    else positional.push(w);
  }
  if (help) return undefined;
  if (current !== program && current.commands.length > 0) return `${current.name()} needs a subcommand`;
  const args = current.registeredArguments;
  const max = args.some((a) => a.variadic) ? Infinity : args.length;
  if (positional.length > max) return `${current.name()} takes ${max} argument(s), given ${positional.join(' ')}`;
  const required = args.filter((a) => a.required).length;
  if (positional.length < required) return `${current.name()} needs ${required} argument(s)`;
  return undefined;
}

describe.each([viMessages, enMessages])('the hints of the $lang catalogue', (m) => {
  const { hints, midSentence } = scan(m);
  const program = createProgram(memoryIo(), m, m.lang, { exitCode: 0, commandPath: '' });

  it('are found: error hints, the demo, the help examples', () => {
    const paths = new Set(hints.map((h) => h.path.replace(/\[.*$/, '')));
    for (const p of ['errors.NO_OPEN_ROUND', 'errors.DB_NOT_FOUND', 'demo.next', 'commands.report.examples', 'memberLists.skipped', 'db.next', 'usage.seeHelp']) {
      expect(paths, p).toContain(p);
    }
    expect(hints.length).toBeGreaterThan(60);
  });

  it('sit on lines of their own: no command suggested in the middle of a sentence', () => {
    expect(midSentence).toEqual([]);
  });

  it('paste into a shell and name a real command with its real options', () => {
    const bad: string[] = [];
    for (const { path, line } of new Map(hints.map((h) => [h.line, h])).values()) {
      const parsed = shellWords(line);
      const problem = 'error' in parsed ? `sh: ${parsed.error}` : commandProblem(program, parsed.words);
      if (problem) bad.push(`${path}: ${line}  → ${problem}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('the hint checks themselves', () => {
  const program = createProgram(memoryIo(), viMessages, 'vi', { exitCode: 0, commandPath: '' });
  const check = (line: string) => {
    const parsed = shellWords(line);
    return 'error' in parsed ? 'sh' : commandProblem(program, parsed.words);
  };

  it('refuse what the issue saw and what would mislead', () => {
    expect(check('tusoi report --format pdf (cần Chromium)')).toBe('sh');
    expect(check('tusoi merge --remove <mã>')).toBe('sh');
    expect(check('tusoi report --format pdf   # cần Chromium')).toBeUndefined();
    expect(check('tusoi --db \'/tmp/Tài liệu/k.sqlite\' report --suppress-below 5')).toBeUndefined();
    expect(check('tusoi round open --label 2026 hoặc tusoi round list')).toMatch(/takes 0 argument/);
    expect(check('tusoi report --formt pdf')).toMatch(/no option --formt/);
    expect(check('tusoi member')).toMatch(/needs a subcommand/);
    expect(check('tusoi round --help')).toBeUndefined();
  });

  it('see a hint written mid-sentence', () => {
    const broken = { ...viMessages, errors: { ...viMessages.errors, NO_OPEN_ROUND: () => 'Chưa có đợt nào đang mở. Mở đợt: tusoi round open' } } as Messages;
    expect(scan(broken).midSentence.map((h) => h.path)).toEqual(['errors.NO_OPEN_ROUND']);
  });
});
