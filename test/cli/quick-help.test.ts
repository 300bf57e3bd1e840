import { describe, expect, it } from 'vitest';
import { quickHelpKey } from '../../src/cli/quick-help.js';

const pipe = { isTTY: false };

describe('the stored top-level help', () => {
  it('answers a plain request for the help, in the language asked for, then TUSOI_LANG, then Vietnamese', () => {
    expect(quickHelpKey(['--help'], {}, pipe)).toBe('vi tusoi');
    expect(quickHelpKey(['-h'], { TUSOI_LANG: 'en' }, pipe)).toBe('en tusoi');
    expect(quickHelpKey(['help', '--lang', 'vi'], { TUSOI_LANG: 'en' }, pipe)).toBe('vi tusoi');
    expect(quickHelpKey(['--lang=en', '--help'], { npm_command: 'exec' }, pipe)).toBe('en npx tusoi');
    expect(quickHelpKey(['--help'], {}, { isTTY: true, columns: 80 })).toBe('vi tusoi');
  });

  it('leaves everything else to the ordinary path: other options, a command, an invalid --lang, two requests, a narrow terminal', () => {
    for (const argv of [[], ['--db', 'x.sqlite', '--help'], ['--json', '--help'], ['status', '--help'], ['help', 'status'], ['--lang', 'fr', '--help'], ['--lang'], ['--help', '-h'], ['--version']]) {
      expect(quickHelpKey(argv, {}, pipe), argv.join(' ')).toBeUndefined();
    }
    expect(quickHelpKey(['--help'], {}, { isTTY: true, columns: 60 })).toBeUndefined();
    expect(quickHelpKey(['--help'], {}, { isTTY: true })).toBeUndefined();
  });
});
