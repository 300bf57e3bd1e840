/** A cell's day, tusoi run in-process through `main(argv, io)` on real SQLite files (one case through the compiled binary). */
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, STACK_LINE } from '../support/cli.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { tempDir } from '../support/temp.js';

const SAMPLES = join(ROOT, 'test/fixtures/csv');
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Phạm Thị Hương'];

async function behaviourIds(cell: TempCell): Promise<string[]> {
  const r = await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json']);
  const q = JSON.parse(r.stdout) as { groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }> };
  return q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
}

describe('init', () => {
  it('creates a 0600 database and refuses to overwrite it', async () => {
    const cell = await tempCell();
    expect(statSync(cell.db).mode & 0o777).toBe(0o600);
    const again = await cell.cli(['init', '--unit-code', 'CB03', '--unit-name', 'x']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('không ghi đè');
    expect(cell.query('SELECT code, name, level, parent_code AS parent FROM unit')).toEqual([{ code: 'CB03', name: 'Chi bộ Văn phòng', level: 'chi-bo', parent: 'DU01' }]);
  });

  it('refuses a numeric unit code that Excel would mangle, and a missing option as usage', async () => {
    const cell = await tempCell();
    expect((await cell.cli(['--db', join(cell.dir, 'b.sqlite'), 'init', '--unit-code', '0123', '--unit-name', 'X'])).status).toBe(1);
    expect((await cell.cli(['--db', join(cell.dir, 'c.sqlite'), 'init', '--unit-code', 'CB1'])).status).toBe(2);
  });

  it('gives a clear message, not a stack, for a database that is not there or not tusoi', async () => {
    const cell = await tempCell();
    const missing = await cell.cli(['--db', join(cell.dir, 'nope.sqlite'), 'status']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('tusoi init');
    const junk = join(cell.dir, 'junk.sqlite');
    writeFileSync(junk, 'hello');
    const bad = await cell.cli(['--db', junk, 'status']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(STACK_LINE);
  });
});

describe('members', () => {
  it('imports a list saved by a spreadsheet in cp1258 with ";" (Vietnamese names in NFC)', async () => {
    const cell = await tempCell();
    const r = await cell.cli(['member', 'import', join(SAMPLES, 'members-cp1258-semicolon.csv')]);
    // Its one digit-only code is accepted, with the warning that Excel will drop leading zeros.
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/:12:1 .*\[CSV_NUMERIC_MEMBER_CODE\]$/u)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('windows-1258');
    const names = cell.query<{ name: string; code: string }>('SELECT name, code FROM member');
    expect(names).toContainEqual({ name: 'Nguyễn Văn An', code: 'M001' });
    for (const n of names) expect(n.name).toBe(n.name.normalize('NFC'));
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it('imports the same list from UTF-16 (tab) and UTF-8 files as the same members, skipping those already there', async () => {
    const cell = await tempCell();
    expect((await cell.cli(['member', 'import', join(SAMPLES, 'members-utf8-bom-comma.csv')])).status).toBe(0);
    const before = cell.query<{ code: string; name: string }>('SELECT code, name FROM member ORDER BY code');
    for (const f of ['members-utf16-tab.txt', 'members-utf8-semicolon.csv', 'members-cp1258-semicolon.csv']) {
      const r = await cell.cli(['member', 'import', join(SAMPLES, f)]);
      expect(r.status, f).toBe(0);
    }
    const after = cell.query<{ code: string; name: string }>('SELECT code, name FROM member ORDER BY code');
    // The spreadsheet turned 0123 into 123: taken for a re-save of the same member, not added again.
    expect(after).toEqual(before);
    const again = await cell.cli(['member', 'import', join(SAMPLES, 'members-utf8-semicolon.csv'), '--json']);
    expect((JSON.parse(again.stdout) as { skipped: Array<{ reason: string; rowCode?: string }> }).skipped).toContainEqual(expect.objectContaining({ rowCode: '123', reason: 'leading-zeros' }));
  });

  it('is all or nothing: every bad row is reported with its line, and nothing is stored', async () => {
    const cell = await tempCell();
    const file = join(cell.dir, 'bad.csv');
    writeFileSync(file, '\uFEFFHọ tên,Mã\r\nNguyễn Văn An,M001\r\n,M002\r\nTrần Văn B,M001\r\nLê C,có dấu\r\n');
    const r = await cell.cli(['member', 'import', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:3`);
    expect(r.stderr).toContain('[CSV_EMPTY_VALUE]');
    expect(r.stderr).toContain(`${file}:4`);
    expect(r.stderr).toContain('[CSV_DUPLICATE_CODE]');
    expect(r.stderr).toContain(`${file}:5`);
    expect(r.stderr).toContain('[CSV_BAD_CODE]');
    expect(cell.query('SELECT * FROM member')).toEqual([]);
  });

  it('refuses a TCVN3 file instead of importing garbage', async () => {
    const cell = await tempCell();
    const file = join(cell.dir, 'tcvn3.csv');
    writeFileSync(file, Buffer.from('Hä tªn\r\nNguyÔn V¨n An\r\nTrÇn ThÞ BÝch Ngäc\r\nHå ChÝ Minh\r\n', 'latin1'));
    const r = await cell.cli(['member', 'import', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('TCVN3');
    expect(cell.query('SELECT * FROM member')).toEqual([]);
  });

  it('lists in Vietnamese order, finds a name without diacritics, refuses an ambiguous name with the codes', async () => {
    const cell = await tempCell({ members: [...NAMES, 'Nguyễn Văn An'] });
    // A name repeated in one command is added once, as in an imported list; a namesake needs its own code.
    expect(cell.query("SELECT COUNT(*) AS n FROM member WHERE name = 'Nguyễn Văn An'")).toEqual([{ n: 1 }]);
    expect((await cell.cli(['member', 'add', 'Nguyễn Văn An', '--code', 'CB03-101'])).status).toBe(0);
    const list = await cell.cli(['member', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { members: Array<{ name: string }> }).members.map((m) => m.name)).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn An',
      'Phạm Thị Hương',
      'Trần Thị Bích Ngọc',
      'Lê Đức Thắng',
    ]);
    const amb = await cell.cli(['member', 'remove', 'nguyen van an']);
    expect(amb.status).toBe(1);
    expect(amb.stderr).toContain('M001');
    expect((await cell.cli(['member', 'remove', 'le duc thang'])).status).toBe(0);
  });
});

describe('rounds, paper forms and status', () => {
  it('opens one round at a time with a unique label defaulting to the year, pinning the questionnaire', async () => {
    const cell = await tempCell({ members: NAMES });
    const open = await cell.cli(['round', 'open', '--json']);
    expect(open.status).toBe(0);
    const round = JSON.parse(open.stdout) as { label: string; questionnaire: { id: string; sha256: string } };
    expect(round.label).toMatch(/^\d{4}$/);
    expect(round.questionnaire.id).toBe('nq4-khoa-xii');
    expect((await cell.cli(['round', 'open', '--label', 'khác'])).status).toBe(1);
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect((await cell.cli(['round', 'open', '--label', round.label])).stderr).toContain(round.label);
    expect(cell.query('SELECT qid, version, length(source_text) > 1000 AS hasText, json_extract(model_json, \'$.id\') AS modelId FROM questionnaire')).toEqual([
      { qid: 'nq4-khoa-xii', version: '2026.1', hasText: 1, modelId: 'nq4-khoa-xii' },
    ]);
  });

  it('enters a paper form all or nothing, locks it, and refuses a second without --replace', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    const ids = await behaviourIds(cell);
    const form = join(cell.dir, 'form.csv');
    writeFileSync(form, `behavior;level\r\n${ids.map((id, i) => `${id};${i === 3 ? 'thinh-thoang' : i === 7 ? 'Thường xuyên' : 'khong'}`).join('\r\n')}\r\n`);
    const ok = await cell.cli(['answer', '--member', 'tran thi bich ngoc', '--answers', form]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(cell.query("SELECT COUNT(*) AS n, SUM(level = 'thuong-xuyen') AS tx FROM answer")).toEqual([{ n: 111, tx: 1 }]);
    expect(cell.query('SELECT status, source FROM response')).toEqual([{ status: 'submitted', source: 'paper' }]);
    expect((await cell.cli(['answer', '--member', 'M002', '--answers', form])).status).toBe(1);
    expect((await cell.cli(['answer', '--member', 'M002', '--answers', form, '--replace'])).status).toBe(0);
    expect(cell.query('SELECT COUNT(*) AS n FROM response')).toEqual([{ n: 1 }]);

    const bad = join(cell.dir, 'bad.csv');
    writeFileSync(bad, `behaviour,level\n${ids.slice(0, 100).join(',khong\n')},khong\nXX9.9,khong\nTT1.1,maybe\n`);
    const r = await cell.cli(['answer', '--member', 'M001', '--answers', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:102`);
    expect(r.stderr).toContain('[CSV_UNKNOWN_BEHAVIOUR]');
    expect(r.stderr).toContain(`${bad}:103`);
    expect(r.stderr).toContain('[CSV_UNKNOWN_LEVEL]');
    expect(r.stderr).toContain('[CSV_MISSING_BEHAVIOURS]');
    expect(cell.query('SELECT COUNT(*) AS n FROM response')).toEqual([{ n: 1 }]);
  });

  it('status: members, submitted, in progress, not started (JSON contract)', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    const form = join(cell.dir, 'form.csv');
    writeFileSync(form, `behaviour,level\n${(await behaviourIds(cell)).map((id) => `${id},khong`).join('\n')}\n`);
    expect((await cell.cli(['answer', '--member', 'M001', '--answers', form])).status).toBe(0);
    const r = await cell.cli(['status', '--json']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s).toMatchObject({
      unit: { code: 'CB03', name: 'Chi bộ Văn phòng', level: 'chi-bo' },
      round: { label: '2026', anonymous: false, open: true },
      members: 4,
      submitted: 1,
      inProgress: 0,
      notStarted: 3,
    });
    const text = await cell.cli(['status']);
    expect(text.stdout).toContain('4 đảng viên: 1 đã nộp, 0 đang làm, 3 chưa bắt đầu.');
  });

  it('answer without a terminal (the real process, stdin a pipe) fails fast with a clear message', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    const r = cell.bin(['answer', '--member', 'M001']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tusoi answer');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('copying a database keeps working (no absolute paths inside)', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    // Elsewhere, with the original gone: nothing may lead back to where the database was made.
    const copy = join(tempDir('tusoi-copy-'), 'copy.sqlite');
    copyFileSync(cell.db, copy);
    rmSync(cell.db);
    expect(readFileSync(copy).includes(cell.dir)).toBe(false);
    const r = await runMain(['--db', copy, 'status', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ unit: { code: 'CB03' }, round: { label: '2026' }, members: 4 });
  });
});
