/**
 * The little of a zip file a workbook reader needs (`node:zlib` alone): the
 * central directory, then one entry at a time inflated. Everything is capped
 * before and while inflating: the sizes the directory declares, and the bytes
 * inflate really gives (a lying directory stops there too), so a zip bomb is a
 * located refusal, never memory exhausted.
 */
import { inflateRawSync } from 'node:zlib';

/** Caps on a workbook before its XML is parsed: no member list, paper form or cell export comes near them. */
export const WORKBOOK_CAPS = {
  /** All entries together, once inflated. */
  totalBytes: 64 * 1024 * 1024,
  /** Worksheets in one workbook. */
  sheets: 64,
  /** Non-empty cells in one worksheet (a cell export is about 3,000; 60 forms about 7,000). */
  cells: 200_000,
  /** Entries in the zip. */
  entries: 4096,
} as const;

export interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** What was wrong with the zip, or a cap it went past (`tooLarge`). */
export class BrokenZip extends Error {
  override name = 'BrokenZip';
  readonly tooLarge: boolean;
  constructor(message: string, tooLarge = false) {
    super(message);
    this.tooLarge = tooLarge;
  }
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

export class Zip {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;
  private readonly b: Buffer;
  constructor(b: Buffer) {
    this.b = b;
    // The end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 KiB.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new BrokenZip('no zip directory');
    const count = b.readUInt16LE(eocd + 10);
    if (count > WORKBOOK_CAPS.entries) throw new BrokenZip(`${count} entries (at most ${WORKBOOK_CAPS.entries})`, true);
    let at = b.readUInt32LE(eocd + 16);
    let declared = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) throw new BrokenZip('damaged zip directory');
      const nameLength = b.readUInt16LE(at + 28);
      const name = b.toString('utf8', at + 46, at + 46 + nameLength);
      const size = b.readUInt32LE(at + 24);
      declared += size;
      this.entries.set(name, { method: b.readUInt16LE(at + 10), compressedSize: b.readUInt32LE(at + 20), size, localOffset: b.readUInt32LE(at + 42) });
      at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    }
    if (declared > WORKBOOK_CAPS.totalBytes) throw new BrokenZip(`${mb(declared)} once uncompressed (at most ${mb(WORKBOOK_CAPS.totalBytes)})`, true);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry's text, or undefined when the zip has none of that name. */
  text(name: string): string | undefined {
    const b = this.b;
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.localOffset + 30 > b.length || b.readUInt32LE(e.localOffset) !== 0x04034b50) throw new BrokenZip(`damaged entry ${name}`);
    const start = e.localOffset + 30 + b.readUInt16LE(e.localOffset + 26) + b.readUInt16LE(e.localOffset + 28);
    const data = b.subarray(start, start + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method !== 8) throw new BrokenZip(`entry ${name} compressed with method ${e.method}`);
    else {
      const room = WORKBOOK_CAPS.totalBytes - this.inflated;
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
      } catch (cause) {
        if (cause instanceof RangeError || (cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new BrokenZip(`more than ${mb(WORKBOOK_CAPS.totalBytes)} once uncompressed`, true);
        }
        throw new BrokenZip(`entry ${name}: ${(cause as Error).message}`);
      }
    }
    this.inflated += out.length;
    return out.toString('utf8');
  }
}

/** XML text to characters: the five entities, numeric references, and OOXML's `_x000D_` escapes (when `ooxml`). */
export function xmlText(s: string, ooxml = true): string {
  // Most values hold neither an entity nor an escape: measured, the replacements were half of reading a sheet.
  if (!s.includes('&') && (!ooxml || !s.includes('_x'))) return s;
  const t = s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/gu, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
  return ooxml ? t.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : t;
}

/**
 * One attribute of a start tag's attribute text (` r="B2" t="s"`), or
 * undefined: found by position, without building every attribute (a
 * LibreOffice row carries six the reader never needs).
 */
export function attribute(tag: string, name: string, ooxml = true): string | undefined {
  const key = `${name}="`;
  let i = tag.indexOf(key);
  while (i > 0 && !/\s/u.test(tag[i - 1]!)) i = tag.indexOf(key, i + 1);
  if (i < 0) return undefined;
  const start = i + key.length;
  const end = tag.indexOf('"', start);
  return end < 0 ? undefined : xmlText(tag.slice(start, end), ooxml);
}

export function attributes(tag: string, ooxml = true): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/gu)) out.set(m[1]!, xmlText(m[2]!, ooxml));
  return out;
}
