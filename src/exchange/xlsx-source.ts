/**
 * Workbooks (.xlsx, Office Open XML; .ods, OpenDocument) as table sources:
 * every worksheet, its rows by row number and its cells by column, read with
 * `node:zlib` alone (`zip.ts`) and a scan for the handful of XML elements a
 * table needs. Strings come as typed; numbers as their shortest text (a code
 * typed 0123 comes back as 123, which the member reader must see); a number
 * formatted as a date or time as `YYYY-MM-DDTHH:MM:SSZ`. Each cell says which
 * it was (`kinds`), so a reader can tell a number the office suite made from
 * text that was typed. Formulas give their cached value; merged cells and
 * other styles are not interpreted.
 *
 * The zip is capped before any XML is parsed (`WORKBOOK_CAPS`: bytes once
 * inflated, sheets, cells). Nothing here throws for bad data: a file that is
 * not a readable workbook is one `broken` result with what went wrong.
 *
 * NOTE: no library. Measured on a 5,000-row LibreOffice sheet against
 * exceljs 4.4.0 and read-excel-file 9.3.17 (README, "Workbooks"): this scan
 * is the fastest of the three, needs no install, and reads .ods too, which
 * neither library does.
 */
import type { CellKind, SourceRow, TableSource, WorkbookOrigin } from './table-source.js';
import { attribute, attributes, BrokenZip, WORKBOOK_CAPS, xmlText, Zip } from './zip.js';

export type WorkbookRead =
  | { readonly ok: true; readonly sheets: ReadonlyArray<TableSource<WorkbookOrigin>> }
  | { readonly ok: false; readonly detail: string; readonly tooLarge: boolean };

class Cells {
  count = 0;
  add(sheet: string): void {
    if (++this.count > WORKBOOK_CAPS.cells) throw new BrokenZip(`sheet "${sheet}" has more than ${WORKBOOK_CAPS.cells.toLocaleString('en')} cells`, true);
  }
}

/** A number as its shortest text: 2026.1, 123, 0.625. */
export function numberText(raw: string): string {
  const n = Number(raw);
  return Number.isFinite(n) && raw.trim() !== '' ? String(n) : raw;
}

/** An Excel serial date (days since 1899-12-30, the 1900 system) as `YYYY-MM-DDTHH:MM:SSZ`. */
export function serialDate(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  const ms = Math.round((n - 25569) * 86400) * 1000;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
function itemText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/gu, '');
  return [...plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/gu)].map((m) => xmlText(m[1] ?? '')).join('');
}

/** "B12" → column 1 (0-based); undefined when the reference has no letters. */
function columnOf(ref: string | undefined): number | undefined {
  const letters = /^([A-Z]+)\d*$/u.exec(ref ?? '')?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30), and custom ones with date letters. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
function dateStyles(styles: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/gu)) {
    const a = attributes(m[0]);
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const isDate = (id: number): boolean => {
    if (DATE_FORMAT_IDS.has(id)) return true;
    const code = custom.get(id);
    // A date or time code: y, d, h or s outside quotes and brackets ([Red], "text").
    return code !== undefined && /[ydhs]/iu.test(code.replace(/"[^"]*"|\[[^\]]*\]/gu, '')) && !/^general$/iu.test(code);
  };
  const out = new Set<number>();
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/u.exec(styles)?.[1] ?? '';
  [...xfs.matchAll(/<xf\b[^>]*>/gu)].forEach((m, i) => {
    if (isDate(Number(attributes(m[0]).get('numFmtId') ?? 0))) out.add(i);
  });
  return out;
}

function sheetRows(xml: string, shared: ReadonlyArray<string>, dates: ReadonlySet<number>, name: string, cap: Cells): SourceRow[] {
  const rows: SourceRow[] = [];
  let previous = 0;
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/gu)) {
    const line = Number(attribute(r[1]!, 'r') ?? previous + 1);
    previous = line;
    const cells: string[] = [];
    const kinds: CellKind[] = [];
    // A cell without a reference is the one after the previous cell, empty or not (ECMA-376 makes `r` optional).
    let next = 0;
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu)) {
      const tag = c[1]!;
      const body = c[2] ?? '';
      const col = columnOf(attribute(tag, 'r')) ?? next;
      next = col + 1;
      const type = attribute(tag, 't') ?? 'n';
      const raw = /<v\b[^>]*>([\s\S]*?)<\/v>/u.exec(body)?.[1];
      let value: string;
      let kind: CellKind = 'text';
      if (type === 's') value = shared[Number(raw)] ?? '';
      else if (type === 'inlineStr') value = itemText(/<is\b[^>]*>([\s\S]*?)<\/is>/u.exec(body)?.[1] ?? '');
      else if (raw === undefined) value = '';
      else if (type === 'n' && dates.has(Number(attribute(tag, 's') ?? 0))) {
        value = serialDate(xmlText(raw));
        kind = 'date';
      } else if (type === 'n') {
        value = numberText(xmlText(raw));
        kind = 'number';
      } else value = xmlText(raw);
      if (value === '') continue;
      cap.add(name);
      while (cells.length < col) {
        cells.push('');
        kinds.push('text');
      }
      cells[col] = value;
      kinds[col] = kind;
    }
    rows.push({ line, cells, kinds });
  }
  return rows;
}

/** A part's path from a relationship target, relative to `xl/` or absolute. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//u, '')}`;
}

function xlsxSheets(zip: Zip, file: string): TableSource<WorkbookOrigin>[] {
  const workbook = zip.text('xl/workbook.xml');
  if (workbook === undefined) throw new BrokenZip('no xl/workbook.xml');
  const tags = [...workbook.matchAll(/<sheet\b[^>]*>/gu)].map((m) => attributes(m[0]));
  if (tags.length === 0) throw new BrokenZip('no worksheet');
  if (tags.length > WORKBOOK_CAPS.sheets) throw new BrokenZip(`${tags.length} sheets (at most ${WORKBOOK_CAPS.sheets})`, true);
  const rels = [...(zip.text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/gu)].map((m) => attributes(m[0]));
  const sharedXml = zip.text('xl/sharedStrings.xml') ?? '';
  const shared = [...sharedXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/gu)].map((m) => itemText(m[1] ?? ''));
  const dates = dateStyles(zip.text('xl/styles.xml') ?? '');
  return tags.map((sheet, i) => {
    const rel = rels.find((a) => a.get('Id') === sheet.get('r:id'));
    const path = rel?.get('Target') === undefined ? `xl/worksheets/sheet${i + 1}.xml` : partPath(rel.get('Target')!);
    const xml = zip.text(path);
    if (xml === undefined) throw new BrokenZip(`no ${path}`);
    const name = sheet.get('name') ?? '';
    return { file, origin: { kind: 'workbook', sheet: name }, rows: sheetRows(xml, shared, dates, name, new Cells()) };
  });
}

/** The text of an OpenDocument cell: its paragraphs joined by line ends, `<text:s>` spaces, tabs and breaks kept. */
function odsText(xml: string): string {
  const paragraphs = [...xml.matchAll(/<text:(?:p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:(?:p|h)>)/gu)].map((m) =>
    xmlText(
      (m[1] ?? '')
        .replace(/<text:s\b([^>]*?)\/>/gu, (_, a: string) => ' '.repeat(Number(attributes(a, false).get('text:c') ?? 1)))
        .replace(/<text:tab\b[^>]*\/>/gu, '\t')
        .replace(/<text:line-break\b[^>]*\/>/gu, '\n')
        .replace(/<text:note\b[\s\S]*?<\/text:note>/gu, '')
        .replace(/<[^>]+>/gu, ''),
      false,
    ),
  );
  return paragraphs.join('\n');
}

/** Repeats are how OpenDocument stores blank stretches: a blank row or cell repeated a million times costs nothing. */
const MAX_REPEAT = 1024;

function odsRows(xml: string, name: string, cap: Cells): SourceRow[] {
  const rows: SourceRow[] = [];
  let line = 0;
  for (const r of xml.matchAll(/<table:table-row(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/gu)) {
    const repeatRows = Number(attribute(r[1]!, 'table:number-rows-repeated', false) ?? 1);
    const cells: string[] = [];
    const kinds: CellKind[] = [];
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<table:(?:covered-)?table-cell(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/gu)) {
      const tag = c[1]!;
      const a = { get: (name: string) => attribute(tag, name, false) };
      const repeat = Number(a.get('table:number-columns-repeated') ?? 1);
      const type = a.get('office:value-type');
      let value: string;
      let kind: CellKind = 'text';
      if (type === 'float' || type === 'percentage' || type === 'currency') {
        value = numberText(a.get('office:value') ?? odsText(c[2] ?? ''));
        kind = 'number';
      } else if (type === 'date') {
        const d = a.get('office:date-value') ?? '';
        value = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/u.test(d) ? `${d.slice(0, 19)}Z` : /^\d{4}-\d\d-\d\d$/u.test(d) ? `${d}T00:00:00Z` : d;
        kind = 'date';
      } else value = type === undefined ? '' : odsText(c[2] ?? '');
      if (value === '') {
        col += repeat;
        continue;
      }
      const times = Math.min(repeat, MAX_REPEAT);
      for (let k = 0; k < times; k++) {
        cap.add(name);
        while (cells.length < col) {
          cells.push('');
          kinds.push('text');
        }
        cells[col] = value;
        kinds[col] = kind;
        col++;
      }
    }
    const times = cells.length === 0 ? 1 : Math.min(repeatRows, MAX_REPEAT);
    for (let k = 0; k < times; k++) {
      line++;
      if (cells.length > 0) rows.push({ line, cells, kinds });
    }
    if (cells.length === 0) line += repeatRows - 1;
  }
  return rows;
}

function odsSheets(zip: Zip, file: string): TableSource<WorkbookOrigin>[] {
  const content = zip.text('content.xml');
  if (content === undefined) throw new BrokenZip('no content.xml');
  const tables = [...content.matchAll(/<table:table(?=[\s>])([^>]*?)>([\s\S]*?)<\/table:table>/gu)];
  if (tables.length === 0) throw new BrokenZip('no worksheet');
  if (tables.length > WORKBOOK_CAPS.sheets) throw new BrokenZip(`${tables.length} sheets (at most ${WORKBOOK_CAPS.sheets})`, true);
  return tables.map((t) => {
    const name = attributes(t[1]!, false).get('table:name') ?? '';
    return { file, origin: { kind: 'workbook', sheet: name }, rows: odsRows(t[2]!, name, new Cells()) };
  });
}

/** Every worksheet of an .xlsx or .ods file, in the workbook's order. */
export function readWorkbookSheets(bytes: Uint8Array, file: string, format: 'xlsx' | 'ods'): WorkbookRead {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const zip = new Zip(b);
    return { ok: true, sheets: format === 'ods' ? odsSheets(zip, file) : xlsxSheets(zip, file) };
  } catch (e) {
    if (e instanceof BrokenZip) return { ok: false, detail: e.message, tooLarge: e.tooLarge };
    if (e instanceof RangeError) return { ok: false, detail: e.message, tooLarge: false };
    throw e;
  }
}

/** The first worksheet of an .xlsx file (kept for the callers of the first reader). */
export function readXlsxSource(bytes: Uint8Array, file: string): { ok: true; source: TableSource<WorkbookOrigin> } | { ok: false; detail: string } {
  const r = readWorkbookSheets(bytes, file, 'xlsx');
  return r.ok ? { ok: true, source: r.sheets[0]! } : { ok: false, detail: r.detail };
}
