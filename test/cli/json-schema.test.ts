/**
 * Every `--json` document starts with `schema` (the README's promise): each
 * command that takes `--json` is run in-process, in the order a cell and its
 * committee would use them, and its stdout is parsed. The report's document
 * is at schema 3 (issue 13: a suppressed comparison's sides may be null; issue 15: coverage and smallAnonymous); the
 * others at 1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitHandle } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

describe('--json', () => {
  it('gives one document per command, schema first', async () => {
    const dir = tempDir('tusoi-json-');
    const cell = unitHandle(dir, join(dir, 'cell.sqlite'));
    const du = unitHandle(dir, join(dir, 'du.sqlite'));
    const small = join(import.meta.dirname, '../fixtures/questionnaires/small.yaml');
    const form = join(dir, 'form.csv');
    writeFileSync(form, 'behaviour;level\r\nA1.1;khong\r\nA1.2;thinh-thoang\r\nA2.1;khong\r\nB1.1;khong\r\nB1.2;khong\r\n');
    writeFileSync(join(dir, 'units.csv'), 'code;name;level\r\nCB03;Chi bộ Văn phòng;chi-bo\r\n');
    const steps: Array<[string, ReturnType<typeof unitHandle>, string[]]> = [
      ['init', cell, ['init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng', '--parent', 'DU01']],
      ['member add', cell, ['member', 'add', 'Nguyễn Văn An', 'Trần Thị Bình']],
      ['member list', cell, ['member', 'list']],
      ['round open', cell, ['round', 'open', '--label', '2026', '--questionnaire', small]],
      ['answer --answers', cell, ['answer', '--member', 'Nguyễn Văn An', '--answers', form]],
      ['response reopen', cell, ['response', 'reopen', '--member', 'Nguyễn Văn An']],
      ['measure add', cell, ['measure', 'add', 'Họp đúng giờ']],
      ['measure list', cell, ['measure', 'list']],
      ['measure done', cell, ['measure', 'done', '1']],
      ['status', cell, ['status']],
      ['member remove', cell, ['member', 'remove', 'Trần Thị Bình']],
      ['round close', cell, ['round', 'close']],
      ['round list', cell, ['round', 'list']],
      ['report', cell, ['report']],
      ['export', cell, ['export', '--out', 'CB03.csv']],
      ['init (committee)', du, ['init', '--unit-code', 'DU01', '--unit-name', 'Đảng ủy', '--level', 'dang-uy-co-so']],
      ['unit import', du, ['unit', 'import', 'units.csv']],
      ['unit list', du, ['unit', 'list']],
      ['round open (committee)', du, ['round', 'open', '--label', '2026', '--questionnaire', small]],
      ['merge', du, ['merge', 'CB03.csv']],
      ['status (committee)', du, ['status']],
      ['questionnaire list', cell, ['questionnaire', 'list']],
      ['questionnaire show', cell, ['questionnaire', 'show', small]],
      ['questionnaire validate', cell, ['questionnaire', 'validate', small]],
    ];
    for (const [name, unit, args] of steps) {
      const r = await unit.cli([...args, '--json']);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      const doc = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(doc)[0], name).toBe('schema');
      expect(doc.schema, name).toBe(name === 'report' ? 3 : 1);
    }
  });
});
