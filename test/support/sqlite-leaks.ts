/**
 * What an attacker holding a tusoi database file learns about who answered
 * what (issue 13), measured against the truth a test knows.
 *
 * Generic over the schema: nothing here names a tusoi table. Structures are
 * classified by what their records hold:
 * - member-side: a column (or the rowid) whose values are member ids;
 * - ballot-side: a cell attributable to one respondent's answers, because it
 *   is an answer record of a group whose answers match exactly one true
 *   ballot, or it carries the group's key (a response id) elsewhere, or a
 *   text value encodes a whole ballot ("TT1.1":"khong", …).
 * Then every technique the review found is applied: direct links (one cell
 * holding both), zips of member-side and ballot-side sequences by write order
 * (cell offsets), page order or key order, a zip against the order of turns
 * that anyone in the room saw, transaction diffs of the WAL (a commit that
 * adds one member's row and one ballot's row links them), and leftovers (free
 * pages, freeblocks, gaps, superseded WAL frames) searched for ballot records,
 * resume verifiers and needles.
 *
 * `leaks` is empty exactly when none of these links a member to a ballot;
 * `describeReport` prints the detail for a failing assertion. The assertion
 * for a storage that claims to keep no link, whatever its tables:
 *
 *   const r = findLinks({ dbPath, ...truth });        // truth: members, ballots, ids, turnOrder
 *   expect(r.leaks, describeReport(r)).toEqual([]);
 *   expect(orderSignals(r), describeReport(r)).toEqual([]);   // stricter: no respondent order at all
 *
 * Zips count as leaks from `minCorrect` (8) members linked: with fewer than
 * about 8 distinct ballots a chance pairing can reach the threshold, so use
 * cells of 10 or more for a "finds nothing" test.
 */
import { readFileSync } from 'node:fs';
import {
  btreeFreeRegions,
  carveRecords,
  encodeRecordInt,
  encodeVarint,
  pageCells,
  parseBtreePage,
  readSqlite,
  type Cell,
  type SqliteImage,
  type SqlValue,
  type Structure,
} from './sqlite-forensics.js';

export interface Truth {
  /** The cell's member ids. */
  readonly members: ReadonlyArray<number>;
  /** Each respondent's answers as entered (behaviour id → level id): what the attacker must not link. */
  readonly ballots: ReadonlyArray<{ readonly memberId: number; readonly answers: ReadonlyMap<string, string> }>;
  /** The questionnaire's behaviour and level ids, to recognise answer-bearing records. */
  readonly behaviours: ReadonlyArray<string>;
  readonly levels: ReadonlyArray<string>;
  /** The order in which members took their turn, as the room saw it (the observer's attack). */
  readonly turnOrder?: ReadonlyArray<number>;
  /** Byte strings to look for in leftovers (e.g. a resume code's hash), with the member they belong to. */
  readonly needles?: ReadonlyArray<{ readonly label: string; readonly memberId?: number; readonly bytes: string | Uint8Array }>;
}

export interface LinkOptions extends Truth {
  readonly dbPath: string;
  /** A zip counts as a leak from this many correctly linked members (default 8: a random pairing reaches it with p ≈ 1e-5). */
  readonly minCorrect?: number;
  /** Fewest answers a group must share with a true ballot to be attributed to it (default 3). */
  readonly minAnswers?: number;
}

export type Ordering = 'offset' | 'page' | 'key';

export interface Zip {
  readonly memberSide: string;
  readonly ballotSide: string;
  readonly memberOrdering: Ordering | 'turns';
  readonly ballotOrdering: Ordering;
  readonly alignment: 'start' | 'end';
  readonly paired: number;
  /** Members paired with their own ballot. */
  readonly correct: number;
}

export interface StructureSummary {
  readonly name: string;
  readonly cells: number;
  readonly pages: number;
  /** Record positions holding member ids ('rowid' for the key of a rowid table). */
  readonly memberColumns: ReadonlyArray<number | 'rowid'>;
  /** Cells attributed to a true ballot. */
  readonly ballotCells: number;
  /** Leaf pages whose offset order is neither key order nor its reverse: written in an order the keys do not explain. */
  readonly unexplainedPages: number;
  /** Members (or ballots' members) in write order, where this structure's offsets are not explained by its keys. */
  readonly writeOrder?: ReadonlyArray<number>;
}

export interface Residue {
  readonly where: string;
  readonly page: number;
  readonly offset: number;
  readonly what: 'ballot-record' | 'ballot-key' | 'verifier' | 'needle';
  /** The true member whose ballot (or needle) it is, when known. */
  readonly memberId?: number;
  readonly detail: string;
  /** The same finding (what, member, detail, kind of place) seen again elsewhere: counted, not listed. */
  readonly copies: number;
}

export interface WalLink {
  readonly txn: number;
  readonly member: number;
  readonly ballotOf: number;
}

export interface Leak {
  readonly kind: 'direct' | 'zip' | 'turns' | 'wal' | 'residue';
  readonly message: string;
}

export interface LeakReport {
  readonly structures: ReadonlyArray<StructureSummary>;
  /** Answer-record groups matched to a true ballot: the key values that stand for that ballot. */
  readonly ballotKeys: ReadonlyArray<{ readonly structure: string; readonly key: string; readonly memberId: number; readonly answers: number }>;
  /** Cells holding a member id and a ballot at once. */
  readonly directLinks: ReadonlyArray<{ readonly structure: string; readonly page: number; readonly offset: number; readonly member: number; readonly ballotOf: number }>;
  /** Every zip tried, best first. */
  readonly zips: ReadonlyArray<Zip>;
  readonly wal: {
    readonly frames: number;
    readonly committed: number;
    readonly transactions: number;
    readonly links: ReadonlyArray<WalLink>;
    /** Distinct members the WAL links to their own ballot. */
    readonly correct: number;
  };
  readonly residue: ReadonlyArray<Residue>;
  readonly leaks: ReadonlyArray<Leak>;
  /** Milliseconds the analysis took (for the record; never asserted). */
  readonly ms: number;
}

// ---------------------------------------------------------------------------
// Recognising members and ballots in records

type Attribution = { member?: number; ballotOf?: number };
type AttributeCell = (structure: string, cell: Pick<Cell, 'rowid' | 'record'>) => Attribution;
/** The cells of a page image, parsed once per image (the WAL replay and the leftovers scan share them). */
type CellsOf = (page: number, data: Buffer) => Cell[];

function valueKey(v: SqlValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return `i${v}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `i${v}` : `r${v}`;
  if (typeof v === 'string') return `t${v}`;
  return `b${Buffer.from(v).toString('hex')}`;
}

/** A key value too specific to turn up by chance elsewhere (a random id, a token), unlike a small counter. */
function distinctive(v: SqlValue): boolean {
  if (typeof v === 'bigint') return true;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 1_000_000;
  if (typeof v === 'string') return v.length >= 8;
  return v !== null && v.length >= 8;
}

interface Classifier {
  readonly behaviours: ReadonlySet<string>;
  readonly levels: ReadonlySet<string>;
  readonly members: ReadonlySet<number>;
  readonly ballots: Truth['ballots'];
  readonly minAnswers: number;
  readonly behaviourPattern: RegExp;
  /** Ballot key value (valueKey) → true member. */
  readonly keyOf: Map<string, number>;
  /** Structure name → record positions holding member ids. */
  readonly memberColumns: Map<string, Array<number | 'rowid'>>;
}

/** Positions of a behaviour id and of a level id in a record, if it is an answer record. */
function answerPositions(c: Classifier, r: ReadonlyArray<SqlValue>): { b: number; l: number } | undefined {
  const b = r.findIndex((v) => typeof v === 'string' && c.behaviours.has(v));
  if (b < 0) return undefined;
  const l = r.findIndex((v, i) => i !== b && typeof v === 'string' && c.levels.has(v));
  return l < 0 ? undefined : { b, l };
}

/** The one true ballot consistent with some answers (at least minAnswers of them), if exactly one is. */
function matchBallot(c: Classifier, answers: ReadonlyMap<string, string>): number | undefined {
  if (answers.size < c.minAnswers) return undefined;
  let fits = c.ballots;
  for (const [b, l] of answers) {
    fits = fits.filter((t) => t.answers.get(b) === l);
    if (fits.length === 0) return undefined;
  }
  return fits.length === 1 ? fits[0]!.memberId : undefined;
}

/** A ballot written into one text value (JSON, CSV, key=value …): each behaviour id followed closely by a level id. */
function textBallot(c: Classifier, v: SqlValue): number | undefined {
  // A ballot's text is a few KB; a questionnaire's source is not one, and scanning it is slow.
  if (typeof v !== 'string' || v.length < 20 || v.length > 20_000) return undefined;
  const answers = new Map<string, string>();
  c.behaviourPattern.lastIndex = 0;
  for (let m = c.behaviourPattern.exec(v); m; m = c.behaviourPattern.exec(v)) {
    const after = v.slice(m.index + m[0].length, m.index + m[0].length + 24);
    // The longest level id that starts within a few separator characters.
    let best: string | undefined;
    for (const l of c.levels) {
      const at = after.indexOf(l);
      if (at >= 0 && at <= 4 && (!best || l.length > best.length)) best = l;
    }
    if (best) answers.set(m[0], best);
  }
  return matchBallot(c, answers);
}

function attribute(c: Classifier, structure: string, cell: { rowid?: number | bigint; record?: ReadonlyArray<SqlValue> }, answerGroup?: number): Attribution {
  const out: { member?: number; ballotOf?: number } = {};
  const r = cell.record ?? [];
  for (const pos of c.memberColumns.get(structure) ?? []) {
    const v = pos === 'rowid' ? cell.rowid : r[pos];
    if (typeof v === 'number' && c.members.has(v)) out.member = v;
  }
  if (answerGroup !== undefined) out.ballotOf = answerGroup;
  for (const v of [cell.rowid ?? null, ...r]) {
    if (out.ballotOf !== undefined) break;
    const k = c.keyOf.get(valueKey(v));
    if (k !== undefined) out.ballotOf = k;
    else {
      const t = textBallot(c, v);
      if (t !== undefined) out.ballotOf = t;
    }
  }
  return out;
}

/** Groups each structure's answer records by their varying non-answer columns and matches the groups to true ballots. */
function findBallotKeys(c: Classifier, structures: ReadonlyArray<Structure>, out: LeakReport['ballotKeys'][number][]): Map<Cell, number> {
  const cellBallot = new Map<Cell, number>();
  for (const s of structures) {
    const rows = s.cells.flatMap((cell) => {
      const p = cell.record && answerPositions(c, cell.record);
      return p ? [{ cell, p }] : [];
    });
    if (rows.length === 0) continue;
    const width = Math.max(...rows.map((x) => x.cell.record!.length));
    // Columns constant over every answer record (a round id) do not tell ballots apart.
    const varying: number[] = [];
    for (let i = 0; i < width; i++) {
      const seen = new Set(rows.map((x) => (i === x.p.b || i === x.p.l ? '' : valueKey(x.cell.record![i]))));
      seen.delete('');
      if (seen.size > 1) varying.push(i);
    }
    const groups = new Map<string, typeof rows>();
    for (const x of rows) {
      const k = varying.filter((i) => i !== x.p.b && i !== x.p.l).map((i) => valueKey(x.cell.record![i])).join('|');
      const g = groups.get(k);
      if (g) g.push(x);
      else groups.set(k, [x]);
    }
    for (const [k, g] of groups) {
      const answers = new Map<string, string>();
      let clash = false;
      for (const x of g) {
        const b = x.cell.record![x.p.b] as string;
        const l = x.cell.record![x.p.l] as string;
        if (answers.has(b) && answers.get(b) !== l) clash = true;
        answers.set(b, l);
      }
      const member = clash ? undefined : matchBallot(c, answers);
      if (member === undefined) continue;
      out.push({ structure: s.name, key: k, memberId: member, answers: answers.size });
      for (const x of g) cellBallot.set(x.cell, member);
      // A single distinctive key value (a response id) stands for the ballot wherever it appears.
      const keyCols = varying.filter((i) => i !== g[0]!.p.b && i !== g[0]!.p.l);
      if (keyCols.length === 1) {
        const v = g[0]!.cell.record![keyCols[0]!]!;
        if (distinctive(v)) {
          const prev = c.keyOf.get(valueKey(v));
          c.keyOf.set(valueKey(v), prev === undefined || prev === member ? member : -1);
        }
      }
    }
  }
  for (const [k, m] of [...c.keyOf]) if (m < 0) c.keyOf.delete(k);
  return cellBallot;
}

/** Positions whose every non-null value is a member id, with at least two distinct ones, in records that are not answers. */
function findMemberColumns(c: Classifier, s: Structure): Array<number | 'rowid'> {
  const cells = s.cells.filter((x) => x.record && !answerPositions(c, x.record));
  if (cells.length < 2) return [];
  const width = Math.max(0, ...cells.map((x) => x.record!.length));
  const out: Array<number | 'rowid'> = [];
  const check = (get: (x: Cell) => SqlValue | number | bigint | undefined): boolean => {
    const seen = new Set<number>();
    for (const x of cells) {
      const v = get(x);
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number' || !c.members.has(v)) return false;
      seen.add(v);
    }
    return seen.size >= 2;
  };
  // The rowid of a ballot-bearing table is the ballot's id (a sequential 1..n looks like member ids).
  const ballotTable = s.cells.some((x) => x.record && x.record.some((v) => textBallot(c, v) !== undefined || c.keyOf.has(valueKey(x.rowid ?? null))));
  if (s.cells[0]?.kind === 'table-leaf' && !ballotTable && check((x) => x.rowid)) out.push('rowid');
  for (let i = 0; i < width; i++) if (check((x) => x.record![i])) out.push(i);
  return out;
}

// ---------------------------------------------------------------------------
// Orders

/** Cells grouped by page, pages in the order their first cell comes. */
function cellsByPage(cells: ReadonlyArray<Cell>): Map<number, Cell[]> {
  const byPage = new Map<number, Cell[]>();
  for (const cell of cells) {
    const list = byPage.get(cell.page);
    if (list) list.push(cell);
    else byPage.set(cell.page, [cell]);
  }
  return byPage;
}

/** Cells in an ordering: key order, or write order read from offsets (pages in key order or by number). */
function ordered(s: Structure, how: Ordering): Cell[] {
  if (how === 'key') return [...s.cells];
  const byPage = cellsByPage(s.cells);
  const pages = [...byPage.keys()];
  if (how === 'page') pages.sort((a, b) => a - b);
  // Content is allocated from the end of the page downward: a higher offset was written earlier.
  return pages.flatMap((p) => byPage.get(p)!.sort((a, b) => b.offset - a.offset));
}

function dedupe(xs: ReadonlyArray<number | undefined>): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const x of xs) if (x !== undefined && !seen.has(x)) (seen.add(x), out.push(x));
  return out;
}

/** A page whose offsets follow its keys (either way) says nothing the keys do not. */
function explainedByKeys(cells: ReadonlyArray<Cell>): boolean {
  const offsets = [...cells].sort((a, b) => a.slot - b.slot).map((x) => x.offset);
  const down = offsets.every((o, i) => i === 0 || o < offsets[i - 1]!);
  const up = offsets.every((o, i) => i === 0 || o > offsets[i - 1]!);
  return down || up;
}

function zip(a: ReadonlyArray<number>, b: ReadonlyArray<number>, alignment: 'start' | 'end'): { paired: number; correct: number } {
  const n = Math.min(a.length, b.length);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const x = alignment === 'start' ? a[i] : a[a.length - 1 - i];
    const y = alignment === 'start' ? b[i] : b[b.length - 1 - i];
    if (x === y) correct++;
  }
  return { paired: n, correct };
}

// ---------------------------------------------------------------------------
// The WAL, transaction by transaction

/**
 * A cell by its bytes (an index interior cell without its child pointer): a
 * cell moved to another page by a split keeps its bytes, one written anew does not.
 */
function cellSignature(data: Buffer, c: Cell): string {
  const start = c.kind === 'index-interior' ? c.offset + 4 : c.offset;
  return `${c.structure}#${data.toString('latin1', start, c.offset + c.size)}`;
}

/**
 * Replays the committed WAL frames over the file's own pages and lists, per
 * transaction, the records it added (net of those it removed): one member's
 * turn shows as its participation row and its ballot's rows appearing in the
 * same commit, whatever the keys.
 */
function walLinks(image: SqliteImage, dbFile: Buffer, ballotOfCell: AttributeCell, cellsOf: CellsOf): WalLink[] {
  const wal = image.wal;
  if (!wal) return [];
  const size = image.header.pageSize;
  const state = new Map<number, Buffer>();
  const current = (n: number): Buffer => state.get(n) ?? (n * size <= dbFile.length ? dbFile.subarray((n - 1) * size, n * size) : Buffer.alloc(size));
  const links: WalLink[] = [];
  let pending = new Map<number, Buffer>();
  for (const f of wal.frames) {
    if (!f.committed) continue;
    pending.set(f.page, f.data);
    if (f.commitSize === 0) continue;
    const removed = new Map<string, number>();
    const added = new Map<string, { n: number; cell: Cell }>();
    for (const [n, data] of pending) {
      const old = current(n);
      for (const cell of cellsOf(n, old)) {
        const sig = cellSignature(old, cell);
        removed.set(sig, (removed.get(sig) ?? 0) + 1);
      }
      for (const cell of cellsOf(n, data)) {
        const sig = cellSignature(data, cell);
        const e = added.get(sig);
        if (e) e.n++;
        else added.set(sig, { n: 1, cell });
      }
      state.set(n, data);
    }
    pending = new Map();
    const members = new Set<number>();
    const ballots = new Set<number>();
    for (const [sig, e] of added) {
      if (e.n <= (removed.get(sig) ?? 0)) continue; // there before (moved by a split, or untouched)
      const a = ballotOfCell(e.cell.structure, e.cell);
      if (a.member !== undefined) members.add(a.member);
      if (a.ballotOf !== undefined) ballots.add(a.ballotOf);
    }
    if (members.size === 1 && ballots.size === 1) links.push({ txn: f.txn, member: [...members][0]!, ballotOf: [...ballots][0]! });
  }
  return links;
}

// ---------------------------------------------------------------------------
// Leftovers

const VERIFIER = /^[0-9a-f]{64}$/i;

/**
 * Where a record may start that was not already readable in the earlier image
 * of the same bytes: each changed byte, and up to 300 bytes before it (a record
 * that starts earlier but runs into the change). No earlier image: everywhere.
 */
function changedRanges(bytes: Buffer, before: Buffer | undefined): Array<[number, number]> {
  if (!before || before.length !== bytes.length) return [[0, bytes.length]];
  const out: Array<[number, number]> = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === before[i]) continue;
    let j = i;
    while (j < bytes.length && (bytes[j] !== before[j] || j - i < 64)) j++;
    const from = Math.max(0, i - 300);
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = j;
    else out.push([from, j]);
    i = j;
  }
  return out;
}

/** Runs of at least 20 bytes of printable UTF-8 text (control bytes end a run). */
function printableRuns(bytes: Buffer): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  let start = -1;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0;
    const printable = b >= 0x20 && b !== 0x7f;
    if (printable && start < 0) start = i;
    else if (!printable && start >= 0) {
      if (i - start >= 20) out.push({ at: start, text: bytes.subarray(start, i).toString('utf8') });
      start = -1;
    }
  }
  return out;
}

function scanResidue(image: SqliteImage, dbFile: Buffer, c: Classifier, attributeCell: AttributeCell, cellsOf: CellsOf, needles: ReadonlyArray<{ label: string; memberId?: number; bytes: Buffer }>): Residue[] {
  const out: Residue[] = [];
  const seen = new Map<string, { copies: number }>();
  const add = (r: Omit<Residue, 'copies'>): void => {
    const k = `${r.where.replace(/wal-frame-\d+/, 'wal-frame')}|${r.what}|${r.memberId}|${r.detail}`;
    const e = seen.get(k);
    if (e) e.copies++;
    else {
      const entry = { ...r, copies: 1 };
      seen.set(k, entry);
      out.push(entry);
    }
  };
  // Regions to carve, with the earlier image of the same page: bytes unchanged since then were already read.
  const regions: Array<{ where: string; page: number; offset: number; bytes: Buffer; before?: Buffer }> = image.freeRegions().map((r) => ({ where: r.kind, page: r.page, offset: r.offset, bytes: r.bytes }));
  const size = image.header.pageSize;
  const recordFinding = (where: string, page: number, offset: number, values: ReadonlyArray<SqlValue>, a: Attribution): void => {
    if (a.ballotOf !== undefined) add({ where, page, offset, what: 'ballot-record', memberId: a.ballotOf, detail: values.map(valueKey).join(',').slice(0, 160) });
    for (const v of values) if (typeof v === 'string' && VERIFIER.test(v)) add({ where, page, offset, what: 'verifier', detail: v });
  };
  // Old page images, oldest first: the file's pages the WAL replaces, then superseded and uncommitted WAL frames.
  const latest = new Map<number, number>();
  for (const f of image.wal?.frames ?? []) if (f.committed) latest.set(f.page, f.index);
  const stale: Array<{ where: string; page: number; data: Buffer }> = [];
  for (const n of latest.keys()) if (n * size <= dbFile.length) stale.push({ where: 'file-page-replaced-by-wal', page: n, data: dbFile.subarray((n - 1) * size, n * size) });
  for (const f of image.wal?.frames ?? []) if (latest.get(f.page) !== f.index) stale.push({ where: `wal-frame-${f.index}${f.saltMatches ? '' : '-old-generation'}${f.committed ? '' : '-uncommitted'}`, page: f.page, data: f.data });
  const previous = new Map<number, Buffer>();
  for (const s of stale) {
    const before = previous.get(s.page);
    previous.set(s.page, s.data);
    const bt = parseBtreePage(s.data, s.page, image.header.usableSize);
    if (bt) {
      const structure = image.pageOwner.get(s.page) ?? '?';
      for (const cell of cellsOf(s.page, s.data)) {
        // A cell byte for byte where the page's earlier image had it was reported then.
        if (before && s.data.compare(before, cell.offset, cell.offset + cell.size, cell.offset, cell.offset + cell.size) === 0) continue;
        recordFinding(s.where, s.page, cell.offset, cell.record ?? [], attributeCell(structure, cell));
      }
      for (const r of btreeFreeRegions(s.data, bt, structure)) regions.push({ where: `${s.where}/${r.kind}`, page: s.page, offset: r.offset, bytes: r.bytes, before: before?.subarray(r.offset, r.offset + r.bytes.length) });
    } else regions.push({ where: s.where, page: s.page, offset: 0, bytes: s.data, before });
  }
  // Ballot keys as a cell or record would encode them, for leftovers too torn to decode.
  const keyNeedles: Array<{ label: string; memberId: number; bytes: Buffer }> = [];
  for (const [k, m] of c.keyOf) {
    if (k.startsWith('i')) {
      const n = BigInt(k.slice(1));
      keyNeedles.push({ label: `ballot key ${n} (varint)`, memberId: m, bytes: encodeVarint(n) }, { label: `ballot key ${n} (record int)`, memberId: m, bytes: encodeRecordInt(n) });
    } else if (k.startsWith('t')) keyNeedles.push({ label: `ballot key ${k.slice(1)}`, memberId: m, bytes: Buffer.from(k.slice(1)) });
  }
  // Needles are looked for in whole old page images too, not only in their free space.
  const searched = [...regions, ...stale.map((x) => ({ where: x.where, page: x.page, offset: 0, bytes: x.data }))];
  for (const r of searched) {
    for (const n of [...needles, ...keyNeedles]) {
      if (n.bytes.length < 4) continue;
      for (let at = r.bytes.indexOf(n.bytes); at >= 0; at = r.bytes.indexOf(n.bytes, at + 1)) {
        add({ where: r.where, page: r.page, offset: r.offset + at, what: n.label.startsWith('ballot key') ? 'ballot-key' : 'needle', memberId: n.memberId, detail: n.label });
      }
    }
  }
  for (const r of regions) {
    if (r.bytes.every((b) => b === 0)) continue;
    // A freeblock's first four bytes overwrite a cell's sizes and record header, so a record
    // may not decode; its text does: a ballot written as text is found in the printable runs.
    for (const run of printableRuns(r.bytes)) {
      const m = textBallot(c, run.text);
      if (m !== undefined) add({ where: r.where, page: r.page, offset: r.offset + run.at, what: 'ballot-record', memberId: m, detail: run.text.slice(0, 160) });
    }
    for (const [from, to] of changedRanges(r.bytes, r.before)) {
      for (const rec of carveRecords(r.bytes, { from, to })) recordFinding(r.where, r.page, r.offset + rec.at, rec.values, attributeCell('?', { record: rec.values }));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------

/** Applies every technique to a database file (and its -wal) and reports what links members to ballots. */
export function findLinks(options: LinkOptions): LeakReport {
  const started = performance.now();
  const image = readSqlite(options.dbPath);
  const dbFile = readFileSync(options.dbPath);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const c: Classifier = {
    behaviours: new Set(options.behaviours),
    levels: new Set(options.levels),
    members: new Set(options.members),
    ballots: options.ballots,
    minAnswers: options.minAnswers ?? 3,
    // Longest first, so TT1.10 is not read as TT1.1.
    behaviourPattern: new RegExp([...options.behaviours].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g'),
    keyOf: new Map(),
    memberColumns: new Map(),
  };
  const minCorrect = options.minCorrect ?? 8;
  const structures = image.structures.filter((s) => s.name !== 'sqlite_schema');
  const ballotKeys: Array<LeakReport['ballotKeys'][number]> = [];
  const answerCells = findBallotKeys(c, structures, ballotKeys);
  for (const s of structures) c.memberColumns.set(s.name, findMemberColumns(c, s));
  const attributeCell: AttributeCell = (s, cell) => attribute(c, s, cell, answerCells.get(cell as Cell));

  const summaries: StructureSummary[] = [];
  const directLinks: Array<LeakReport['directLinks'][number]> = [];
  const sides: Array<{ name: string; side: 'member' | 'ballot'; how: Ordering; seq: number[] }> = [];
  for (const s of structures) {
    const attrs = new Map(s.cells.map((cell) => [cell, attributeCell(s.name, cell)]));
    let unexplained = 0;
    for (const cells of cellsByPage(s.cells).values()) if (!explainedByKeys(cells)) unexplained++;
    for (const [cell, a] of attrs) {
      if (a.member !== undefined && a.ballotOf !== undefined) directLinks.push({ structure: s.name, page: cell.page, offset: cell.offset, member: a.member, ballotOf: a.ballotOf });
    }
    const isMember = [...attrs.values()].some((a) => a.member !== undefined);
    const isBallot = [...attrs.values()].some((a) => a.ballotOf !== undefined);
    for (const how of ['offset', 'page', 'key'] as const) {
      const cells = ordered(s, how);
      if (isMember) sides.push({ name: s.name, side: 'member', how, seq: dedupe(cells.map((x) => attrs.get(x)!.member)) });
      if (isBallot) sides.push({ name: s.name, side: 'ballot', how, seq: dedupe(cells.map((x) => attrs.get(x)!.ballotOf)) });
    }
    const write = dedupe(ordered(s, 'offset').map((x) => attrs.get(x)!.member ?? attrs.get(x)!.ballotOf));
    summaries.push({
      name: s.name,
      cells: s.cells.length,
      pages: s.pages.length,
      memberColumns: c.memberColumns.get(s.name) ?? [],
      ballotCells: [...attrs.values()].filter((a) => a.ballotOf !== undefined).length,
      unexplainedPages: unexplained,
      ...(unexplained > 0 && write.length > 0 ? { writeOrder: write } : {}),
    });
  }

  const zips: Zip[] = [];
  // A structure holding member and ballot in one cell is a direct link already; zipping it says nothing more.
  const direct = new Set(directLinks.map((d) => d.structure));
  const memberSides = [...sides.filter((x) => x.side === 'member' && !direct.has(x.name)).map((x) => ({ name: x.name, how: x.how as Ordering | 'turns', seq: x.seq }))];
  if (options.turnOrder) memberSides.push({ name: '(turns seen in the room)', how: 'turns', seq: [...options.turnOrder] });
  for (const m of memberSides) {
    for (const b of sides.filter((x) => x.side === 'ballot' && x.name !== m.name && !direct.has(x.name))) {
      for (const alignment of ['start', 'end'] as const) {
        zips.push({ memberSide: m.name, ballotSide: b.name, memberOrdering: m.how, ballotOrdering: b.how, alignment, ...zip(m.seq, b.seq, alignment) });
      }
    }
  }
  zips.sort((a, b) => b.correct - a.correct);

  const parsed = new WeakMap<Buffer, Cell[]>();
  const cellsOf: CellsOf = (page, data) => {
    let cells = parsed.get(data);
    if (!cells) parsed.set(data, (cells = pageCells(image, data, page, image.pageOwner.get(page) ?? '?').cells));
    return cells;
  };
  const links = walLinks(image, dbFile, attributeCell, cellsOf);
  const walCorrect = new Set(links.filter((l) => l.member === l.ballotOf).map((l) => l.member)).size;
  const needles = (options.needles ?? []).map((n) => ({ label: n.label, memberId: n.memberId, bytes: Buffer.from(n.bytes) }));
  const residue = scanResidue(image, dbFile, c, attributeCell, cellsOf, needles);

  const leaks: Leak[] = [];
  const directCorrect = new Set(directLinks.filter((d) => d.member === d.ballotOf).map((d) => d.member));
  if (directCorrect.size > 0) leaks.push({ kind: 'direct', message: `${directCorrect.size} members sit in the same cell as their ballot (${[...new Set(directLinks.map((d) => d.structure))].join(', ')})` });
  const reported = new Set<string>();
  for (const z of zips.filter((x) => x.correct >= minCorrect)) {
    // The best zip of each pair of structures (zips are sorted best first).
    const pair = `${z.memberSide}|${z.ballotSide}`;
    if (reported.has(pair)) continue;
    reported.add(pair);
    leaks.push({ kind: z.memberOrdering === 'turns' ? 'turns' : 'zip', message: `${z.memberSide} (${z.memberOrdering}) zipped with ${z.ballotSide} (${z.ballotOrdering}, from the ${z.alignment}) links ${z.correct}/${z.paired}` });
  }
  if (walCorrect > 0) leaks.push({ kind: 'wal', message: `WAL commits link ${walCorrect} members to their ballot (${links.length} single-member commits)` });
  if (residue.length > 0) {
    const kinds = [...new Set(residue.map((r) => `${r.what} in ${r.where.replace(/wal-frame-\d+/, 'wal-frame')}`))];
    leaks.push({ kind: 'residue', message: `${residue.reduce((n, x) => n + x.copies, 0)} leftovers: ${kinds.slice(0, 8).join('; ')}` });
  }
  const wal = image.wal;
  return {
    structures: summaries,
    ballotKeys,
    directLinks,
    zips,
    wal: { frames: wal?.frames.length ?? 0, committed: wal?.frames.filter((f) => f.committed).length ?? 0, transactions: new Set(wal?.frames.filter((f) => f.committed).map((f) => f.txn)).size, links, correct: walCorrect },
    residue,
    leaks,
    ms: performance.now() - started,
  };
}

/** A readable account of a report, for the message of a failing assertion. */
export function describeReport(r: LeakReport): string {
  const lines: string[] = [];
  lines.push(`leaks (${r.leaks.length}):`, ...r.leaks.map((l) => `  [${l.kind}] ${l.message}`));
  lines.push('structures:');
  for (const s of r.structures) {
    const bits = [`${s.cells} cells on ${s.pages} pages`];
    if (s.memberColumns.length) bits.push(`member ids at ${s.memberColumns.join(',')}`);
    if (s.ballotCells) bits.push(`${s.ballotCells} ballot cells`);
    if (s.unexplainedPages) bits.push(`${s.unexplainedPages} pages written out of key order`);
    lines.push(`  ${s.name}: ${bits.join('; ')}${s.writeOrder ? `\n    write order: ${s.writeOrder.join(' ')}` : ''}`);
  }
  lines.push(`ballot groups matched: ${r.ballotKeys.length}`);
  lines.push('best zips:', ...r.zips.slice(0, 5).map((z) => `  ${z.memberSide}/${z.memberOrdering} × ${z.ballotSide}/${z.ballotOrdering} (${z.alignment}): ${z.correct}/${z.paired}`));
  lines.push(`WAL: ${r.wal.frames} frames, ${r.wal.committed} committed in ${r.wal.transactions} transactions; ${r.wal.links.length} single-member commits, ${r.wal.correct} members linked`);
  const byWhere = new Map<string, number>();
  for (const x of r.residue) {
    const k = `${x.what} in ${x.where.replace(/wal-frame-\d+/, 'wal-frame')}`;
    byWhere.set(k, (byWhere.get(k) ?? 0) + x.copies);
  }
  lines.push('leftovers:', ...[...byWhere].map(([k, n]) => `  ${n} × ${k}`));
  return lines.join('\n');
}

/**
 * Structures holding members or ballots whose cells were written in an order
 * their keys do not explain: the order of turns, even where no zip reached the
 * threshold (e.g. a participation list written as members took their turn).
 */
export function orderSignals(r: LeakReport): ReadonlyArray<{ readonly structure: string; readonly writeOrder: ReadonlyArray<number> }> {
  return r.structures.flatMap((s) => (s.writeOrder && s.writeOrder.length > 1 ? [{ structure: s.name, writeOrder: s.writeOrder }] : []));
}
