/**
 * An anonymous ballot on a phone-sized headless Chromium (Debian's), against
 * the compiled `tusoi serve` on 127.0.0.1 (issue 18, part 2): the slips
 * printed, a member ticked off on the secretary's desk (its stdin), the slip
 * code typed, all 111 behaviours tapped, review, confirmation, submission.
 * The round's tallies equal what was tapped. Page scripts are disabled (the
 * form needs none). Screenshots: docs/screenshots/serve-anon-*.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { escapeHtml } from '../../src/report/escape.js';
import { anonymousSummary } from '../../src/store/anonymous.js';
import { openDatabase } from '../../src/store/db.js';
import { findOpenRound, roundQuestionnaire } from '../../src/store/rounds.js';
import { Browser, type Tab, tapAndWait } from '../support/cdp.js';
import { tempCell } from '../support/cell.js';
import { ROOT } from '../support/cli.js';
import { eventually, pageBehaviours, spawnServe } from '../support/web.js';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;
const levelFor = (i: number) => LEVELS[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0];

let browser: Browser | undefined;
afterAll(async () => browser?.close());

/** The desk's output as a terminal shows it: the prompt and what the secretary typed (a piped stdin echoes neither). */
const terminalView = (out: string): string => `${out.replace('Đã đánh dấu', 'Người nhận phiếu: tran thi\nĐã đánh dấu')}Người nhận phiếu: `;

async function typeCode(tab: Tab, code: string): Promise<void> {
  await tab.tap('#code');
  await tab.call('Input.insertText', { text: code });
  await tapAndWait(tab, 'form button[type=submit]');
}

describe('an anonymous ballot in a phone-sized browser', () => {
  it('slip code in, a member ticked off at the desk, all 111 answered and submitted: the tallies equal what was tapped', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'], round: ['--label', '2026', '--anonymous'] });
    expect(cell.bin(['serve', '--host', '127.0.0.1', '--codes', 'phieu.html']).status).toBe(0);
    const sheet = join(cell.dir, 'phieu.html');
    const slips = readFileSync(sheet, 'utf8');
    const codes = [...slips.matchAll(/class="code">([^<]+)</g)].map((x) => x[1]!);
    expect(codes).toHaveLength(3);
    // No name on any slip.
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng']) expect(slips).not.toContain(name);
    const db0 = openDatabase(cell.db);
    const q = roundQuestionnaire(db0, findOpenRound(db0)!);
    db0.close();
    const ids = allBehaviours(q).map((b) => b.id);
    const tapped = new Map<string, string>();
    const srv = await spawnServe(cell.db, cell.dir, 'vi', [], /Phiếu đã phát 0 · phiếu đã nộp 0/);
    const base = `http://127.0.0.1:${srv.port}`;
    browser = Browser.launch();
    const noScripts = async (t: Tab) => t.call('Emulation.setScriptExecutionDisabled', { value: true });
    try {
      const sheetTab = await browser.tab();
      await sheetTab.goto(pathToFileURL(sheet).href);
      writeFileSync(join(SHOTS, 'serve-anon-1-slips.png'), await sheetTab.screenshot());
      await sheetTab.close();

      // The secretary hands the first slip to Ngọc and ticks her off, typing without accents.
      srv.child.stdin.write('tran thi\n');
      await eventually(() => srv.output().includes('Đã đánh dấu Trần Thị Bích Ngọc (M002) nhận phiếu.') && srv.output().includes('Phiếu đã phát 1 · phiếu đã nộp 0'));

      const phone = await browser.tab();
      await noScripts(phone);
      await phone.goto(`${base}/`);
      expect(await phone.eval<string>('document.querySelector("label[for=code]").textContent')).toBe('Mã trên phiếu');
      writeFileSync(join(SHOTS, 'serve-anon-2-code.png'), await phone.screenshot());
      await typeCode(phone, 'ABCDE-FGHJK');
      expect(await phone.eval<string>('document.querySelector(".problem").textContent')).toContain('Mã không đúng');
      await typeCode(phone, codes[0]!.toLowerCase());

      for (let p = 1; p <= 27; p++) {
        expect(await phone.url()).toBe(`/m/${p}`);
        if (p === 1) expect(await phone.eval<string>('document.querySelector(".who").textContent')).toBe('Phiếu ẩn danh');
        for (const id of pageBehaviours(q, p)) {
          const level = levelFor(ids.indexOf(id));
          await phone.tap(`label[for="b-${id}-${level}"]`);
          tapped.set(id, level);
        }
        if (p === 2) writeFileSync(join(SHOTS, 'serve-anon-3-manifestation.png'), await phone.screenshot(true));
        await tapAndWait(phone, 'button[value=next]');
      }
      expect(await phone.url()).toBe('/review');
      await phone.tap('label[for=confirm]');
      await tapAndWait(phone, 'form[action="/submit"] button');
      expect(await phone.url()).toBe('/done');
      writeFileSync(join(SHOTS, 'serve-anon-4-done.png'), await phone.screenshot());
      expect(tapped.size).toBe(111);
      await eventually(() => srv.output().includes('Phiếu đã phát 1 · phiếu đã nộp 1'));

      // The secretary's screen, as the terminal showed it.
      const screen = await browser.tab();
      await screen.call('Emulation.setDeviceMetricsOverride', { width: 1000, height: 400, deviceScaleFactor: 1, mobile: false });
      const html = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#0c0c0c;color:#ccc;font:15px/1.4 'DejaVu Sans Mono',monospace"><pre style="margin:0;padding:12px;white-space:pre-wrap">C:\\chi-bo&gt; tusoi serve\n${escapeHtml(terminalView(srv.output()))}</pre>`;
      await screen.goto(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      writeFileSync(join(SHOTS, 'serve-anon-5-secretary.png'), await screen.screenshot());
    } finally {
      srv.child.kill('SIGINT');
      await srv.exited();
    }
    // The tally: one ballot, exactly what was tapped; no ballot row left.
    const db = openDatabase(cell.db);
    try {
      const round = findOpenRound(db)!;
      const sum = anonymousSummary(db, q, round.id, { code: '', name: '', level: '', parentCode: null, members: 0 });
      expect(sum.respondents).toBe(1);
      for (const b of allBehaviours(q)) {
        const row = sum.behaviours.get(b.id)!;
        for (const l of LEVELS) expect(row[l] ?? 0, `${b.id} ${l}`).toBe(tapped.get(b.id) === l ? 1 : 0);
      }
      expect(db.prepare('SELECT count(*) AS n FROM anon_ballot').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  }, 300_000);
});
