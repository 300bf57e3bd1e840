/**
 * `questionnaire export --format xlsx|ods`: the questionnaire's sheets
 * (`exchange/questionnaire-sheets.ts`) through the one workbook writer
 * (`exchange/workbook-writer.ts`, issue 16 part 3, branch w1). Imported
 * lazily by that command alone.
 *
 * NOTE: compiles once branch w1 is merged (its workbook-writer.ts, committed
 * there in 1cad4bf); the test is test/cli/questionnaire-workbook.test.ts, added then.
 */
import type { SheetSpec, WorkbookFormat } from '../exchange/sheet-spec.js';
import { workbookBytes } from '../exchange/workbook-writer.js';

export function questionnaireWorkbook(format: WorkbookFormat, sheets: ReadonlyArray<SheetSpec>): Uint8Array {
  return workbookBytes(format, sheets);
}
