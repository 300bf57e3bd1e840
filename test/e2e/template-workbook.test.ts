/**
 * `tusoi answer --template FILE.xlsx|.ods` (issue 16, part 2, written by the
 * workbook writer of part 3): the blank sheet owner-only, member names with
 * XML specials intact above the codes, the header rows frozen; filled in (its
 * cells typed into the written file, numbers and labels as a secretary would)
 * it enters through `answer --answers` with the counts of the filling.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmlEscape } from '../../src/exchange/workbook-writer.js';
import { columnLetter as columnLetters } from '../../src/text/column-letter.js';
import { zipBytes } from '../../src/exchange/zip-write.js';
import { en } from '../../src/i18n/en.js';
import { reportOf } from '../support/bloc.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { workbookSheets, zipTexts } from '../support/workbook.js';

const FIX = new URL('../fixtures/sheets/', import.meta.url).pathname;
const posix = process.platform !== 'win32';
const SPECIAL = 'Lê "Bé" <Ba> & Cộng (&amp;)';
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;
const LABELS = ['Không', 'thỉnh thoảng', 'THƯỜNG XUYÊN'];

async function cell(round: string[]): Promise<TempCell> {
  const c = await tempCell({ round });
  for (const args of [['member', 'import', join(FIX, 'members.csv')], ['member', 'add', SPECIAL]]) {
    const r = await c.cli(args);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return c;
}

/** The level typed for behaviour `i`, column `j`: 0, 1 or 2. */
const levelAt = (i: number, j: number): number => (i * 7 + j * 3 + (i % 5)) % 3;

/**
 * The template with every answer cell filled, edited in its own XML (what an
 * office suite saves is tested in the .slow test): even columns as numbers
 * (1–3), odd columns as level labels.
 */
function fill(bytes: Buffer, format: 'xlsx' | 'ods', firstRow: number, columns: number): Buffer {
  const parts = zipTexts(bytes);
  if (format === 'xlsx') {
    let i = -1;
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.replace(/<row r="(\d+)">([\s\S]*?)<\/row>/gu, (all, r: string, body: string) => {
      if (Number(r) < firstRow) return all;
      i++;
      const cells = Array.from({ length: columns }, (_, j) => {
        const ref = `${columnLetters(2 + j)}${r}`;
        const l = levelAt(i, j);
        return j % 2 === 0 ? `<c r="${ref}"><v>${l + 1}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(LABELS[l]!)}</t></is></c>`;
      });
      return `<row r="${r}">${body}${cells.join('')}</row>`;
    });
    parts.set('xl/worksheets/sheet1.xml', sheet);
  } else {
    let row = 0;
    const content = parts.get('content.xml')!.replace(/<table:table-row>([\s\S]*?)<\/table:table-row>/gu, (all, body: string) => {
      const i = row++ - (firstRow - 1);
      if (i < 0) return all;
      let j = 0;
      const filled = body.replace(/<table:table-cell\/>/gu, () => {
        const l = levelAt(i, j);
        const c = j++ % 2 === 0 ? `<table:table-cell office:value-type="float" office:value="${l + 1}"><text:p>${l + 1}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${xmlEscape(LABELS[l]!)}</text:p></table:table-cell>`;
        return c;
      });
      return `<table:table-row>${filled}</table:table-row>`;
    });
    parts.set('content.xml', content);
  }
  return zipBytes([...parts].map(([name, data]) => ({ name, data, store: name === 'mimetype' })));
}

/** Counts per behaviour × level of the filling, counted here. */
function fillingCounts(ids: ReadonlyArray<string>, columns: number): Map<string, Record<string, number>> {
  return new Map(
    ids.map((id, i) => {
      const c: Record<string, number> = { khong: 0, 'thinh-thoang': 0, 'thuong-xuyen': 0 };
      for (let j = 0; j < columns; j++) c[LEVELS[levelAt(i, j)]!]!++;
      return [id, c];
    }),
  );
}

describe('answer --template FILE.xlsx|.ods', () => {
  for (const format of ['xlsx', 'ods'] as const) {
    it(`${format}: owner-only, names above codes (XML specials intact), header rows frozen; filled in, it enters with the right counts`, async () => {
      const c = await cell(['--label', '2026']);
      const r = await c.cli(['answer', '--template', `phieu.${format}`, '--lang', 'en']);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain(en.sheets.templateWritten(`phieu.${format}`, 6, false).split('\n')[0]);
      const file = join(c.dir, `phieu.${format}`);
      if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
      const bytes = readFileSync(file);
      const rows = workbookSheets(bytes, format).get(en.workbook.formsSheet)!;
      expect(rows[0]!.map((x) => x.text)).toEqual(['', '', SPECIAL, 'Nguyễn Văn An', 'Hoàng Minh Đức', 'Phạm Thị Hương', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng']);
      expect(rows[1]!.map((x) => x.text)).toEqual(['Behaviour id', 'Text', 'M001', 'CB03-001', 'CB03-005', 'CB03-004', 'CB03-002', 'CB03-003']);
      expect(rows.length).toBe(2 + 111);
      const xml = [...zipTexts(bytes).values()].join('');
      expect(xml).toContain(format === 'xlsx' ? '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>' : '<config:config-item config:name="VerticalSplitPosition" config:type="int">2</config:config-item>');

      const ids = rows.slice(2).map((x) => x[0]!.text);
      writeFileSync(file, fill(bytes, format, 3, 6));
      const e = await c.cli(['answer', '--answers', `phieu.${format}`, '--lang', 'en']);
      expect([e.status, e.stderr]).toEqual([0, '']);
      expect(e.stdout).toContain(en.sheets.namedReminder(`phieu.${format}`));
      expect(new Map((await reportOf(c)).behaviours.map((b) => [b.id, b.counts]))).toEqual(fillingCounts(ids, 6));
    });
  }

  it('xlsx, anonymous round: numbered ballot columns; filled in, entered with --participants', async () => {
    const c = await cell(['--label', '2026', '--anonymous']);
    expect((await c.cli(['answer', '--template', 'b.xlsx', '--lang', 'en'])).status).toBe(0);
    const bytes = readFileSync(join(c.dir, 'b.xlsx'));
    const rows = workbookSheets(bytes, 'xlsx').get(en.workbook.formsSheet)!;
    expect(rows[0]!.map((x) => x.text)).toEqual(['Behaviour id', 'Text', ...[1, 2, 3, 4, 5, 6].map((n) => en.sheets.ballotHeader(n))]);
    expect([...zipTexts(bytes).values()].join('')).not.toContain('Nguyễn');
    writeFileSync(join(c.dir, 'b.xlsx'), fill(bytes, 'xlsx', 2, 6));
    const e = await c.cli(['answer', '--answers', 'b.xlsx', '--participants', 'CB03-001,CB03-002,CB03-003,CB03-004,CB03-005,M001']);
    expect([e.status, e.stderr]).toEqual([0, '']);
    expect((await c.cli(['round', 'close'])).status).toBe(0);
    expect(new Map((await reportOf(c)).behaviours.map((b) => [b.id, b.counts]))).toEqual(fillingCounts(rows.slice(1).map((x) => x[0]!.text), 6));
  });
});
