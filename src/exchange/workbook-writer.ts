/**
 * The one workbook writer: a `SheetSpec[]` (sheet-spec.ts) as the bytes of an
 * .xlsx (Office Open XML, SpreadsheetML) or an .ods (OpenDocument) file, with
 * `node:zlib` alone (zip-write.ts). Numbers stay numbers with a number format
 * (integer, one decimal, percent with one decimal); header rows are frozen
 * and bold; column widths are set. Every text is XML-escaped, and characters
 * XML 1.0 forbids (control characters, lone surrogates) are dropped.
 *
 * NOTE: no library. Measured against write-excel-file 4.1.1 (README,
 * "Workbooks"): no library writes .ods, and ours is needed for it anyway.
 */
import type { NumberFormat, SheetCell, SheetSpec, WorkbookFormat } from './sheet-spec.js';
import { zipBytes, type ZipInput } from './zip-write.js';
import { columnLetter } from '../text/column-letter.js';

/** Characters XML 1.0 allows: tab, line ends, and everything from space up but surrogates and U+FFFE/U+FFFF. */
const FORBIDDEN = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an XML element or attribute. */
export function xmlEscape(s: string): string {
  // NOTE: a carriage return is a reference: an XML parser turns a literal one into a line feed.
  return s.replace(FORBIDDEN, '').replace(/[&<>"\r]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' })[c]!);
}

/** Excel's rule for sheet names, which LibreOffice keeps: 1–31 characters, none of : \ / ? * [ ], unique case-insensitively. */
export function sheetNames(names: ReadonlyArray<string>): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let base = raw.replace(FORBIDDEN, '').replace(/[:\\/?*[\]]/gu, ' ').replace(/^'+|'+$/gu, '').trim();
    if (base === '') base = `Sheet${i + 1}`;
    let name = [...base].slice(0, 31).join('');
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${[...base].slice(0, 31 - String(n).length - 1).join('')} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}


type Plain = { kind: 'text'; text: string } | { kind: 'number'; value: number; format: NumberFormat | undefined } | { kind: 'empty' };

function plain(c: SheetCell): Plain {
  if (c === null || c === undefined) return { kind: 'empty' };
  if (typeof c === 'string') return c === '' ? { kind: 'empty' } : { kind: 'text', text: c };
  const value = typeof c === 'number' ? c : c.value;
  // NaN and infinities have no cell: left empty rather than written as text.
  if (!Number.isFinite(value)) return { kind: 'empty' };
  return { kind: 'number', value, format: typeof c === 'number' ? undefined : c.format };
}

export function workbookBytes(format: WorkbookFormat, sheets: ReadonlyArray<SheetSpec>): Buffer {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const names = sheetNames(sheets.map((s) => s.name));
  return format === 'ods' ? odsBytes(sheets, names) : xlsxBytes(sheets, names);
}

// ---------------------------------------------------------------- .xlsx

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Style indexes in `cellXfs` (styles.xml below): 0 plain, 1–3 number formats, 4 bold text, 5–7 bold numbers. */
const XF: Record<NumberFormat | 'general', number> = { general: 0, integer: 1, decimal1: 2, percent1: 3 };
const BOLD = 4;

/**
 * OOXML reads `_xHHHH_` in a text as an escaped character; a text that holds
 * such a run literally has its underscore escaped (`_x005F_`), as Excel does.
 */
function ooxmlText(s: string): string {
  return xmlEscape(s).replace(/_(x[0-9A-Fa-f]{4}_)/gu, '_x005F_$1');
}

function xlsxStyles(): string {
  const xfs = (fontId: number) =>
    [`<xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${fontId ? ' applyFont="1"' : ''}/>`, ...[1, 164, 165].map((id) => `<xf numFmtId="${id}" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${fontId ? ' applyFont="1"' : ''}/>`)];
  return `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="8">${[...xfs(0), ...xfs(1)].join('')}</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

function xlsxSheet(sheet: SheetSpec, first: boolean, shared: (s: string) => number): string {
  const freeze = Math.max(0, Math.floor(sheet.freezeRows ?? 0));
  const out: string[] = [`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}>`];
  if (freeze > 0) out.push(`<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/>`);
  out.push('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>');
  const widths = sheet.widths ?? [];
  if (widths.length > 0) out.push(`<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, w)).toFixed(1)}" customWidth="1"/>`).join('')}</cols>`);
  out.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    const bold = r < freeze ? BOLD : 0;
    const cells: string[] = [];
    row.forEach((c, i) => {
      const p = plain(c);
      const ref = `${columnLetter(i)}${r + 1}`;
      if (p.kind === 'text') cells.push(`<c r="${ref}" t="s"${bold ? ` s="${bold}"` : ''}><v>${shared(p.text)}</v></c>`);
      else if (p.kind === 'number') {
        const s = XF[p.format ?? 'general'] + bold;
        cells.push(`<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${String(p.value)}</v></c>`);
      }
    });
    out.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  out.push('</sheetData></worksheet>');
  return out.join('');
}

function xlsxBytes(sheets: ReadonlyArray<SheetSpec>, names: ReadonlyArray<string>): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const sheetXml = sheets.map((s, i) => xlsxSheet(s, i === 0, shared));
  let uses = 0;
  for (const s of sheets) for (const row of s.rows) for (const c of row) if (plain(c).kind === 'text') uses++;
  const sst = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${uses}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t${/^\s|\s$/u.test(s) || s.includes('\n') ? ' xml:space="preserve"' : ''}>${ooxmlText(s)}</t></si>`)
    .join('')}</sst>`;
  const entries: ZipInput[] = [
    {
      name: '[Content_Types].xml',
      data: `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    },
    { name: '_rels/.rels', data: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}\
<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', data: xlsxStyles() },
    { name: 'xl/sharedStrings.xml', data: sst },
    ...sheetXml.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
  ];
  return zipBytes(entries);
}

// ---------------------------------------------------------------- .ods

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const ODS_NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
].join(' ');

/** A paragraph's text with OpenDocument's white space: runs of spaces as `<text:s>`, tabs as `<text:tab/>`. */
function odsParagraph(line: string): string {
  return xmlEscape(line)
    .replace(/\t/gu, '<text:tab/>')
    .replace(/^ | {2,}/gu, (run, at: number) => (at === 0 && run.length === 1 ? '<text:s/>' : at === 0 ? `<text:s text:c="${run.length}"/>` : ` <text:s text:c="${run.length - 1}"/>`))
    .replace(/ $/u, '<text:s/>');
}

const ODS_CELL_STYLE: Record<NumberFormat | 'general', string> = { general: 'ce0', integer: 'ce1', decimal1: 'ce2', percent1: 'ce3' };

function odsCell(c: SheetCell, bold: boolean): string {
  const p = plain(c);
  const b = bold ? 'b' : '';
  if (p.kind === 'empty') return '<table:table-cell/>';
  if (p.kind === 'text') {
    const paragraphs = p.text.replace(/\r\n?/gu, '\n').split('\n').map((l) => `<text:p>${odsParagraph(l)}</text:p>`).join('');
    return `<table:table-cell${bold ? ' table:style-name="ceb"' : ''} office:value-type="string">${paragraphs}</table:table-cell>`;
  }
  const style = `${ODS_CELL_STYLE[p.format ?? 'general']}${b}`;
  const v = String(p.value);
  if (p.format === 'percent1') return `<table:table-cell table:style-name="${style}" office:value-type="percentage" office:value="${v}"><text:p>${(p.value * 100).toFixed(1)}%</text:p></table:table-cell>`;
  const shown = p.format === 'integer' ? p.value.toFixed(0) : p.format === 'decimal1' ? p.value.toFixed(1) : v;
  return `<table:table-cell table:style-name="${style}" office:value-type="float" office:value="${v}"><text:p>${shown}</text:p></table:table-cell>`;
}

function odsStyles(widths: ReadonlyArray<number>): string {
  const num = (name: string, decimals: number, percent: boolean) =>
    `<number:${percent ? 'percentage' : 'number'}-style style:name="${name}"><number:number number:decimal-places="${decimals}" number:min-decimal-places="${decimals}" number:min-integer-digits="1"/>${percent ? '<number:text>%</number:text>' : ''}</number:${percent ? 'percentage' : 'number'}-style>`;
  const cell = (name: string, data: string | undefined, bold: boolean) =>
    `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${data ? ` style:data-style-name="${data}"` : ''}>${bold ? '<style:text-properties fo:font-weight="bold"/>' : ''}</style:style>`;
  const cells = (['general', 'integer', 'decimal1', 'percent1'] as const).flatMap((f, i) => {
    const data = [undefined, 'N0', 'N1', 'N2'][i];
    return [cell(ODS_CELL_STYLE[f], data, false), cell(`${ODS_CELL_STYLE[f]}b`, data, true)];
  });
  return [
    num('N0', 0, false),
    num('N1', 1, false),
    num('N2', 1, true),
    ...cells,
    cell('ceb', undefined, true),
    // One column style per distinct width (in characters: about 0.21 cm each at 10 pt).
    ...[...new Set(widths)].map((w) => `<style:style style:name="co${w}" style:family="table-column"><style:table-column-properties style:column-width="${(Math.max(1, w) * 0.21).toFixed(2)}cm"/></style:style>`),
  ].join('');
}

function odsBytes(sheets: ReadonlyArray<SheetSpec>, names: ReadonlyArray<string>): Buffer {
  const widths = sheets.flatMap((s) => (s.widths ?? []).map((w) => Math.round(w)));
  const tables = sheets.map((s, i) => {
    const freeze = Math.max(0, Math.floor(s.freezeRows ?? 0));
    const columns = (s.widths ?? []).map((w) => `<table:table-column table:style-name="co${Math.round(w)}"/>`).join('');
    const rows = s.rows.map((row, r) => `<table:table-row>${row.length === 0 ? '<table:table-cell/>' : row.map((c) => odsCell(c, r < freeze)).join('')}</table:table-row>`).join('');
    return `<table:table table:name="${xmlEscape(names[i]!)}">${columns}${rows || '<table:table-row><table:table-cell/></table:table-row>'}</table:table>`;
  });
  const content = `${XML_HEAD}<office:document-content ${ODS_NS} office:version="1.2"><office:automatic-styles>${odsStyles(widths)}</office:automatic-styles><office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document-content>`;
  const item = (name: string, type: string, value: string | number) => `<config:config-item config:name="${name}" config:type="${type}">${value}</config:config-item>`;
  // Frozen rows live in LibreOffice's view settings: a horizontal split line (mode 2 = frozen) after the header rows.
  const perTable = sheets
    .map((s, i) => {
      const freeze = Math.max(0, Math.floor(s.freezeRows ?? 0));
      if (freeze === 0) return '';
      return `<config:config-item-map-entry config:name="${xmlEscape(names[i]!)}">${item('HorizontalSplitMode', 'short', 0)}${item('VerticalSplitMode', 'short', 2)}${item('HorizontalSplitPosition', 'int', 0)}${item('VerticalSplitPosition', 'int', freeze)}${item('ActiveSplitRange', 'short', 2)}${item('PositionLeft', 'int', 0)}${item('PositionRight', 'int', 0)}${item('PositionTop', 'int', 0)}${item('PositionBottom', 'int', freeze)}</config:config-item-map-entry>`;
    })
    .join('');
  const settings = `${XML_HEAD}<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2"><office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>${item('ViewId', 'string', 'view1')}<config:config-item-map-named config:name="Tables">${perTable}</config:config-item-map-named>${item('ActiveTable', 'string', xmlEscape(names[0]!))}</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>`;
  const styles = `${XML_HEAD}<office:document-styles ${ODS_NS} office:version="1.2"><office:styles><style:style style:name="Default" style:family="table-cell"/></office:styles></office:document-styles>`;
  const manifest = `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${ODS_MIME}"/>${['content.xml', 'styles.xml', 'settings.xml'].map((f) => `<manifest:file-entry manifest:full-path="${f}" manifest:media-type="text/xml"/>`).join('')}</manifest:manifest>`;
  return zipBytes([
    // The first entry, stored: how a reader recognises an OpenDocument file (ODF 1.2 part 3, §3.3).
    { name: 'mimetype', data: ODS_MIME, store: true },
    { name: 'content.xml', data: content },
    { name: 'styles.xml', data: styles },
    { name: 'settings.xml', data: settings },
    { name: 'META-INF/manifest.xml', data: manifest },
  ]);
}
