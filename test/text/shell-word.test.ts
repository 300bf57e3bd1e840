import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellName, shellWord } from '../../src/text/shell-word.js';
import { withCode } from '../../src/report/problems.js';

/** What sh makes of `printf %s WORD`: the value back, if the quoting is right. */
const echoed = (word: string) => spawnSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' }).stdout;

describe('shellWord and shellName (values in the hints of messages)', () => {
  it('leave plain words, double-quote the rest, single-quote what double quotes would expand', () => {
    expect(shellWord('CB03-2026.csv')).toBe('CB03-2026.csv');
    expect(shellWord('Tài liệu/k.sqlite')).toBe('"Tài liệu/k.sqlite"');
    expect(shellWord('C:\\Users\\Nguyễn Văn An\\k.sqlite')).toBe('"C:\\Users\\Nguyễn Văn An\\k.sqlite"');
    expect(shellWord('$HOME "x"')).toBe(`'$HOME "x"'`);
    expect(shellName('Nguyễn Văn An')).toBe('"Nguyễn Văn An"');
    expect(shellName('An')).toBe('"An"');
    for (const v of ['CB03-2026.csv', '/tmp/Tài liệu/k.sqlite', "it's $HOME `x` \"y\"", 'a\\', 'Lê Văn "Út"']) {
      expect(echoed(shellWord(v)), v).toBe(v);
      expect(echoed(shellName(v)), v).toBe(v);
    }
  });
});

describe('withCode', () => {
  it('puts the code at the end of the first line, so a hint line below stays pasteable, and indents the hint', () => {
    expect(withCode('Mã sai.', '[X]')).toBe('Mã sai.  [X]');
    expect(withCode('Mở đợt:\n  tusoi round open', '[X]', '    ')).toBe('Mở đợt:  [X]\n      tusoi round open');
  });
});
