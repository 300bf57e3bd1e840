/**
 * Tự sửa in a real terminal: a member makes one commitment after submitting
 * and is given their secret; nobody without it (the next person at the
 * laptop, the secretary with sqlite) finds the text or which behaviour it is
 * about; at the next round's interview it is opened with the secret and
 * marked done. Commitments appear in no export or report.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { tempUnit } from '../support/bloc.js';
import { queryFile, unitHandle } from '../support/cli.js';
import { KEYS, runPty, type PtySession } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { besideDue } from '../support/raw-search.js';
import { bytes, rawFiles } from '../support/raw-files.js';

const PROMISE = 'Họp giao ban mỗi thứ Hai, nhận việc đúng hạn';
const BETTER = 'Họp giao ban thứ Hai và thứ Năm';
const DUE = '30/6/2027';
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';
const SECRET = /Mã bí mật cam kết của đồng chí:\s+([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/;

/** Answers all 111 with "không", except question `flag` with "thỉnh thoảng"; submits. */
async function answerAll(s: PtySession, flag: number): Promise<void> {
  let offset = 0;
  for (let n = 1; n <= 111; n++) {
    offset = await s.waitFor(`Câu ${n}/111`, { from: offset });
    offset = await s.waitFor('phím số', { from: offset });
    s.type(n === flag ? '2' + KEYS.enter : '1' + KEYS.enter);
    offset = await s.waitFor(`đã trả lời ${n} trên 111 câu`, { from: offset });
  }
  await s.waitFor('Xem lại trước khi nộp', { from: offset });
  s.type(KEYS.enter);
  await s.waitFor('Nộp phiếu bây giờ?', { from: offset });
  s.type('c' + KEYS.enter);
}

/** Waits for the secret prompt and types `secret`. */
async function typeSecret(s: PtySession, secret: string, from: number): Promise<number> {
  const at = await s.waitFor('Mã bí mật cam kết (dạng XXXX-XXXX-XXXX', { from });
  s.type(secret + KEYS.enter);
  return at;
}

const wrongOf = (secret: string) => (secret.startsWith('2') ? `3${secret.slice(1)}` : `2${secret.slice(1)}`);

describe('commitments', () => {
  it('are sealed with a secret given at the first one, unreadable without it, followed up with it at the next round, and never exported', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    const first = runPty(['--db', cell.db, 'answer', '--member', 'M001'], { cwd: cell.dir });
    await first.waitFor('(C/k)');
    first.type('c' + KEYS.enter);
    await answerAll(first, 15); // TT4.3
    const intro = await first.waitFor('Tự sửa: đồng chí đã tự nhận 1 hành vi');
    // Before anything is written: who can read what, and that a lost secret loses the text.
    const ask = await first.waitFor('Đồng chí sẽ làm gì để khắc phục?', { from: intro });
    const said = first.text().slice(intro, ask).replace(/\s+/g, ' ');
    expect(said).toContain('người giữ tệp (bí thư) đều không đọc được');
    expect(said).toContain('chỉ thấy: đồng chí có bao nhiêu cam kết, thời hạn, và đã thực hiện hay chưa');
    expect(said).toContain('ai chọn tên đồng chí trên máy này cũng mở tiếp và đọc được câu trả lời');
    expect(said).toContain('mất mã là mất nội dung cam kết');
    first.type(PROMISE + KEYS.enter);
    await first.waitFor('Đến khi nào?', { from: ask });
    first.type(DUE + KEYS.enter);
    const shown = await first.waitFor(SECRET, { from: ask });
    const secret = SECRET.exec(first.text().slice(ask))![1]!;
    // Typed back wrong, it is shown again; typed back right, it is wiped from the screen and the scrollback.
    await first.waitFor('Gõ lại mã để xác nhận đã ghi:', { from: shown });
    first.type(wrongOf(secret) + KEYS.enter);
    await first.waitFor('Mã gõ lại không khớp', { from: shown });
    first.type(secret.replaceAll('-', '').toLowerCase() + KEYS.enter);
    await first.waitFor('✓ Đã lưu cam kết cho TT4.3', { from: shown });
    const raw = first.raw();
    expect(stripVTControlCharacters(raw.slice(raw.lastIndexOf(CLEAR)))).not.toContain(secret);
    // Saved the moment it was entered: kill before anything else happens.
    first.kill('SIGKILL');
    await first.exited;

    // The secretary with the file: a commitment exists, with its deadline; no text, no behaviour.
    expect(cell.query('SELECT due, outcome FROM sealed_commitment')).toEqual([{ due: DUE, outcome: null }]);
    expect(cell.query('SELECT COUNT(*) AS n FROM unsealed_commitment')).toEqual([{ n: 0 }]);
    const inFile = rawFiles(cell.db);
    expect(inFile).toContain(DUE);
    expect(inFile).not.toContain(bytes(PROMISE));
    expect(inFile).not.toContain(bytes('giao ban'));
    expect(besideDue(inFile, 'TT4.3', DUE)).toBe(0);

    // The next person at the laptop, without the secret: a wrong one refused, then nothing shown.
    const other = runPty(['--db', cell.db, 'answer', '--member', 'M001'], { cwd: cell.dir });
    await other.waitFor('(C/k)');
    other.type('c' + KEYS.enter);
    const asked = await typeSecret(other, wrongOf(secret), 0);
    await other.waitFor('Mã bí mật không đúng', { from: asked });
    other.type(KEYS.enter);
    await other.waitFor('tusoi không hiện gì', { from: asked });
    expect((await other.exited).exitCode).toBe(0);
    for (const s of [PROMISE, 'TT4.3', 'Thỉnh thoảng', DUE]) expect(other.text()).not.toContain(s);

    // A member who submitted on paper and has no secret: nothing at all.
    writeFileSync(join(cell.dir, 'form.csv'), `behaviour,level\n${(await behaviourIds(cell)).map((id, i) => `${id},${i === 3 ? 'thuong-xuyen' : 'khong'}`).join('\n')}\n`);
    expect((await cell.cli(['answer', '--member', 'M002', '--answers', 'form.csv'])).status).toBe(0);
    const paper = runPty(['--db', cell.db, 'answer', '--member', 'M002'], { cwd: cell.dir });
    await paper.waitFor('(C/k)');
    paper.type('c' + KEYS.enter);
    await paper.waitFor('tusoi không hiện gì');
    expect((await paper.exited).exitCode).toBe(0);
    expect(paper.text()).not.toMatch(/TT\d|Thường xuyên/);

    // The member, with the secret: sees and updates the commitment.
    const again = runPty(['--db', cell.db, 'answer', '--member', 'M001'], { cwd: cell.dir });
    await again.waitFor('(C/k)');
    again.type('c' + KEYS.enter);
    const unlocked = await typeSecret(again, secret, 0);
    await again.waitFor(`Enter: giữ "${PROMISE.slice(0, 20)}`, { from: unlocked });
    again.type(BETTER + KEYS.enter);
    await again.waitFor('Đến khi nào?', { from: unlocked });
    again.type(KEYS.enter); // keeps the deadline
    await again.waitFor('✓ Đã lưu cam kết cho TT4.3', { from: unlocked });
    await again.waitFor('Đã lưu 1 cam kết', { from: unlocked });
    expect((await again.exited).exitCode).toBe(0);
    expect(again.text()).not.toContain('Mã bí mật cam kết của đồng chí:'); // no second secret
    expect(cell.query('SELECT due FROM sealed_commitment')).toEqual([{ due: DUE }]);
    expect(rawFiles(cell.db)).not.toContain(bytes(BETTER));

    // Never in an export or a report, of the cell or of the bloc it reports to.
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect((await cell.cli(['export', '--out', 'CB03.csv'])).status).toBe(0);
    expect((await cell.cli(['report', '--format', 'html', '--out', 'r.html'])).status).toBe(0);
    const bloc = await tempUnit('DU01', 'dang-uy-co-so');
    expect((await bloc.cli(['merge', join(cell.dir, 'CB03.csv')])).status).toBe(0);
    const outputs = [
      readFileSync(join(cell.dir, 'CB03.csv'), 'utf8'),
      readFileSync(join(cell.dir, 'r.html'), 'utf8'),
      (await cell.cli(['report', '--json'])).stdout,
      (await cell.cli(['report'])).stdout,
      (await bloc.cli(['report', '--json'])).stdout,
      (await bloc.cli(['report'])).stdout,
    ];
    for (const o of outputs) {
      expect(o).not.toContain('giao ban');
      expect(o).not.toContain(DUE);
    }

    // The next round: the secret is asked first; a wrong one refused; the right one shows the commitment, marked done.
    expect((await cell.cli(['round', 'open', '--label', '2027'])).status).toBe(0);
    const next = runPty(['--db', cell.db, 'answer', '--member', 'M001'], { cwd: cell.dir });
    await next.waitFor('(C/k)');
    next.type('c' + KEYS.enter);
    const locked = await next.waitFor('đồng chí có 1 cam kết cần đánh giá');
    expect(next.text()).not.toContain('giao ban');
    await typeSecret(next, wrongOf(secret), locked);
    const refused = await next.waitFor('Mã bí mật không đúng', { from: locked });
    next.type(secret + KEYS.enter);
    await next.waitFor('ở đợt 2026, đồng chí đã cam kết 1 việc', { from: refused });
    await next.waitFor(`Cam kết: ${BETTER} (hạn: ${DUE})`, { from: refused });
    await next.waitFor('Đã thực hiện chưa?', { from: refused });
    next.type('1' + KEYS.enter);
    await next.waitFor('✓ Đã ghi nhận', { from: refused });
    await next.waitFor('Câu 1/111', { from: refused });
    next.kill('SIGKILL');
    await next.exited;
    expect(cell.query('SELECT outcome FROM sealed_commitment')).toEqual([{ outcome: 'done' }]);
  }, 180_000);

  it('made before sealing (the v3 fixture’s cell) waits in clear, then at the next round is shown, sealed under a new secret and erased', async () => {
    const dir = tempDir('tusoi-legacy-');
    const db = join(dir, 'cell-named.sqlite');
    copyFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'db', 'v3-256b702', 'cell-named.sqlite'), db);
    copyFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'small.yaml'), join(dir, 'small.yaml'));
    const cell = unitHandle(dir, db);
    const LEGACY = 'Đúng giờ mỗi buổi sinh hoạt';
    expect((await cell.cli(['round', 'close'])).status).toBe(0); // migrates
    expect(cell.query('SELECT behaviour_id AS b, action, due FROM unsealed_commitment')).toEqual([{ b: 'A1.2', action: LEGACY, due: '2027-06-30' }]);
    expect((await cell.cli(['round', 'open', '--label', '2027', '--questionnaire', 'small.yaml'])).status).toBe(0);

    const s = runPty(['--db', db, 'answer', '--member', 'M001'], { cwd: dir });
    await s.waitFor('(C/k)');
    s.type('c' + KEYS.enter);
    const at = await s.waitFor('Đồng chí có 1 cam kết ghi từ phiên bản tusoi trước, chưa được khoá');
    await s.waitFor(SECRET, { from: at });
    const secret = SECRET.exec(s.text().slice(at))![1]!;
    await s.waitFor('Gõ lại mã để xác nhận đã ghi:', { from: at });
    s.type(secret + KEYS.enter);
    await s.waitFor('✓ Đã khoá 1 cam kết cũ', { from: at });
    await s.waitFor(`Cam kết: ${LEGACY} (hạn: 2027-06-30)`, { from: at });
    await s.waitFor('Đã thực hiện chưa?', { from: at });
    s.type('2' + KEYS.enter);
    await s.waitFor('✓ Đã ghi nhận', { from: at });
    await s.waitFor('Câu 1/5', { from: at });
    s.kill('SIGKILL');
    await s.exited;
    expect(queryFile(db, 'SELECT COUNT(*) AS n FROM unsealed_commitment', [])).toEqual([{ n: 0 }]);
    expect(queryFile(db, 'SELECT due, outcome FROM sealed_commitment', [])).toEqual([{ due: '2027-06-30', outcome: 'partly' }]);
    const inFile = rawFiles(db);
    expect(inFile).not.toContain(bytes(LEGACY));
    expect(besideDue(inFile, 'A1.2', '2027-06-30')).toBe(0);
  }, 60_000);
});

async function behaviourIds(cell: { cli: (a: string[]) => Promise<{ stdout: string }> }): Promise<string[]> {
  const q = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as { groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }> };
  return q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
}
