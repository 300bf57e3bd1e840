/**
 * An Excel workbook (.xlsx, Office Open XML) as a table source: the first
 * worksheet, its rows by row number and its cells by column letter, shared and
 * inline strings resolved, numbers as Excel stored them (a code typed 0123
 * comes back as 123, which is what the member reader must see). Read with
 * `node:zlib` alone: a zip's central directory, then a few XML parts, scanned
 * for the handful of elements a table needs. Formulas give their cached value;
 * styles, dates and merged cells are not interpreted.
 *
 * Nothing here throws for bad data: a file that is not a readable workbook is
 * one `broken` result with what went wrong.
 */
import { inflateRawSync } from 'node:zlib';
import type { SourceRow, TableSource } from './table-source.js';

/** No part of a member list comes near this once inflated; a zip bomb stops here. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

export type WorkbookRead = { readonly ok: true; readonly source: TableSource } | { readonly ok: false; readonly detail: string };

class BrokenWorkbook extends Error {
  override name = 'BrokenWorkbook';
}

function zipEntries(b: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new BrokenWorkbook('no zip directory');
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) throw new BrokenWorkbook('damaged zip directory');
    const nameLength = b.readUInt16LE(at + 28);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, { method: b.readUInt16LE(at + 10), compressedSize: b.readUInt32LE(at + 20), localOffset: b.readUInt32LE(at + 42) });
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return entries;
}

function zipPart(b: Buffer, entries: Map<string, ZipEntry>, name: string): string | undefined {
  const e = entries.get(name);
  if (!e) return undefined;
  if (e.localOffset + 30 > b.length || b.readUInt32LE(e.localOffset) !== 0x04034b50) throw new BrokenWorkbook(`damaged entry ${name}`);
  const start = e.localOffset + 30 + b.readUInt16LE(e.localOffset + 26) + b.readUInt16LE(e.localOffset + 28);
  const data = b.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data.toString('utf8');
  if (e.method !== 8) throw new BrokenWorkbook(`entry ${name} compressed with method ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }).toString('utf8');
  } catch (cause) {
    throw new BrokenWorkbook(`entry ${name}: ${(cause as Error).message}`);
  }
}

/** XML text to characters: the five entities, numeric references, and OOXML's `_x000D_` escapes. */
function xmlText(s: string): string {
  return s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/gu, (_, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/gu)) out.set(m[1]!, xmlText(m[2]!));
  return out;
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

function sheetRows(xml: string, shared: ReadonlyArray<string>): SourceRow[] {
  const rows: SourceRow[] = [];
  let previous = 0;
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/gu)) {
    const line = Number(attributes(r[1]!).get('r') ?? previous + 1);
    previous = line;
    const cells: string[] = [];
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu)) {
      const attrs = attributes(c[1]!);
      const body = c[2] ?? '';
      const col = columnOf(attrs.get('r')) ?? cells.length;
      const type = attrs.get('t');
      const raw = /<v\b[^>]*>([\s\S]*?)<\/v>/u.exec(body)?.[1];
      let value: string;
      if (type === 's') value = shared[Number(raw)] ?? '';
      else if (type === 'inlineStr') value = itemText(/<is\b[^>]*>([\s\S]*?)<\/is>/u.exec(body)?.[1] ?? '');
      else value = raw === undefined ? '' : xmlText(raw);
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    rows.push({ line, cells });
  }
  return rows;
}

/** A part's path from a relationship target, relative to `xl/` or absolute. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//u, '')}`;
}

/** The first worksheet of an .xlsx file as a table source. */
export function readXlsxSource(bytes: Uint8Array, file: string): WorkbookRead {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const entries = zipEntries(b);
    const workbook = zipPart(b, entries, 'xl/workbook.xml');
    if (workbook === undefined) throw new BrokenWorkbook('no xl/workbook.xml');
    const sheetTag = /<sheet\b[^>]*>/u.exec(workbook)?.[0];
    if (!sheetTag) throw new BrokenWorkbook('no worksheet');
    const sheet = attributes(sheetTag);
    const rels = zipPart(b, entries, 'xl/_rels/workbook.xml.rels') ?? '';
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/gu)].map((m) => attributes(m[0])).find((a) => a.get('Id') === sheet.get('r:id'));
    const path = rel?.get('Target') === undefined ? 'xl/worksheets/sheet1.xml' : partPath(rel.get('Target')!);
    const xml = zipPart(b, entries, path);
    if (xml === undefined) throw new BrokenWorkbook(`no ${path}`);
    const sharedXml = zipPart(b, entries, 'xl/sharedStrings.xml') ?? '';
    const shared = [...sharedXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/gu)].map((m) => itemText(m[1] ?? ''));
    return { ok: true, source: { file, origin: { kind: 'workbook', sheet: sheet.get('name') ?? '' }, rows: sheetRows(xml, shared) } };
  } catch (e) {
    if (e instanceof BrokenWorkbook || e instanceof RangeError) return { ok: false, detail: e.message };
    throw e;
  }
}
