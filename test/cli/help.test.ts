/**
 * Every command's --help, in both languages: Vietnamese by default with
 * examples, English with --lang en or TUSOI_LANG=en, and no English left in
 * the Vietnamese help except option names, command names and identifiers.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createProgram } from '../../src/cli/program.js';
import { vi } from '../../src/i18n/vi.js';
import { memoryIo } from '../support/memory-io.js';

const NAMES = ['demo', 'init', 'member', 'round', 'answer', 'session', 'status', 'merge', 'unit', 'report', 'measure', 'export', 'response', 'questionnaire'];
const program = createProgram(memoryIo(), vi, 'vi', { exitCode: 0, commandPath: 'tusoi' }, NAMES);
const paths: string[][] = [[]];
const commandNames = new Set<string>(['tusoi', 'help']);
for (const c of program.commands) {
  commandNames.add(c.name());
  paths.push([c.name()]);
  for (const sub of c.commands) {
    commandNames.add(sub.name());
    paths.push([c.name(), sub.name()]);
  }
}

/** Words of ordinary English that must not appear in the Vietnamese help ("in", "a", "an" are Vietnamese words too). */
const ENGLISH = /\b(the|and|for|to|of|with|display|help|usage|options?|arguments?|commands?|file|files|default|show|list|open|close|name|code|level|label|format|from|this|that|or|on|is|are|members?|round|report|export)\b/i;

async function helpText(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  const io = memoryIo({ env });
  const code = await main([...args, '--help'], io);
  return { code, out: io.out() };
}

/** The help with what may stay as is removed: flags, command names, identifiers and file names in examples. */
function prose(help: string): string {
  return help
    .split('\n')
    .filter((line) => !/^\s*tusoi\b/.test(line)) // example command lines are typed as is
    .join('\n')
    .replace(/(^|\s)--?[a-z][a-z-]*/g, ' ')
    .replace(/\b[\w.-]+\.(csv|txt|yaml|sqlite|html|pdf)\b/g, ' ')
    .replace(/\b(nq4-khoa-xii|TUSOI_DB|TUSOI_LANG|TUSOI_CHROMIUM|JSON|CSV|TXT|HTML|PDF|YAML|UTF-8|BOM|NFC|Excel|Chromium|Chrome|Edge|Windows|Terminal|PowerShell|cmd|Linux|apt-get|install|chromium|Unicode|tab|Ctrl\+[A-Z]|behaviour,level|chi-bo|dang-uy-co-so|khoi|vi|en|tusoi|CB\d+|DU\d+|M\d+|sha256)\b/g, ' ')
    .replace(new RegExp(`\\b(${[...commandNames].join('|')})\\b`, 'g'), ' ');
}

describe('help', () => {
  it.each(paths.map((p) => [p.join(' ') || '(root)', p] as const))('%s: Vietnamese by default, no English prose, exit 0', async (_n, path) => {
    const { code, out } = await helpText(path, { LANG: 'en_US.UTF-8' });
    expect(code).toBe(0);
    expect(out).toContain('Cách dùng:');
    const leftover = ENGLISH.exec(prose(out));
    expect(leftover?.[0], `"${leftover?.[0]}" in:\n${out}`).toBeUndefined();
  });

  it.each(paths.map((p) => [p.join(' ') || '(root)', p] as const))('%s: English with --lang en and with TUSOI_LANG=en', async (_n, path) => {
    const a = await helpText([...path, '--lang', 'en']);
    const b = await helpText(path, { TUSOI_LANG: 'en' });
    expect(a.code).toBe(0);
    expect(a.out).toContain('Usage:');
    expect(b.out).toBe(a.out);
    expect(a.out).not.toMatch(/Cách dùng|Tùy chọn/);
  });

  it('gives examples for the commands people type', async () => {
    for (const path of [['init'], ['answer'], ['report'], ['export'], ['merge'], ['demo'], ['member', 'import'], ['round', 'open'], ['questionnaire', 'validate']]) {
      expect((await helpText(path)).out, path.join(' ')).toContain('Ví dụ:');
      expect((await helpText([...path, '--lang', 'en'])).out, path.join(' ')).toContain('Examples:');
    }
  });

  it('documents the exit codes at the top level', async () => {
    expect((await helpText([])).out).toContain('Mã thoát: 0 thành công, 1 thất bại');
  });
});
