/**
 * FOR THE LEAD: enable after branch w1 (the workbook writer,
 * `src/exchange/workbook-writer.ts`) is merged; it cannot pass before.
 * `questionnaire export --format xlsx|ods` → `questionnaire import` through
 * the real compiled CLI keeps the bundled questionnaire's content hash, and
 * the workbook has the two sheets, read back by the table reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookSheets } from '../../src/exchange/xlsx-source.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const CONTENT_SHA256 = 'e17782f2bdf53df97c9213aac2d00b3cd40e8ad24e254c32dc0c1edf4741b75e';

describe('questionnaire export --format xlsx|ods → import', () => {
  for (const format of ['xlsx', 'ods'] as const) {
    it(`${format}: the same content hash, sheets "behaviours" and "settings"`, () => {
      const dir = tempDir();
      const out = runCli(['questionnaire', 'export', 'nq4-khoa-xii', '--out', `bo.${format}`], { cwd: dir });
      expect(out.status, out.stderr).toBe(0);
      const read = readWorkbookSheets(readFileSync(join(dir, `bo.${format}`)), `bo.${format}`, format);
      expect(read.ok && read.sheets.map((s) => [s.origin.sheet, s.rows.length])).toEqual([
        ['behaviours', 112],
        ['settings', 14],
      ]);
      const back = runCli(['questionnaire', 'import', `bo.${format}`, '--out', 'bo.yaml', '--json'], { cwd: dir });
      expect(back.status, back.stderr).toBe(0);
      expect(JSON.parse(back.stdout)).toMatchObject({ written: true, sha256: CONTENT_SHA256 });
      const valid = runCli(['questionnaire', 'validate', 'bo.yaml', '--json'], { cwd: dir });
      expect((JSON.parse(valid.stdout) as { files: Array<{ sha256: string }> }).files[0]!.sha256).toBe(CONTENT_SHA256);
    });
  }
});
