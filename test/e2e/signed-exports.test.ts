/**
 * Exports a committee can trust (issue 17), on real databases through tusoi
 * in-process: the forgery of the issue (a second database made with the real
 * cell's code and name, every behaviour "thường xuyên", sent first) refused
 * once CB03's key is pinned, by `unit import` or by a first file; sent first,
 * shown as "not verified" and undone by `unit trust`; a count edited with the
 * integrity value recomputed refused; unsigned files; a committee's signed
 * upward export at the bloc.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { bundled, tempUnit, type TempUnit } from '../support/bloc.js';
import { unitHandle } from '../support/cli.js';
import { forge, rowOf, setCell } from '../support/forge.js';
import { tempDir } from '../support/temp.js';
import { workbookSheets } from '../support/workbook.js';
import { vi as viMessages } from '../../src/i18n/vi.js';

const q = bundled();

async function must(unit: TempUnit, args: string[]): Promise<string> {
  const r = await unit.cli(args);
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A CB03 database whose two members answered every behaviour at `level`, exported to `out`. */
async function cb03(level: string, out: string): Promise<TempUnit & { fingerprint: string }> {
  const dir = tempDir('tusoi-cb03-');
  const cell = unitHandle(dir, join(dir, 'cb03.sqlite'));
  await must(cell, ['init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng', '--parent', 'DU01']);
  await must(cell, ['member', 'add', 'Nguyễn Văn An', 'Trần Thị Bình']);
  await must(cell, ['round', 'open', '--label', '2026']);
  const form = join(dir, 'form.csv');
  writeFileSync(form, `behaviour,level\n${allBehaviours(q).map((b) => `${b.id},${level}`).join('\n')}\n`);
  for (const m of ['Nguyễn Văn An', 'Trần Thị Bình']) await must(cell, ['answer', '--member', m, '--answers', form]);
  await must(cell, ['export', '--out', out]);
  const fingerprint = (JSON.parse(await must(cell, ['--json', 'unit', 'key'])) as { fingerprint: string }).fingerprint;
  return { ...cell, fingerprint };
}

interface MergeJson {
  counts: { accepted: number; rejected: number; skipped: number; replaced: number };
  accepted: Array<{ file: string; unit: string }>;
  rejected: Array<{ file: string; problems: Array<{ code: string; message: string }> }>;
  warnings: Array<{ file: string; problems: Array<{ code: string }> }>;
}

async function mergeJson(unit: TempUnit, args: string[]): Promise<{ status: number; json: MergeJson }> {
  const r = await unit.cli(['--json', 'merge', ...args]);
  return { status: r.status ?? -1, json: JSON.parse(r.stdout) as MergeJson };
}

/** `report --format xlsx`: the summary sheet's signature lines, and CB03's cell in the table by unit's signature column. */
async function workbookKeys(unit: TempUnit): Promise<{ lines: string[]; CB03: string | undefined }> {
  const w = viMessages.workbook;
  await must(unit, ['report', '--format', 'xlsx', '--out', 'bao-cao.xlsx']);
  const sheets = workbookSheets(readFileSync(join(unit.dir, 'bao-cao.xlsx')), 'xlsx');
  const lines = sheets.get(w.summarySheet)!.flatMap((r) => r.map((c) => c.text)).filter((t) => t.startsWith('Chữ ký') || t.startsWith('Tệp không có chữ ký'));
  const [head, ...rows] = sheets.get(w.unitsSheet)!;
  const col = head!.findIndex((c) => c.text === w.signature);
  return { lines, CB03: rows.find((r) => r[0]?.text === 'CB03')?.[col]?.text };
}

const codes = (j: MergeJson) => j.rejected.flatMap((r) => r.problems.map((p) => p.code));
const thuongXuyen = async (unit: TempUnit) => (JSON.parse(await must(unit, ['--json', 'report'])) as { overall: { counts: Record<string, number> } }).overall.counts['thuong-xuyen'];

/** The two CB03 databases and their exports, made once; each test gets a new DU01 with copies of the files. */
let cells: Promise<{ genuine: TempUnit & { fingerprint: string }; forger: TempUnit & { fingerprint: string }; genuineCsv: Buffer; forgedCsv: Buffer }> | undefined;

async function setting() {
  cells ??= (async () => {
    const dir = tempDir('tusoi-sent-');
    const genuine = await cb03('khong', join(dir, 'genuine.csv'));
    const forger = await cb03('thuong-xuyen', join(dir, 'forged.csv'));
    return { genuine, forger, genuineCsv: readFileSync(join(dir, 'genuine.csv')), forgedCsv: readFileSync(join(dir, 'forged.csv')) };
  })();
  const { genuine, forger, genuineCsv, forgedCsv } = await cells;
  const du01 = await tempUnit('DU01', 'dang-uy-co-so');
  const genuineFile = join(du01.dir, 'CB03-that.csv');
  const forgedFile = join(du01.dir, 'CB03-gia.csv');
  writeFileSync(genuineFile, genuineCsv);
  writeFileSync(forgedFile, forgedCsv);
  return { du01, genuine, forger, genuineFile, forgedFile };
}

describe('signed exports and pinned keys', () => {
  it('prints a fingerprint of four groups of four unambiguous characters, and every export is signed (format 2)', async () => {
    const s = await setting();
    expect(s.genuine.fingerprint).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(s.genuine.fingerprint).not.toBe(s.forger.fingerprint);
    const text = await must(s.genuine, ['unit', 'key']);
    expect(text).toContain(s.genuine.fingerprint);
    expect(text).toContain(`tusoi unit trust CB03 ${s.genuine.fingerprint}`);
    expect(await must(s.genuine, ['status'])).toContain(s.genuine.fingerprint);
    const csv = readFileSync(s.genuineFile, 'utf8');
    expect(csv.split('\r\n')[1]!.startsWith('2,CB03,')).toBe(true);
  });

  it('refuses the forgery once CB03 is pinned by unit import, showing both fingerprints', async () => {
    const s = await setting();
    writeFileSync(join(s.du01.dir, 'don-vi.csv'), `Mã,Tên,Cấp trên,Vân tay\nCB03,Chi bộ Văn phòng,DU01,${s.genuine.fingerprint.toLowerCase().replace(/-/g, ' ')}\n`);
    await must(s.du01, ['unit', 'import', 'don-vi.csv']);
    expect(await must(s.du01, ['unit', 'list'])).toContain(`${s.genuine.fingerprint} (đã xác minh)`);
    const forged = await mergeJson(s.du01, [s.forgedFile]);
    expect(forged.status).toBe(1);
    expect(codes(forged.json)).toEqual(['MERGE_KEY_MISMATCH']);
    const message = forged.json.rejected[0]!.problems[0]!.message;
    expect(message).toContain(s.genuine.fingerprint);
    expect(message).toContain(s.forger.fingerprint);
    const real = await mergeJson(s.du01, [s.genuineFile]);
    expect(real.json.counts).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await thuongXuyen(s.du01)).toBe(0);
  });

  it('refuses the forgery once CB03 is pinned by its first file (not verified until confirmed)', async () => {
    const s = await setting();
    expect((await mergeJson(s.du01, [s.genuineFile])).json.counts.accepted).toBe(1);
    expect(await must(s.du01, ['unit', 'list'])).toBe('Chưa có danh sách đơn vị cần báo cáo. Nhập:\n  tusoi unit import don-vi.csv\n');
    expect(await must(s.du01, ['status'])).toContain('Khóa chưa xác minh (gọi điện hỏi dấu vân tay rồi dùng lệnh unit trust): CB03');
    const forged = await mergeJson(s.du01, [s.forgedFile]);
    expect(codes(forged.json)).toEqual(['MERGE_KEY_MISMATCH']);
    expect(forged.json.rejected[0]!.problems[0]!.message).toContain('chưa xác minh');
    const confirmed = await must(s.du01, ['unit', 'trust', 'CB03', s.genuine.fingerprint]);
    expect(confirmed).toBe(`Đã xác nhận khóa của CB03: ${s.genuine.fingerprint}.\n`);
    expect(await must(s.du01, ['status'])).not.toContain('Khóa chưa xác minh');
  });

  it('the forgery sent first is shown as not verified, then undone by unit trust: forged counts out, genuine file merged without --replace', async () => {
    const s = await setting();
    writeFileSync(join(s.du01.dir, 'don-vi.csv'), 'Mã,Tên,Cấp trên\nCB03,Chi bộ Văn phòng,DU01\n');
    await must(s.du01, ['unit', 'import', 'don-vi.csv']);
    expect((await mergeJson(s.du01, [s.forgedFile])).json.counts.accepted).toBe(1);
    expect(await thuongXuyen(s.du01)).toBe(2);
    expect(await must(s.du01, ['unit', 'list'])).toContain(`${s.forger.fingerprint} (chưa xác minh)`);
    expect(await must(s.du01, ['status'])).toContain('Khóa chưa xác minh');
    // The committee's report says so too, in every format it prints.
    const notVerified = 'Chữ ký chưa xác minh (khóa của đơn vị chưa được đối chiếu qua điện thoại): CB03';
    expect(await must(s.du01, ['report'])).toContain(notVerified);
    await must(s.du01, ['report', '--format', 'html', '--out', 'bao-cao.html']);
    expect(readFileSync(join(s.du01.dir, 'bao-cao.html'), 'utf8')).toContain(notVerified);
    expect(await workbookKeys(s.du01)).toEqual({ lines: [notVerified], CB03: viMessages.workbook.signatureNotVerified });
    expect((JSON.parse(await must(s.du01, ['--json', 'report'])) as { keys: unknown }).keys).toEqual({ notVerified: ['CB03'], unsigned: [] });
    const refused = await mergeJson(s.du01, [s.genuineFile]);
    expect(codes(refused.json)).toEqual(['MERGE_KEY_MISMATCH']);

    const trust = await s.du01.cli(['--json', 'unit', 'trust', 'CB03', s.genuine.fingerprint]);
    expect(trust.status).toBe(0);
    expect(JSON.parse(trust.stdout)).toEqual({
      schema: 1,
      unit: 'CB03',
      fingerprint: s.genuine.fingerprint,
      previous: { fingerprint: s.forger.fingerprint, verified: false },
      removed: [{ file: 'CB03-gia.csv', round: '2026', unit: 'CB03' }],
    });
    expect(await thuongXuyen(s.du01)).toBe(0);
    const real = await mergeJson(s.du01, [s.genuineFile]);
    expect(real.json.counts).toMatchObject({ accepted: 1, rejected: 0, replaced: 0 });
    expect(await must(s.du01, ['unit', 'list'])).toContain(`${s.genuine.fingerprint} (đã xác minh)`);
    expect(await must(s.du01, ['report'])).not.toContain('chưa xác minh');
    expect(await workbookKeys(s.du01)).toEqual({ lines: [], CB03: viMessages.workbook.signatureVerified });
    expect((JSON.parse(await must(s.du01, ['--json', 'report'])) as { keys: unknown }).keys).toEqual({ notVerified: [], unsigned: [] });
    expect(codes((await mergeJson(s.du01, [s.forgedFile])).json)).toEqual(['MERGE_KEY_MISMATCH']);
  });

  it('refuses a signed file with one count edited and its integrity value recomputed by a script', async () => {
    const s = await setting();
    // Members 2 → 3 on the export row and the unit row: every other check still passes.
    const edited = forge(readFileSync(s.genuineFile, 'utf8'), (rows) => {
      setCell(rows, rowOf(rows, 'export'), 'members', '3');
      setCell(rows, rowOf(rows, 'unit'), 'item_members', '3');
    });
    writeFileSync(join(s.du01.dir, 'edited.csv'), edited);
    const r = await mergeJson(s.du01, ['edited.csv']);
    expect(codes(r.json)).toEqual(['EXPORT_SIGNATURE']);
  });

  it('unsigned files: accepted with a warning for a unit without a key (exit 0), refused with --require-signature and for a pinned unit', async () => {
    const s = await setting();
    const unsigned = forge(readFileSync(s.genuineFile, 'utf8'), (rows) => {
      setCell(rows, rowOf(rows, 'export'), 'public_key', '');
      setCell(rows, rowOf(rows, 'export'), 'signature', '');
    });
    writeFileSync(join(s.du01.dir, 'unsigned.csv'), unsigned);
    const strict = await mergeJson(s.du01, ['--require-signature', 'unsigned.csv']);
    expect([strict.status, codes(strict.json)]).toEqual([1, ['MERGE_UNSIGNED_REFUSED']]);
    const lenient = await mergeJson(s.du01, ['unsigned.csv']);
    expect(lenient.status).toBe(0);
    expect(lenient.json.counts).toMatchObject({ accepted: 1, rejected: 0 });
    expect(lenient.json.warnings).toEqual([{ file: 'unsigned.csv', problems: [expect.objectContaining({ code: 'EXPORT_UNSIGNED' })] }]);
    expect(await must(s.du01, ['status'])).toContain('Đơn vị chỉ gửi tệp không ký: CB03');
    expect(await must(s.du01, ['report'])).toContain('Tệp không có chữ ký (không chứng minh được do chính đơn vị gửi): CB03');
    expect((JSON.parse(await must(s.du01, ['--json', 'report'])) as { keys: unknown }).keys).toEqual({ notVerified: [], unsigned: ['CB03'] });
    expect(await workbookKeys(s.du01)).toEqual({ lines: ['Tệp không có chữ ký (không chứng minh được do chính đơn vị gửi): CB03'], CB03: viMessages.workbook.signatureNone });
    await must(s.du01, ['unit', 'trust', 'CB03', s.genuine.fingerprint]);
    await must(s.du01, ['merge', s.genuineFile]);
    const pinned = await mergeJson(s.du01, ['unsigned.csv']);
    expect(codes(pinned.json)).toEqual(['MERGE_UNSIGNED_PINNED']);
  });

  it('a committee’s signed upward export is merged by the bloc; a cell counted inside it and sent directly is double counting', async () => {
    const s = await setting();
    await must(s.du01, ['merge', s.genuineFile]);
    await must(s.du01, ['round', 'close']);
    const up = join(s.du01.dir, 'DU01.csv');
    await must(s.du01, ['export', '--out', up]);
    const duFp = (JSON.parse(await must(s.du01, ['--json', 'unit', 'key'])) as { fingerprint: string }).fingerprint;
    const bloc = await tempUnit('DUK', 'khoi');
    const first = await mergeJson(bloc, [up]);
    expect([first.json.counts.accepted, first.json.warnings]).toEqual([1, []]);
    expect(await must(bloc, ['status'])).toContain('DU01');
    expect(JSON.parse(await must(bloc, ['--json', 'status'])).keys).toEqual({ notVerified: ['DU01'], unsignedOnly: [] });
    expect(duFp).toMatch(/-/);
    const direct = await mergeJson(bloc, [s.genuineFile]);
    expect(codes(direct.json)).toEqual(['MERGE_DOUBLE_COUNTED']);
  });

  it('refuses a committee file covering a unit the bloc’s list places under another committee, by name', async () => {
    const s = await setting();
    await must(s.du01, ['merge', s.genuineFile]);
    const up = join(s.du01.dir, 'DU01.csv');
    await must(s.du01, ['export', '--out', up]);
    const bloc = await tempUnit('DUK', 'khoi');
    writeFileSync(join(bloc.dir, 'don-vi.csv'), 'Mã,Tên,Cấp trên\nDU01,Đảng ủy 1,DUK\nDU02,Đảng ủy 2,DUK\nCB03,Chi bộ Văn phòng,DU02\n');
    await must(bloc, ['unit', 'import', 'don-vi.csv']);
    const r = await mergeJson(bloc, [up]);
    expect(r.json.rejected[0]!.problems[0]).toMatchObject({ code: 'MERGE_NOT_VOUCHED' });
    expect(r.json.rejected[0]!.problems[0]!.message).toContain('CB03');
  });
});
