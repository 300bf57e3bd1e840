/**
 * A forensic reader of SQLite files: the database and its `-wal`, read as
 * bytes, never through SQL (https://www.sqlite.org/fileformat2.html).
 *
 * Why it exists (issue 13): SQL shows rows in key order, but the file keeps
 * more. A b-tree page lists its cells in key order in the cell-pointer array,
 * yet allocates their content from the end of the page downward in the order
 * they are written, so the byte offset of each cell records when it was
 * written. Deleted cells become freeblocks whose bytes stay; freed pages keep
 * their old content; the write-ahead log keeps every version of every page,
 * in commit order. This module exposes all of that so a test can ask what an
 * attacker holding the file would learn; `sqlite-leaks.ts` does the asking.
 *
 * Pure test support: Node's Buffer and fs only, nothing from src/.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';

/** A decoded SQLite value: integers beyond 2^53 stay bigint; blobs stay bytes. */
export type SqlValue = null | number | bigint | string | Uint8Array;

/** The four b-tree page kinds (page header byte 0). WITHOUT ROWID tables use index pages. */
export type PageKind = 'table-leaf' | 'table-interior' | 'index-leaf' | 'index-interior';

const PAGE_KIND: Record<number, PageKind> = { 13: 'table-leaf', 5: 'table-interior', 10: 'index-leaf', 2: 'index-interior' };

export interface DbHeader {
  readonly pageSize: number;
  /** Bytes reserved at the end of each page (encryption, checksums): not part of the usable size. */
  readonly reserved: number;
  readonly usableSize: number;
  /** Pages in the file according to the header (the WAL may say more). */
  readonly pageCount: number;
  readonly freelistTrunk: number;
  readonly freelistCount: number;
  readonly textEncoding: number;
  readonly autoVacuum: boolean;
}

export interface WalFrame {
  /** Position in the WAL file, 0-based. */
  readonly index: number;
  /** Byte offset of the frame header in the WAL file. */
  readonly offset: number;
  readonly page: number;
  /** Non-zero on a commit frame: the database size in pages after the transaction. */
  readonly commitSize: number;
  /** The frame's salts equal the header's: it belongs to the current generation of the log. */
  readonly saltMatches: boolean;
  /** Part of the unbroken chain of valid checksums that SQLite would replay. */
  readonly chainValid: boolean;
  /** Chain-valid and at or before the last valid commit frame: part of the database now. */
  readonly committed: boolean;
  /** Transaction number among committed frames (0-based), -1 otherwise. */
  readonly txn: number;
  readonly data: Buffer;
}

export interface WalFile {
  readonly path: string;
  readonly pageSize: number;
  readonly checkpointSeq: number;
  readonly salt1: number;
  readonly salt2: number;
  readonly headerValid: boolean;
  readonly frames: ReadonlyArray<WalFrame>;
}

export interface Freeblock {
  readonly offset: number;
  readonly size: number;
}

/** One b-tree page, as its header and cell-pointer array describe it. */
export interface BtreePage {
  readonly page: number;
  readonly kind: PageKind;
  /** Offset of the b-tree header in the page: 100 on page 1 (the file header comes first), else 0. */
  readonly headerOffset: number;
  /** Offsets of the cells in key order (the cell-pointer array). */
  readonly cellOffsets: ReadonlyArray<number>;
  /** Start of the cell content area: everything written lives at or above it. */
  readonly contentStart: number;
  /** End of the cell-pointer array: the unallocated gap runs from here to contentStart. */
  readonly pointerEnd: number;
  readonly freeblocks: ReadonlyArray<Freeblock>;
  readonly fragmentedBytes: number;
  readonly rightChild?: number;
}

/** One cell of a b-tree. */
export interface Cell {
  readonly structure: string;
  readonly page: number;
  readonly kind: PageKind;
  /** Position in the page's cell-pointer array (key order within the page). */
  readonly slot: number;
  /** Byte offset of the cell in its page: allocated downward, so a higher offset was written earlier. */
  readonly offset: number;
  /** Bytes the cell occupies on its page (header, local payload, overflow pointer). */
  readonly size: number;
  readonly rowid?: number | bigint;
  readonly leftChild?: number;
  /** The decoded record (table leaf and index cells); for a rowid table the INTEGER PRIMARY KEY column reads NULL, see rowid. */
  readonly record?: ReadonlyArray<SqlValue>;
  readonly overflowPages: ReadonlyArray<number>;
}

/** A table or index of sqlite_schema with every page and cell of its b-tree. */
export interface Structure {
  readonly type: 'table' | 'index';
  readonly name: string;
  readonly table: string;
  readonly rootPage: number;
  readonly sql: string | null;
  /** A table stored as an index b-tree: the record is the primary key, then the other columns. */
  readonly withoutRowid: boolean;
  /** Every b-tree page, in the order the walk met them (root first, depth first). */
  readonly pages: ReadonlyArray<BtreePage>;
  /** Record-bearing cells (table leaves, index leaves and index interior cells) in key order. */
  readonly cells: ReadonlyArray<Cell>;
}

export type RegionKind = 'freeblock' | 'gap' | 'free-trunk' | 'free-leaf' | 'unreferenced-page';

/** Bytes not holding live content: where old content survives. */
export interface FreeRegion {
  readonly kind: RegionKind;
  readonly page: number;
  /** Offset of the region in its page. */
  readonly offset: number;
  readonly bytes: Buffer;
  /** The structure owning the page, for freeblocks and gaps. */
  readonly structure?: string;
}

export interface SqliteImage {
  readonly path: string;
  readonly header: DbHeader;
  /** Pages of the database as SQL sees it now: the file overlaid with the WAL's committed frames. */
  readonly pageCount: number;
  readonly wal?: WalFile;
  readonly structures: ReadonlyArray<Structure>;
  /** What each page is: a structure's name, `overflow:<name>`, `freelist-trunk`, `freelist-leaf`. */
  readonly pageOwner: ReadonlyMap<number, string>;
  /** A page as SQL sees it now. */
  page(n: number): Buffer;
  /** Free pages, freeblocks, unallocated gaps and pages nothing references. */
  freeRegions(): FreeRegion[];
}

// ---------------------------------------------------------------------------
// Bytes

/** A SQLite varint: 1–9 bytes, big-endian, 7 bits per byte, the ninth byte whole. */
export function readVarint(buf: Uint8Array, at: number): { value: bigint; length: number } {
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    const b = buf[at + i];
    if (b === undefined) throw new RangeError('varint past the end');
    value = (value << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) return { value, length: i + 1 };
  }
  const last = buf[at + 8];
  if (last === undefined) throw new RangeError('varint past the end');
  return { value: (value << 8n) | BigInt(last), length: 9 };
}

/** Fast path for the varints of headers, sizes and ids: plain numbers up to 7 bytes (49 bits). */
function varintNumber(buf: Uint8Array, at: number): { value: number; length: number } {
  let value = 0;
  for (let i = 0; i < 7; i++) {
    const b = buf[at + i];
    if (b === undefined) throw new RangeError('varint past the end');
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return { value, length: i + 1 };
  }
  const v = readVarint(buf, at);
  return { value: Number(v.value), length: v.length };
}

/** The varint encoding of a non-negative integer (to search for ids in raw bytes). */
export function encodeVarint(n: number | bigint): Buffer {
  let v = BigInt(n);
  if (v < 0n) v = BigInt.asUintN(64, v);
  if (v > 0x00ffffffffffffffn) {
    const out = Buffer.alloc(9);
    out[8] = Number(v & 0xffn);
    v >>= 8n;
    for (let i = 7; i >= 0; i--) {
      out[i] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    return out;
  }
  const bytes: number[] = [Number(v & 0x7fn)];
  v >>= 7n;
  while (v > 0n) {
    bytes.unshift(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  return Buffer.from(bytes);
}

/** The big-endian bytes of an integer as a record stores it (the smallest serial type that holds it). */
export function encodeRecordInt(n: number | bigint): Buffer {
  const v = BigInt(n);
  for (const size of [1, 2, 3, 4, 6, 8]) {
    const limit = 1n << BigInt(size * 8 - 1);
    if (v >= -limit && v < limit) {
      const out = Buffer.alloc(size);
      let u = BigInt.asUintN(size * 8, v);
      for (let i = size - 1; i >= 0; i--) {
        out[i] = Number(u & 0xffn);
        u >>= 8n;
      }
      return out;
    }
  }
  throw new RangeError('integer too large');
}

function intValue(big: bigint): number | bigint {
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/** Bytes a value of a serial type occupies in a record body; -1 for the reserved types 10 and 11. */
function serialSize(t: number): number {
  if (t <= 4) return t;
  if (t === 5) return 6;
  if (t === 6 || t === 7) return 8;
  if (t === 8 || t === 9) return 0;
  if (t === 10 || t === 11) return -1;
  return (t - (t % 2 === 0 ? 12 : 13)) / 2;
}

function readSigned(buf: Uint8Array, at: number, size: number): number | bigint {
  if (size <= 6) {
    // Up to 48 bits: exact in a double, no BigInt needed (most ids and every small integer).
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + buf[at + i]!;
    const top = 2 ** (size * 8);
    return n >= top / 2 ? n - top : n;
  }
  let v = 0n;
  for (let i = 0; i < size; i++) v = (v << 8n) | BigInt(buf[at + i]!);
  return intValue(BigInt.asIntN(size * 8, v));
}

/**
 * Decodes a record (header of serial types, then the values). Returns undefined
 * for bytes that are not a well-formed record (so carving can try every offset).
 */
export function decodeRecord(buf: Uint8Array, at = 0, end = buf.length, options: { strictText?: boolean } = {}): { values: SqlValue[]; length: number } | undefined {
  if (at >= end) return undefined;
  let h: { value: number; length: number };
  try {
    h = varintNumber(buf, at);
  } catch {
    return undefined;
  }
  const headerEnd = at + h.value;
  if (h.value < 1 || headerEnd > end) return undefined;
  const types: number[] = [];
  let p = at + h.length;
  while (p < headerEnd) {
    let t: { value: number; length: number };
    try {
      t = varintNumber(buf, p);
    } catch {
      return undefined;
    }
    if (serialSize(t.value) < 0) return undefined;
    types.push(t.value);
    p += t.length;
  }
  if (p !== headerEnd) return undefined;
  const values: SqlValue[] = [];
  let q = headerEnd;
  for (const t of types) {
    const size = serialSize(t);
    if (q + size > end) return undefined;
    if (t === 0) values.push(null);
    else if (t <= 6) values.push(readSigned(buf, q, size));
    else if (t === 7) values.push(Buffer.from(buf.buffer, buf.byteOffset + q, 8).readDoubleBE(0));
    else if (t === 8) values.push(0);
    else if (t === 9) values.push(1);
    else if (t % 2 === 0) values.push(Buffer.from(buf.subarray(q, q + size)));
    else {
      // NOTE: checked before decoding: a thrown TypeError per bad offset made carving slow.
      const bytes = buf.subarray(q, q + size);
      if (isUtf8(bytes)) values.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
      else if (options.strictText !== false) return undefined;
      else values.push(Buffer.from(bytes));
    }
    q += size;
  }
  return { values, length: q - at };
}

// ---------------------------------------------------------------------------
// The WAL

const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;

/** The WAL checksum: pairs of 32-bit words in the byte order the magic names. */
function walChecksum(buf: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * Every frame of a WAL, valid or not. SQLite replays frames while the salts
 * match the header and the running checksum holds, up to the last commit
 * frame; everything after (a torn write, an older generation of the log left
 * behind by a restart with new salts) is still on disk, hence `frames` lists
 * all of them, marked.
 */
export function readWal(path: string): WalFile | undefined {
  if (!existsSync(path)) return undefined;
  const buf = readFileSync(path);
  if (buf.length < 32) return undefined;
  const magic = buf.readUInt32BE(0);
  if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return undefined;
  const bigEndian = magic === WAL_MAGIC_BE;
  const pageSize = buf.readUInt32BE(8);
  const checkpointSeq = buf.readUInt32BE(12);
  const salt1 = buf.readUInt32BE(16);
  const salt2 = buf.readUInt32BE(20);
  let sum = walChecksum(buf, 0, 24, bigEndian, [0, 0]);
  const headerValid = sum[0] === buf.readUInt32BE(24) && sum[1] === buf.readUInt32BE(28);
  const raw: Array<Omit<WalFrame, 'committed' | 'txn'>> = [];
  let chain = headerValid;
  for (let off = 32; off + 24 + pageSize <= buf.length; off += 24 + pageSize) {
    const frameSalt1 = buf.readUInt32BE(off + 8);
    const frameSalt2 = buf.readUInt32BE(off + 12);
    const saltMatches = frameSalt1 === salt1 && frameSalt2 === salt2;
    if (chain && saltMatches) {
      sum = walChecksum(buf, off, off + 8, bigEndian, sum);
      sum = walChecksum(buf, off + 24, off + 24 + pageSize, bigEndian, sum);
      chain = sum[0] === buf.readUInt32BE(off + 16) && sum[1] === buf.readUInt32BE(off + 20);
    } else chain = false;
    raw.push({
      index: raw.length,
      offset: off,
      page: buf.readUInt32BE(off),
      commitSize: buf.readUInt32BE(off + 4),
      saltMatches,
      chainValid: chain,
      data: buf.subarray(off + 24, off + 24 + pageSize),
    });
  }
  let lastCommit = -1;
  for (const f of raw) if (f.chainValid && f.commitSize > 0) lastCommit = f.index;
  let txn = 0;
  const frames = raw.map((f) => {
    const committed = f.chainValid && f.index <= lastCommit;
    const frame: WalFrame = { ...f, committed, txn: committed ? txn : -1 };
    if (committed && f.commitSize > 0) txn++;
    return frame;
  });
  return { path, pageSize, checkpointSeq, salt1, salt2, headerValid, frames };
}

// ---------------------------------------------------------------------------
// Pages and cells

function readHeader(file: Buffer): DbHeader {
  if (file.length < 100 || file.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') throw new Error('not a SQLite database');
  const raw = file.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const reserved = file[20]!;
  return {
    pageSize,
    reserved,
    usableSize: pageSize - reserved,
    pageCount: file.readUInt32BE(28),
    freelistTrunk: file.readUInt32BE(32),
    freelistCount: file.readUInt32BE(36),
    textEncoding: file.readUInt32BE(56),
    autoVacuum: file.readUInt32BE(52) !== 0,
  };
}

/** Parses a page's b-tree header, cell-pointer array and freeblock chain; undefined if it is no b-tree page. */
export function parseBtreePage(data: Buffer, page: number, usableSize: number): BtreePage | undefined {
  const headerOffset = page === 1 ? 100 : 0;
  const kind = PAGE_KIND[data[headerOffset]!];
  if (!kind) return undefined;
  const interior = kind.endsWith('interior');
  const nCells = data.readUInt16BE(headerOffset + 3);
  const rawStart = data.readUInt16BE(headerOffset + 5);
  const contentStart = rawStart === 0 ? 65536 : rawStart;
  const pointerStart = headerOffset + (interior ? 12 : 8);
  const pointerEnd = pointerStart + 2 * nCells;
  if (pointerEnd > usableSize || contentStart > usableSize) return undefined;
  const cellOffsets: number[] = [];
  for (let i = 0; i < nCells; i++) cellOffsets.push(data.readUInt16BE(pointerStart + 2 * i));
  // Freeblocks: a chain in increasing offset order, each [next: u16][size: u16][old bytes...].
  // Only their first four bytes are overwritten: the rest of the deleted cell stays.
  const freeblocks: Freeblock[] = [];
  for (let fb = data.readUInt16BE(headerOffset + 1), guard = 0; fb !== 0 && guard < 10_000; guard++) {
    if (fb + 4 > usableSize) break;
    const size = data.readUInt16BE(fb + 2);
    freeblocks.push({ offset: fb, size: Math.min(size, usableSize - fb) });
    const next = data.readUInt16BE(fb);
    if (next !== 0 && next <= fb) break;
    fb = next;
  }
  return {
    page,
    kind,
    headerOffset,
    cellOffsets,
    contentStart,
    pointerEnd,
    freeblocks,
    fragmentedBytes: data[headerOffset + 7]!,
    ...(interior ? { rightChild: data.readUInt32BE(headerOffset + 8) } : {}),
  };
}

/**
 * How much of a payload stays on the b-tree page before spilling to overflow
 * pages (fileformat2 §1.6): table leaves keep up to U-35 bytes, index cells
 * up to ((U-12)*64/255)-23; past that, M + (P-M) % (U-4) if it fits, else M.
 */
function localPayload(kind: PageKind, payload: number, usable: number): number {
  const x = kind === 'table-leaf' ? usable - 35 : Math.floor(((usable - 12) * 64) / 255) - 23;
  if (payload <= x) return payload;
  const m = Math.floor(((usable - 12) * 32) / 255) - 23;
  const k = m + ((payload - m) % (usable - 4));
  return k <= x ? k : m;
}

interface PageReader {
  page(n: number): Buffer;
  readonly usableSize: number;
  readonly pageCount: number;
}

/** Decodes the cell at `offset` of a page; overflow pages are read through `pages`. */
export function parseCell(pages: PageReader, data: Buffer, bt: BtreePage, slot: number, structure: string): Cell {
  const offset = bt.cellOffsets[slot]!;
  const { kind } = bt;
  let p = offset;
  let leftChild: number | undefined;
  if (kind === 'table-interior' || kind === 'index-interior') {
    leftChild = data.readUInt32BE(p);
    p += 4;
  }
  if (kind === 'table-interior') {
    const key = readVarint(data, p);
    return { structure, page: bt.page, kind, slot, offset, size: p + key.length - offset, rowid: intValue(key.value), leftChild, overflowPages: [] };
  }
  const size = varintNumber(data, p);
  p += size.length;
  let rowid: number | bigint | undefined;
  if (kind === 'table-leaf') {
    const r = varintNumber(data, p);
    // Rowids past 2^49 (or negative) take the exact path.
    rowid = r.length <= 7 ? r.value : intValue(BigInt.asIntN(64, readVarint(data, p).value));
    p += r.length;
  }
  const local = localPayload(kind, size.value, pages.usableSize);
  let payload: Buffer = data.subarray(p, p + local);
  const overflowPages: number[] = [];
  let cellSize = p + local - offset;
  if (local < size.value) {
    cellSize += 4;
    const parts = [payload];
    let remaining = size.value - local;
    let next = data.readUInt32BE(p + local);
    // Overflow chain: [next page: u32][U-4 bytes of payload], until the payload is whole.
    while (remaining > 0 && next !== 0 && next <= pages.pageCount && overflowPages.length <= pages.pageCount) {
      overflowPages.push(next);
      const o = pages.page(next);
      const take = Math.min(remaining, pages.usableSize - 4);
      parts.push(o.subarray(4, 4 + take));
      remaining -= take;
      next = o.readUInt32BE(0);
    }
    payload = Buffer.concat(parts);
  }
  const record = decodeRecord(payload, 0, payload.length, { strictText: false })?.values;
  return { structure, page: bt.page, kind, slot, offset, size: Math.max(cellSize, 4), rowid, leftChild, record, overflowPages };
}

/** Walks a b-tree from its root; cells come out in key order. Guards against cycles in a corrupt file. */
function walkBtree(pages: PageReader, root: number, structure: string, owner: Map<number, string>): { pages: BtreePage[]; cells: Cell[] } {
  const outPages: BtreePage[] = [];
  const cells: Cell[] = [];
  const visit = (n: number): void => {
    if (n < 1 || n > pages.pageCount || owner.has(n)) return;
    const data = pages.page(n);
    const bt = parseBtreePage(data, n, pages.usableSize);
    if (!bt) return;
    owner.set(n, structure);
    outPages.push(bt);
    for (let i = 0; i < bt.cellOffsets.length; i++) {
      const cell = parseCell(pages, data, bt, i, structure);
      for (const o of cell.overflowPages) owner.set(o, `overflow:${structure}`);
      if (cell.leftChild !== undefined) visit(cell.leftChild);
      if (cell.kind !== 'table-interior') cells.push(cell);
    }
    if (bt.rightChild !== undefined) visit(bt.rightChild);
  };
  visit(root);
  return { pages: outPages, cells };
}

/** Trunk pages: [next trunk: u32][leaf count: u32][leaf page numbers: u32...]. */
function walkFreelist(pages: PageReader, first: number, owner: Map<number, string>): void {
  for (let trunk = first, guard = 0; trunk !== 0 && trunk <= pages.pageCount && guard < pages.pageCount; guard++) {
    if (owner.has(trunk)) break;
    owner.set(trunk, 'freelist-trunk');
    const data = pages.page(trunk);
    const count = data.readUInt32BE(4);
    for (let i = 0; i < count && 8 + 4 * i + 4 <= pages.usableSize; i++) {
      const leaf = data.readUInt32BE(8 + 4 * i);
      if (leaf >= 1 && leaf <= pages.pageCount && !owner.has(leaf)) owner.set(leaf, 'freelist-leaf');
    }
    trunk = data.readUInt32BE(0);
  }
}

/**
 * Reads a database file and, if present, its `-wal`, as SQL would see it now
 * (the file's pages overlaid with the WAL's committed frames, last one wins).
 */
export function readSqlite(path: string, options: { wal?: boolean } = {}): SqliteImage {
  const file = readFileSync(path);
  const header = readHeader(file);
  const wal = options.wal === false ? undefined : readWal(`${path}-wal`);
  if (wal && wal.pageSize !== header.pageSize) throw new Error(`WAL page size ${wal.pageSize} differs from the file's ${header.pageSize}`);
  const latest = new Map<number, Buffer>();
  let pageCount = Math.max(header.pageCount, Math.floor(file.length / header.pageSize));
  if (wal) {
    let size = 0;
    for (const f of wal.frames) {
      if (!f.committed) continue;
      latest.set(f.page, f.data);
      if (f.commitSize > 0) size = f.commitSize;
    }
    if (size > 0) pageCount = size;
  }
  const empty = Buffer.alloc(header.pageSize);
  const page = (n: number): Buffer => latest.get(n) ?? (n * header.pageSize <= file.length ? file.subarray((n - 1) * header.pageSize, n * header.pageSize) : empty);
  if (header.textEncoding > 1) throw new Error('only UTF-8 databases are read');
  const reader: PageReader = { page, usableSize: header.usableSize, pageCount };
  // The header's freelist fields on page 1 as SQL sees it now (page 1 may be in the WAL).
  const p1 = page(1);
  const freelistTrunk = p1.readUInt32BE(32);
  const owner = new Map<number, string>();
  const schema = walkBtree(reader, 1, 'sqlite_schema', owner);
  const structures: Structure[] = [{ type: 'table', name: 'sqlite_schema', table: 'sqlite_schema', rootPage: 1, sql: null, withoutRowid: false, ...schema }];
  for (const c of schema.cells) {
    const [type, name, table, root, sql] = c.record ?? [];
    if ((type !== 'table' && type !== 'index') || typeof root !== 'number' || root < 1) continue;
    const tree = walkBtree(reader, root, String(name), owner);
    const rootKind = tree.pages[0]?.kind;
    structures.push({
      type,
      name: String(name),
      table: String(table),
      rootPage: root,
      sql: typeof sql === 'string' ? sql : null,
      withoutRowid: type === 'table' && rootKind !== undefined && rootKind.startsWith('index'),
      ...tree,
    });
  }
  walkFreelist(reader, freelistTrunk, owner);
  return {
    path,
    header: { ...header, freelistTrunk, freelistCount: p1.readUInt32BE(36), pageCount },
    pageCount,
    wal,
    structures,
    pageOwner: owner,
    page,
    freeRegions: () => freeRegions(reader, structures, owner),
  };
}

/** Unallocated space inside b-tree pages, freeblocks, and whole pages that hold nothing live. */
export function btreeFreeRegions(data: Buffer, bt: BtreePage, structure?: string): FreeRegion[] {
  const out: FreeRegion[] = [];
  // The gap between the cell-pointer array and the content area: SQLite zeroes it when it
  // defragments a page, but not when the lowest cell is freed into it, so old cells may remain.
  if (bt.contentStart > bt.pointerEnd) out.push({ kind: 'gap', page: bt.page, offset: bt.pointerEnd, bytes: data.subarray(bt.pointerEnd, bt.contentStart), structure });
  for (const fb of bt.freeblocks) out.push({ kind: 'freeblock', page: bt.page, offset: fb.offset, bytes: data.subarray(fb.offset, fb.offset + fb.size), structure });
  return out;
}

function freeRegions(pages: PageReader, structures: ReadonlyArray<Structure>, owner: ReadonlyMap<number, string>): FreeRegion[] {
  const out: FreeRegion[] = [];
  for (const s of structures) for (const bt of s.pages) out.push(...btreeFreeRegions(pages.page(bt.page), bt, s.name));
  for (let n = 1; n <= pages.pageCount; n++) {
    const o = owner.get(n);
    // A free page keeps whatever it held when it was freed (secure_delete off, the default).
    if (o === 'freelist-trunk') out.push({ kind: 'free-trunk', page: n, offset: 0, bytes: pages.page(n) });
    else if (o === 'freelist-leaf') out.push({ kind: 'free-leaf', page: n, offset: 0, bytes: pages.page(n) });
    else if (o === undefined) out.push({ kind: 'unreferenced-page', page: n, offset: 0, bytes: pages.page(n) });
  }
  return out;
}

/** Cells of a page image (a WAL frame, a free page that still looks like a b-tree page), without following children. */
export function pageCells(image: SqliteImage, data: Buffer, page: number, structure = '?'): { page?: BtreePage; cells: Cell[] } {
  const bt = parseBtreePage(data, page, image.header.usableSize);
  if (!bt) return { cells: [] };
  const reader: PageReader = { page: image.page, usableSize: image.header.usableSize, pageCount: image.pageCount };
  const cells: Cell[] = [];
  for (let i = 0; i < bt.cellOffsets.length; i++) {
    try {
      const c = parseCell(reader, data, bt, i, structure);
      if (c.kind !== 'table-interior') cells.push(c);
    } catch {
      // A stale image may point anywhere: a cell that does not parse is skipped.
    }
  }
  return { page: bt, cells };
}

/**
 * Carving: tries to decode a record at every offset of some bytes. A freeblock
 * loses only the first four bytes of the cell it replaced (the cell's size and
 * part of its key), so the record header and values after them still decode.
 * Returns every well-formed record of at least `minColumns` values; callers
 * keep those that match something they know (an id, a behaviour, a hash).
 */
export function carveRecords(bytes: Uint8Array, options: { minColumns?: number; from?: number; to?: number } = {}): Array<{ at: number; values: SqlValue[] }> {
  const minColumns = options.minColumns ?? 2;
  const out: Array<{ at: number; values: SqlValue[] }> = [];
  // from/to bound where a record may start; it may still run on to the end of the bytes.
  const to = Math.min(options.to ?? bytes.length, bytes.length - 1);
  for (let at = Math.max(0, options.from ?? 0); at < to; at++) {
    const h = bytes[at]!;
    // A record header is at least one byte per column plus its own size byte.
    if (h < minColumns + 1 || h > 127) continue;
    const r = decodeRecord(bytes, at, bytes.length);
    if (r && r.values.length >= minColumns) out.push({ at, values: r.values });
  }
  return out;
}
