/**
 * Text hygiene at every boundary (issue 14, part 4): control, bidirectional
 * and invisible characters refused where a person types or lists a name,
 * label or code; cleaned with a warning from a merged file's unit names only;
 * escaped on every terminal output; names and codes capped. Real databases in
 * temporary folders, the CLI run in-process.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { codePointLabel, displaySafe, TEXT_LIMITS } from '../../src/text/hygiene.js';
import { tempUnit, writeCells } from '../support/bloc.js';
import { tempCell } from '../support/cell.js';
import { runMain, STACK_LINE } from '../support/cli.js';
import { HOSTILE, UNSAFE_BUT_LF as UNSAFE_ANY } from '../support/hostile-text.js';
import { tempDir } from '../support/temp.js';

const EN = ['--lang', 'en'];

/** Writes to a test database directly, as an older tusoi (or a hand edit) might have. */
function writeSql(db: string, sql: string, ...params: unknown[]): void {
  const d = new Database(db);
  try {
    d.prepare(sql).run(...params);
  } finally {
    d.close();
  }
}

const kindOf = (cp: number) => {
  const ch = String.fromCodePoint(cp);
  return /\p{Cc}/u.test(ch) ? 'control' : /\p{Bidi_Control}/u.test(ch) ? 'bidi' : 'invisible';
};

describe('typed names, labels and codes', () => {
  it.each(HOSTILE)('member add refuses a name with %s, located, and stores nothing', async (_label, bad, first) => {
    const cell = await tempCell();
    const name = `Nguyễn Văn${bad}An`;
    const r = await cell.cli([...EN, 'member', 'add', name]);
    expect(r.status).toBe(1);
    const params = { what: `name "${name}"`, char: codePointLabel(first), position: 11, kind: kindOf(first) as 'control' };
    expect(r.stderr).toBe(`tusoi: ${displaySafe(en.errors.TEXT_UNSAFE(params))}\n`);
    expect(r.stderr).not.toMatch(UNSAFE_ANY);
    expect(cell.query('SELECT COUNT(*) AS n FROM member')).toEqual([{ n: 0 }]);
  });

  it('init refuses a unit name with an OSC sequence or an RLO and leaves no database', async () => {
    const dir = tempDir();
    for (const [bad, first] of [['\x1b]0;title\x07', 0x1b], ['\u202e', 0x202e], ['\u009b', 0x9b]] as const) {
      const db = join(dir, 'x.sqlite');
      const r = await runIn(dir, [...EN, '--db', db, 'init', '--unit-code', 'CB03', '--unit-name', `Chi bộ${bad} 3`]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`--unit-name: ${en.errors.TEXT_UNSAFE({ what: '', char: codePointLabel(first), position: 7, kind: kindOf(first) as 'control' }).slice(2)}`);
      expect(existsSync(db)).toBe(false);
    }
  });

  it('round open refuses a label with a control or invisible character', async () => {
    const cell = await tempCell();
    for (const bad of ['\x07', '\u2066', '\ufeff', '\x1b[2J']) {
      const r = await cell.cli([...EN, 'round', 'open', '--label', `Đợt${bad}1`]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^tusoi: --label: .* U\+[0-9A-F]{4} at character 4;/);
    }
    expect(cell.query('SELECT COUNT(*) AS n FROM round')).toEqual([{ n: 0 }]);
  });

  it('measure add refuses a text with a terminal sequence; a clean one is kept', async () => {
    const cell = await tempCell({ round: ['--label', '2026'] });
    const r = await cell.cli([...EN, 'measure', 'add', 'Họp chi bộ\x1b[2J đúng giờ']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/U\+001B at character 11/);
    expect((await cell.cli(['measure', 'add', 'Họp chi bộ đúng giờ'])).status).toBe(0);
    expect(cell.query('SELECT text FROM measure')).toEqual([{ text: 'Họp chi bộ đúng giờ' }]);
  });

  it('caps: a 10,000-character member name is refused; 100 characters of Vietnamese are taken', async () => {
    const cell = await tempCell();
    const long = await cell.cli([...EN, 'member', 'add', 'Nguyễn '.repeat(1429)]);
    expect(long.status).toBe(1);
    expect(long.stderr).toMatch(/is 10,002 characters long \(at most 100\)/);
    expect(long.stderr.length).toBeLessThan(400);
    const fits = `${Array(5).fill('Tôn Nữ Hoàng Anh Th').join(' ')}a`;
    expect(fits.length).toBe(TEXT_LIMITS.memberName);
    expect((await cell.cli(['member', 'add', fits])).status).toBe(0);
    expect((await cell.cli([...EN, 'member', 'add', `${fits}b`])).stderr).toContain('is 101 characters long (at most 100)');
    const unit = await runIn(tempDir(), [...EN, '--db', 'u.sqlite', 'init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ '.repeat(40)]);
    expect(unit.stderr).toContain('--unit-name is 279 characters long (at most 200)');
  });
});

describe('member and unit lists', () => {
  it('member import refuses each row with a hostile character in its name or code, located, and stores nothing', async () => {
    const cell = await tempCell();
    const rows = HOSTILE.map(([, bad], i) => `Nguyễn Văn${bad}An ${i},`);
    const file = join(cell.dir, 'list.csv');
    writeFileSync(file, ['Họ tên,Mã', ...rows, 'Trần Thị Bình,M0\u202e02', `${'x'.repeat(10_000)},`, 'Lê Văn Cường,'].join('\r\n'));
    const r = await cell.cli([...EN, 'member', 'import', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toMatch(UNSAFE_ANY);
    const located = [...r.stderr.matchAll(/list\.csv:(\d+):\d+ {2}.*\[(CSV_[A-Z_]+)\]/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(located).toEqual([...HOSTILE.map((_, i) => `${i + 2} CSV_UNSAFE_TEXT`), `${HOSTILE.length + 2} CSV_UNSAFE_TEXT`, `${HOSTILE.length + 3} CSV_TEXT_TOO_LONG`]);
    // The message names the character and where it stands in the cell.
    expect(r.stderr).toContain(`list.csv:2:1  ${en.csv.messages.CSV_UNSAFE_TEXT({ column: 'Họ tên', value: 'U+001B', position: 11, kind: 'control' })}`);
    expect(r.stderr).toContain(`${en.csv.messages.CSV_UNSAFE_TEXT({ column: 'Mã', value: 'U+202E', position: 3, kind: 'bidi' })}`);
    expect(cell.query('SELECT COUNT(*) AS n FROM member')).toEqual([{ n: 0 }]);
  });

  it('unit import refuses a hostile code, name, parent or level, located', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const file = join(bloc.dir, 'units.csv');
    writeFileSync(file, ['Mã,Tên,Cấp trên,Cấp', 'CB01,Chi bộ\x1b]0;x\x07 1,DUK,chi-bo', 'CB\u200b02,Chi bộ 2,DUK,chi-bo', 'CB03,Chi bộ 3,D\u2067UK,chi-bo', 'CB04,Chi bộ 4,DUK,chi\x00bo', `CB05,${'Đ'.repeat(201)},DUK,chi-bo`, 'CB06,Chi bộ 6,DUK,chi-bo'].join('\n'));
    const r = await bloc.cli([...EN, 'unit', 'import', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(UNSAFE_ANY);
    const located = [...r.stderr.matchAll(/units\.csv:(\d+) {2}.*\[(CSV_[A-Z_]+)\]/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(located).toEqual(['2 CSV_UNSAFE_TEXT', '3 CSV_UNSAFE_TEXT', '4 CSV_UNSAFE_TEXT', '5 CSV_UNSAFE_TEXT', '6 CSV_TEXT_TOO_LONG']);
    expect(bloc.query('SELECT COUNT(*) AS n FROM expected_unit')).toEqual([{ n: 0 }]);
  });
});

describe('the same-name check', () => {
  it('at input a name with a ZWSP or an RLO is refused; one already stored (an older database) is the same name as "Nguyễn Văn A"', async () => {
    const cell = await tempCell();
    for (const look of ['Nguyễn\u200bVăn A', 'Nguyễn Văn\u202e A']) expect((await cell.cli(['member', 'add', look])).status).toBe(1);
    writeSql(cell.db, "INSERT INTO member (code, name, search_key, active, added_on) VALUES ('M001', ?, 'x', 1, '2026-01-01')", 'Nguyễn\u200bVăn A');
    writeSql(cell.db, "INSERT INTO member (code, name, search_key, active, added_on) VALUES ('M002', ?, 'y', 1, '2026-01-01')", '\u202eTrần Thị B');
    const r = await cell.cli(['--json', 'member', 'add', 'Nguyễn Văn A', 'Trần Thị B']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      added: [],
      skipped: [
        { code: 'M001', name: 'Nguyễn\u200bVăn A', reason: 'same-name' },
        { code: 'M002', name: '\u202eTrần Thị B', reason: 'same-name' },
      ],
    });
  });
});

describe('a merged export', () => {
  async function committee() {
    const unit = await tempUnit('DU01', 'dang-uy-co-so');
    // Unsigned, as an older build wrote them: in a signed file an edited name fails the signature (test/exchange/signature.test.ts).
    const cells = writeCells(join(unit.dir, 'src'), { count: 3, seed: 4, unsigned: true });
    return { unit, cells };
  }

  it('has its unit name cleaned of controls, bidi and invisible characters, with a located warning, and merges', async () => {
    const { unit, cells } = await committee();
    const cell = cells[0]!;
    const dirty = `${cell.name.slice(0, 6)}\x1b]0;pwned\x07\u202e\u200b${cell.name.slice(6)}\u2066`;
    const file = join(unit.dir, 'dirty.csv');
    writeFileSync(file, cell.csv.replaceAll(cell.name, dirty));
    const r = await unit.cli(['--json', 'merge', file]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { counts: Record<string, number>; warnings: Array<{ file: string; problems: Array<{ code: string; line: number }> }> };
    expect(out.counts.accepted).toBe(1);
    expect(out.warnings).toEqual([
      {
        file: 'dirty.csv',
        problems: [expect.objectContaining({ code: 'EXPORT_TEXT_CLEANED', line: 2 }), expect.objectContaining({ code: 'EXPORT_TEXT_CLEANED', line: 3 }), expect.objectContaining({ code: 'EXPORT_UNSIGNED' })],
      },
    ]);
    expect(unit.query('SELECT unit_name AS name FROM merged_file UNION ALL SELECT name FROM merged_unit')).toEqual([{ name: cell.name.replace(/^(.{6})/u, '$1]0;pwned') }, { name: cell.name.replace(/^(.{6})/u, '$1]0;pwned') }]);
    // In text, the warning is told on stderr, escaped.
    const again = join(unit.dir, 'again.csv');
    writeFileSync(again, cells[1]!.csv.replaceAll(cells[1]!.name, `${cells[1]!.name}\u202e`));
    const t = await unit.cli([...EN, 'merge', again]);
    expect(t.status).toBe(0);
    expect(t.stderr).toContain('[EXPORT_TEXT_CLEANED]');
    expect(t.stderr).not.toMatch(UNSAFE_ANY);
  });

  it.each([
    ['unit code', (csv: string, code: string) => csv.replaceAll(code, `${code.slice(0, 2)}\u202e${code.slice(2)}`), 'unit_code', 2],
    ['round label', (csv: string) => csv.replaceAll(",'2026,", ",'20\u200b26,"), 'round_label', 2],
    ['item id', (csv: string) => csv.replace(',behaviour,TDB9.1,', ',behaviour,TDB9.1\x1b[2J,'), 'item_id', 0],
    ['unit level', (csv: string) => csv.replace(',chi-bo,,final,', ',chi\x00-bo,,final,'), 'unit_level', 2],
  ] as const)('with a hostile %s is refused with a located message, never cleaned into another code', async (_what, edit, column, line) => {
    const { unit, cells } = await committee();
    const cell = cells[0]!;
    const csv = edit(cell.csv, cell.code);
    expect(csv).not.toBe(cell.csv);
    const file = join(unit.dir, 'bad.csv');
    writeFileSync(file, csv);
    const r = await unit.cli([...EN, '--json', 'merge', file]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { rejected: Array<{ problems: Array<{ code: string; line: number; message: string }> }> };
    const p = out.rejected[0]!.problems;
    // A unit code also stands in the unit row: each place is named.
    expect(new Set(p.map((x) => x.code))).toEqual(new Set(['EXPORT_UNSAFE_TEXT']));
    expect(p[0]!.message).toContain(`Column "${column}"`);
    const expectedLine = line > 0 ? line : csv.split('\n').findIndex((l) => l.includes('TDB9.1\x1b')) + 1;
    expect(p[0]!.line).toBe(expectedLine);
    expect(unit.query('SELECT COUNT(*) AS n FROM merged_file')).toEqual([{ n: 0 }]);
  });

  it('with a 10 MB unit name merges with the name cut at 200 characters, and the HTML report stays small', async () => {
    const { unit, cells } = await committee();
    const cell = cells[0]!;
    const huge = `${cell.name} ${'Đảng bộ '.repeat(1_250_000)}`;
    const file = join(unit.dir, 'huge.csv');
    writeFileSync(file, cell.csv.replaceAll(cell.name, huge));
    expect(readFileSync(file).length).toBeGreaterThan(10_000_000);
    const r = await unit.cli(['--json', 'merge', file, join(unit.dir, 'src', cells[1]!.fileName)]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { warnings: Array<{ problems: Array<{ code: string }> }> }).warnings[0]!.problems.map((p) => p.code)).toEqual(['EXPORT_TEXT_TRUNCATED', 'EXPORT_TEXT_TRUNCATED', 'EXPORT_UNSIGNED']);
    expect(unit.query<{ n: number }>('SELECT MAX(LENGTH(name)) AS n FROM (SELECT unit_name AS name FROM merged_file UNION ALL SELECT name FROM merged_unit)')[0]!.n).toBeLessThanOrEqual(200);
    const html = join(unit.dir, 'r.html');
    expect((await unit.cli(['report', '--format', 'html', '--out', html])).status).toBe(0);
    expect(readFileSync(html).length).toBeLessThan(1_000_000);
  });
});

describe('terminal output of what an older database holds', () => {
  it('status, report and member list show a hostile unit or member name escaped, never raw', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    writeSql(cell.db, 'UPDATE unit SET name = ?', 'Chi bộ\x1b]0;pwned\x07\x1b[2J\u202eABC\u200b');
    writeSql(cell.db, 'UPDATE member SET name = ?', 'Nguyễn\x1b[8m Văn An\u009b');
    writeSql(cell.db, 'UPDATE round SET label = ?', '2026\u2067');
    for (const args of [['status'], ['report'], ['member', 'list'], ['round', 'list']]) {
      const r = await cell.cli(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(UNSAFE_ANY);
      expect(r.stdout.replace(/\n/g, ''), args.join(' ')).not.toMatch(/[\x00-\x1f]/);
    }
    expect((await cell.cli(['status'])).stdout).toContain('Chi bộ\\u001b]0;pwned\\u0007\\u001b[2J\\u202eABC\\u200b');
    expect((await cell.cli(['status'])).stdout).toContain('Nguyễn\\u001b[8m Văn An\\u009b');
    expect((await cell.cli(['report'])).stdout).toContain('Chi bộ\\u001b]0;pwned\\u0007\\u001b[2J\\u202eABC\\u200b');
    // HTML escapes them too; --json gives the data as it is stored, in \u escapes only.
    const html = join(cell.dir, 'r.html');
    expect((await cell.cli(['report', '--format', 'html', '--out', html])).status).toBe(0);
    expect(readFileSync(html, 'utf8')).not.toMatch(UNSAFE_ANY);
    expect(readFileSync(html, 'utf8')).toContain('Chi bộ\\u001b]0;pwned');
    const json = await cell.cli(['--json', 'status']);
    expect(json.stdout).not.toMatch(UNSAFE_ANY);
    const doc = JSON.parse(json.stdout) as { unit: { name: string }; round: { label: string }; memberStatus: Array<{ name: string }> };
    expect([doc.unit.name, doc.round.label, doc.memberStatus[0]!.name]).toEqual(['Chi bộ\x1b]0;pwned\x07\x1b[2J\u202eABC\u200b', '2026\u2067', 'Nguyễn\x1b[8m Văn An\u009b']);
  });
});

/** `tusoi` in-process in a folder, for a database that does not exist yet. */
function runIn(dir: string, args: string[]) {
  return runMain(args, { cwd: dir });
}
