/**
 * Text hygiene in questionnaires (issue 14, part 4): a control, bidirectional
 * or invisible character in any string (title, version, a behaviour's text…)
 * is an error located at the character itself, named as U+XXXX; line feeds
 * are allowed in texts and notes only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import type { Problem } from '../../src/questionnaire/problems.js';
import { tempCell } from '../support/cell.js';
import { runMain } from '../support/cli.js';
import { HOSTILE, UNSAFE_BUT_LF } from '../support/hostile-text.js';
import { tempDir } from '../support/temp.js';

const SMALL = readFileSync(new URL('../fixtures/questionnaires/small.yaml', import.meta.url), 'utf8');
const brief = (p: Problem) => `${p.code}@${p.line}:${p.col} ${p.path} ${p.params.actual} #${p.params.position}`;

function problems(text: string): string[] {
  const r = parseQuestionnaire(text, 'q.yaml');
  return r.ok ? [] : r.problems.filter((p) => p.severity === 'error').map(brief);
}

describe('questionnaire strings', () => {
  it.each(HOSTILE)('refuse %s written as itself in the title, the version and a behaviour text, located at the character', (_label, bad, first) => {
    const u = `U+${first.toString(16).toUpperCase().padStart(4, '0')}`;
    const text = SMALL.replace('vi: "Bộ câu hỏi ví dụ"', `vi: "Bộ câu${bad} hỏi"`)
      .replace('version: "1"', `version: "1${bad}"`)
      .replace('vi: "Hành vi thứ hai."', `vi: "Hành vi${bad} thứ hai."`);
    expect(problems(text)).toEqual([
      // Line 4 col 12: `version: "1` then the character; line 6: `  vi: "Bộ câu` (13 columns).
      `UNSAFE_CHARACTER@4:12 version ${u} #2`,
      `UNSAFE_CHARACTER@6:14 title.vi ${u} #7`,
      `UNSAFE_CHARACTER@34:33 groups[0].manifestations[0].behaviours[1].text.vi ${u} #8`,
    ]);
  });

  it('refuse a character written as a YAML escape, located at its string', () => {
    const text = SMALL.replace('version: "1"', 'version: "1\\u202E"').replace('vi: "Hành vi thứ hai."', 'vi: "Hành\\x1b]0;x\\x07 vi"').replace('id: A2.1', 'id: "A2\\u200b.1"');
    expect(problems(text)).toEqual([
      'UNSAFE_CHARACTER@4:10 version U+202E #2',
      'UNSAFE_CHARACTER@34:25 groups[0].manifestations[0].behaviours[1].text.vi U+001B #5',
      'UNSAFE_CHARACTER@40:17 groups[0].manifestations[1].behaviours[0].id U+200B #3',
    ]);
  });

  it('allow line feeds in texts and notes, nowhere else; cap the version at 64 characters', () => {
    const multi = SMALL.replace('note: { vi: "Giải thích thêm.", en: "More explanation." }', 'note:\n              vi: |\n                Dòng một.\n                Dòng hai.\n              en: "More."');
    expect(parseQuestionnaire(multi, 'q.yaml').ok).toBe(true);
    expect(problems(SMALL.replace('version: "1"', 'version: "1\\n2"'))).toEqual(['UNSAFE_CHARACTER@4:10 version U+000A #2']);
    expect(problems(SMALL.replace('version: "1"', `version: "${'1'.repeat(65)}"`))).toEqual(['TEXT_TOO_LONG@4:10 version undefined #undefined']);
    expect(problems(SMALL.replace('Nhóm B', 'Nhóm\tB'))).toEqual(['UNSAFE_CHARACTER@43:22 groups[1].text.vi U+0009 #5']);
  });

  it('validate prints the problem with its code, and nothing a terminal would act on; round open refuses the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'q.yaml');
    writeFileSync(file, SMALL.replace('version: "1"', 'version: "1\x1b]0;pwned\x07\u202e"'));
    const r = await runMain(['questionnaire', 'validate', file], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toContain('[UNSAFE_CHARACTER]');
    expect(r.stderr + r.stdout).not.toMatch(UNSAFE_BUT_LF);
    const cell = await tempCell();
    const open = await cell.cli(['round', 'open', '--questionnaire', file]);
    expect(open.status).toBe(1);
    expect(open.stderr).not.toMatch(UNSAFE_BUT_LF);
    expect(cell.query('SELECT COUNT(*) AS n FROM round')).toEqual([{ n: 0 }]);
  });
});
