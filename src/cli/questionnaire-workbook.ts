/**
 * `questionnaire export --format xlsx|ods`: the questionnaire's sheets
 * (`exchange/questionnaire-sheets.ts`) through the one workbook writer
 * (`exchange/workbook-writer.ts`, issue 16 part 3, branch w1). Imported
 * lazily by that command alone.
 *
 * PLACEHOLDER (lead replaces at merge): the writer is not on this branch.
 * Once w1 is merged, this body becomes
 *
 *   import { workbookBytes } from '../exchange/workbook-writer.js';
 *   export function questionnaireWorkbook(format: WorkbookFormat, sheets: ReadonlyArray<SheetSpec>): Uint8Array {
 *     return workbookBytes(format, sheets);
 *   }
 *
 * and test/cli/questionnaire-workbook.test.ts (in the report) is added.
 */
import { UserError } from '../errors.js';
import type { SheetSpec, WorkbookFormat } from '../exchange/sheet-spec.js';

export function questionnaireWorkbook(format: WorkbookFormat, sheets: ReadonlyArray<SheetSpec>): Uint8Array {
  void sheets;
  throw new UserError('BAD_OPTION_VALUE', { option: '--format', value: format, allowed: 'csv' });
}
