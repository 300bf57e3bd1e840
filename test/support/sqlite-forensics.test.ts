/**
 * The forensic reader checked against SQLite itself: every row SQL returns is
 * among the parsed cells (so no page is silently missed), through overflow
 * pages, several b-tree levels, free pages and the WAL; and what the reader
 * claims about the file (write order in offsets, deleted rows in freeblocks,
 * WAL generations) holds on files whose history the test made.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeded } from './random.js';
import { carveRecords, decodeRecord, encodeVarint, pageCells, readSqlite, readVarint, type Cell, type SqliteImage, type SqlValue } from './sqlite-forensics.js';
import { tempDir } from './temp.js';

function key(values: ReadonlyArray<SqlValue>): string {
  return JSON.stringify(values, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
}

function structure(image: SqliteImage, name: string) {
  const s = image.structures.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name}`);
  return s;
}

/** A file with overflow pages, three b-tree levels, a WITHOUT ROWID table, an index and free pages. */
function buildFile(dir: string, options: { close: boolean }): { file: string; db: Database.Database } {
  const file = join(dir, 'big.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Left open: no automatic checkpoint either, so the latest rows live only in the WAL.
  if (!options.close) db.pragma('wal_autocheckpoint = 0');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT, n REAL, b BLOB);
           CREATE INDEX t_name ON t (name);
           CREATE TABLE w (k TEXT PRIMARY KEY, v INTEGER, note TEXT) WITHOUT ROWID;`);
  const rnd = seeded(7);
  const insertT = db.prepare('INSERT INTO t (id, name, body, n, b) VALUES (?, ?, ?, ?, ?)');
  const insertW = db.prepare('INSERT INTO w (k, v, note) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= 4000; i++) {
      // Every 50th body is long enough to spill over several overflow pages.
      const body = i % 50 === 0 ? `dài ${i} `.repeat(2000) : i % 3 === 0 ? null : `nội dung ${i}`;
      insertT.run(i * 7919 + (i % 5 === 0 ? 2 ** 40 : 0), `Người ${Math.floor(rnd() * 1e6)}`, body, i / 3, i % 7 === 0 ? Buffer.from([i & 255, 0, 1]) : null);
      // Long keys: few per page, so the index b-tree of w grows a third level.
      insertW.run(`k-${Math.floor(rnd() * 1e9)}-${i}-${'đ'.repeat(100)}`, i % 4 === 0 ? -i : i * 1e6, i % 40 === 0 ? 'ghi chú '.repeat(300) : null);
    }
  })();
  db.exec('DELETE FROM t WHERE id % 3 = 0; DELETE FROM w WHERE v < 0');
  if (options.close) db.close();
  return { file, db };
}

function expectAllRowsFound(image: SqliteImage, file: string): void {
  const rows = (sql: string) => {
    const d = new Database(file, { readonly: true });
    try {
      return d.prepare(sql).raw(true).all() as SqlValue[][];
    } finally {
      d.close();
    }
  };
  const t = structure(image, 't');
  const byRowid = new Map(t.cells.map((c) => [String(c.rowid), c.record!]));
  const tRows = rows('SELECT id, name, body, n, b FROM t');
  expect(tRows.length).toBeGreaterThan(2000);
  // In a rowid table the INTEGER PRIMARY KEY is the cell's key; the record holds NULL in its place.
  const missingT = tRows.filter(([id, ...rest]) => key(byRowid.get(String(id)) ?? []) !== key([null, ...rest]));
  expect(missingT).toEqual([]);
  expect(t.cells).toHaveLength(tRows.length);

  const index = new Set(structure(image, 't_name').cells.map((c) => key(c.record!)));
  expect(rows('SELECT name, id FROM t').filter((r) => !index.has(key(r)))).toEqual([]);

  const w = structure(image, 'w');
  expect(w.withoutRowid).toBe(true);
  const wCells = new Set(w.cells.map((c) => key(c.record!)));
  const wRows = rows('SELECT k, v, note FROM w');
  expect(wRows.filter((r) => !wCells.has(key(r)))).toEqual([]);
  expect(w.cells).toHaveLength(wRows.length);
}

describe('the forensic reader, against SQL', () => {
  it('finds every row of a checkpointed file: overflow pages, several levels, WITHOUT ROWID, free pages', () => {
    const { file } = buildFile(tempDir('forensics-'), { close: true });
    const image = readSqlite(file);
    expect(image.wal).toBeUndefined();
    expectAllRowsFound(image, file);
    const t = structure(image, 't');
    // Several levels: an interior page whose children are interior pages.
    expect(t.pages.filter((p) => p.kind === 'table-interior').length).toBeGreaterThan(0);
    expect(t.cells.some((c) => c.overflowPages.length >= 3)).toBe(true);
    const w = structure(image, 'w');
    expect(w.pages.filter((p) => p.kind === 'index-interior').length).toBeGreaterThan(1);
    expect(w.cells.some((c) => c.kind === 'index-interior')).toBe(true);
    // The freelist as SQLite counts it.
    const d = new Database(file, { readonly: true });
    const freelist = d.pragma('freelist_count', { simple: true }) as number;
    const pageCount = d.pragma('page_count', { simple: true }) as number;
    d.close();
    const free = [...image.pageOwner.values()].filter((o) => o.startsWith('freelist')).length;
    expect(freelist).toBeGreaterThan(10);
    expect(free).toBe(freelist);
    const freePages = image.freeRegions().filter((r) => r.kind === 'free-trunk' || r.kind === 'free-leaf');
    expect(freePages.map((r) => r.page).sort((a, b) => a - b)).toEqual([...image.pageOwner].filter(([, o]) => o.startsWith('freelist')).map(([n]) => n).sort((a, b) => a - b));
    expect(freePages.some((r) => r.kind === 'free-trunk')).toBe(true);
    expect(image.pageCount).toBe(pageCount);
    // Every page is accounted for: a b-tree, an overflow chain or the freelist.
    expect(image.pageOwner.size).toBe(pageCount);
  });

  it('reads the WAL of a file still open: the file alone misses rows, file + WAL has them all', () => {
    const dir = tempDir('forensics-');
    const { file, db } = buildFile(dir, { close: false });
    try {
      // A copy taken now is what someone copying the folder during a meeting would hold.
      const copy = join(dir, 'copy.sqlite');
      copyFileSync(file, copy);
      copyFileSync(`${file}-wal`, `${copy}-wal`);
      const image = readSqlite(copy);
      expect(image.wal!.headerValid).toBe(true);
      expect(image.wal!.frames.filter((f) => f.committed).length).toBeGreaterThan(100);
      expectAllRowsFound(image, file);
      const fileOnly = readSqlite(copy, { wal: false });
      expect(fileOnly.structures.find((s) => s.name === 't')?.cells.length ?? 0).toBeLessThan(structure(image, 't').cells.length);
    } finally {
      db.close();
    }
  });
});

describe('what the bytes reveal', () => {
  function smallDb(): { file: string; db: Database.Database } {
    const file = join(tempDir('forensics-'), 'small.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    return { file, db };
  }

  it('cell offsets give the order of insertion, whatever the keys', () => {
    const { file, db } = smallDb();
    db.exec('CREATE TABLE p (k INTEGER PRIMARY KEY, s TEXT) WITHOUT ROWID; CREATE TABLE r (id INTEGER PRIMARY KEY, s TEXT)');
    const rnd = seeded(3);
    const order = Array.from({ length: 60 }, (_, i) => i + 1).sort(() => rnd() - 0.5);
    for (const k of order) {
      db.prepare('INSERT INTO p VALUES (?, ?)').run(k, 'x');
      db.prepare('INSERT INTO r VALUES (?, ?)').run(Math.floor(rnd() * 2 ** 40), `of ${k}`);
    }
    db.close();
    const image = readSqlite(file);
    const byOffset = (cells: ReadonlyArray<Cell>) => [...cells].sort((a, b) => b.offset - a.offset);
    expect(byOffset(structure(image, 'p').cells).map((c) => c.record![0])).toEqual(order);
    expect(byOffset(structure(image, 'r').cells).map((c) => c.record![1])).toEqual(order.map((k) => `of ${k}`));
    // Key order is not the order of insertion.
    expect(structure(image, 'p').cells.map((c) => c.record![0])).not.toEqual(order);
  });

  it('a deleted row stays in a freeblock, and carving finds it', () => {
    const { file, db } = smallDb();
    // A random 40-bit id, as tusoi gives responses: its 6-byte varint takes the four bytes a
    // freeblock overwrites, and the record behind it survives whole.
    const id = 2 ** 40 + 5;
    db.exec(`CREATE TABLE r (id INTEGER PRIMARY KEY, s TEXT); INSERT INTO r VALUES (1, 'first'), (${id}, 'the secret row'), (${id + 1}, 'third')`);
    db.exec(`DELETE FROM r WHERE id = ${id}`);
    db.close();
    const image = readSqlite(file);
    expect(structure(image, 'r').cells.map((c) => c.record![1])).toEqual(['first', 'third']);
    const freeblocks = image.freeRegions().filter((r) => r.kind === 'freeblock' && r.structure === 'r');
    expect(freeblocks).toHaveLength(1);
    const carved = freeblocks.flatMap((r) => carveRecords(r.bytes)).map((c) => c.values);
    expect(carved).toContainEqual([null, 'the secret row']);
    expect(freeblocks[0]!.bytes.subarray(0, 4)).not.toEqual(image.page(freeblocks[0]!.page).subarray(0, 4));
  });

  it('keeps WAL frames of an older generation after a restart, and marks them', () => {
    const { file, db } = smallDb();
    db.exec("CREATE TABLE r (id INTEGER PRIMARY KEY, s TEXT); INSERT INTO r VALUES (1, 'gen one')");
    for (let i = 0; i < 20; i++) db.prepare('INSERT INTO r (s) VALUES (?)').run(`filler ${i} `.repeat(300));
    // A complete checkpoint, then a new write: the WAL restarts at its start with new salts,
    // overwriting only the first frames; the older generation's frames stay behind them.
    db.pragma('wal_checkpoint(PASSIVE)');
    db.exec("UPDATE r SET s = 'gen two' WHERE id = 1");
    const copy = `${file}.copy`;
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    db.close();
    const image = readSqlite(copy);
    const frames = image.wal!.frames;
    expect(frames.filter((f) => f.committed).length).toBeGreaterThan(0);
    const stale = frames.filter((f) => !f.saltMatches);
    expect(stale.length).toBeGreaterThan(5);
    expect(stale.every((f) => !f.committed && f.txn === -1)).toBe(true);
    expect(structure(image, 'r').cells[0]!.record![1]).toBe('gen two');
    // The stale generation still holds the row as it was.
    const old = stale.flatMap((f) => pageCells(image, f.data, f.page).cells).map((c) => c.record?.[1]);
    expect(old).toContain('gen one');
  });
});

describe('record encoding', () => {
  it('varints round-trip, 1 to 9 bytes', () => {
    for (const n of [0n, 127n, 128n, 16383n, 2n ** 47n - 1n, 2n ** 56n - 1n, 2n ** 56n, 2n ** 64n - 1n]) {
      const bytes = encodeVarint(n);
      expect(readVarint(bytes, 0)).toEqual({ value: n, length: bytes.length });
    }
    expect(encodeVarint(2n ** 64n - 1n)).toHaveLength(9);
  });

  it('refuses bytes that are not a record', () => {
    expect(decodeRecord(Buffer.from([3, 10, 1, 5]))).toBeUndefined();
    expect(decodeRecord(Buffer.from([2, 15, 0xff, 0xfe]))).toBeUndefined();
    expect(decodeRecord(Buffer.from([3, 1, 15, 7, 0x61]))?.values).toEqual([7, 'a']);
  });
});
