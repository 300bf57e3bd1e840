/**
 * A member answering on a phone-sized headless Chromium (Debian's), driven
 * over the DevTools pipe (test/support/cdp.ts), against the compiled
 * `tusoi serve` on 127.0.0.1: wrong code, right code, all 111 behaviours by
 * tapping their labels, the tab closed and reopened (the session cookie
 * resumes), a second device resuming with the code, review, confirmation,
 * submission. The stored answers equal what was tapped. Page scripts are
 * disabled throughout (the form needs none). Screenshots go to
 * docs/screenshots/serve-*.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allBehaviours, type Questionnaire } from '../../src/questionnaire/model.js';
import { bundled } from '../support/bloc.js';
import { escapeHtml } from '../../src/report/escape.js';
import { Browser, type Tab, tapAndWait } from '../support/cdp.js';
import { tempCell } from '../support/cell.js';
import { ROOT } from '../support/cli.js';
import { pageBehaviours, spawnServe } from '../support/web.js';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;
const levelFor = (i: number) => LEVELS[i % 9 === 0 ? 2 : i % 4 === 0 ? 1 : 0];

let browser: Browser | undefined;
afterAll(async () => browser?.close());

async function typeCode(tab: Tab, code: string): Promise<void> {
  await tab.tap('#code');
  await tab.call('Input.insertText', { text: code });
  await tapAndWait(tab, 'form button[type=submit]');
}

/** Taps one level for every behaviour of the page, then "next"; returns what was tapped. */
async function answerPage(tab: Tab, q: Questionnaire, p: number, ids: string[], shot?: string): Promise<Map<string, string>> {
  expect(await tab.url()).toBe(`/m/${p}`);
  const tapped = new Map<string, string>();
  for (const id of pageBehaviours(q, p)) {
    const level = levelFor(ids.indexOf(id));
    await tab.tap(`label[for="b-${id}-${level}"]`);
    tapped.set(id, level);
  }
  expect(await tab.eval<number>('document.querySelectorAll("input[type=radio]:checked").length')).toBe(tapped.size);
  if (shot) writeFileSync(join(SHOTS, shot), await tab.screenshot(true));
  await tapAndWait(tab, 'button[value=next]');
  return tapped;
}

describe('the network form in a phone-sized browser', () => {
  it('a member answers all 111 behaviours, closes the tab, resumes, changes device, reviews and submits; stored = tapped', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const q = bundled();
    const ids = allBehaviours(q).map((b) => b.id);
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'], round: ['--label', '2026'] });
    expect(cell.bin(['serve', '--host', '127.0.0.1', '--codes', 'slips.html']).status).toBe(0);
    const slips = readFileSync(join(cell.dir, 'slips.html'), 'utf8');
    const code = /class="name">Nguyễn Văn An<[\s\S]*?class="code">([^<]+)</.exec(slips)![1]!;
    const srv = await spawnServe(cell.db, cell.dir);
    const base = `http://127.0.0.1:${srv.port}`;
    browser = Browser.launch();
    const noScripts = async (t: Tab) => t.call('Emulation.setScriptExecutionDisabled', { value: true });
    try {
      const phone = await browser.tab();
      await noScripts(phone);
      await phone.goto(`${base}/`);
      writeFileSync(join(SHOTS, 'serve-1-code.png'), await phone.screenshot());
      await typeCode(phone, 'ABCDE-FGHJK');
      expect(await phone.eval<string>('document.querySelector(".problem").textContent')).toContain('Mã không đúng');
      writeFileSync(join(SHOTS, 'serve-2-wrong-code.png'), await phone.screenshot());
      await typeCode(phone, code.toLowerCase());
      const tapped = new Map<string, string>();
      const firstMarked = 1 + q.groups.flatMap((g) => g.manifestations).findIndex((m) => m.status !== 'verbatim');
      for (let p = 1; p <= 13; p++) for (const [k, v] of await answerPage(phone, q, p, ids, p === 1 ? 'serve-3-manifestation.png' : p === firstMarked ? 'serve-4-status-mark.png' : undefined)) tapped.set(k, v);
      // The tab is closed; a new tab in the same browser goes on where the member stopped.
      const context = phone.context;
      await phone.close();
      const again = await browser.tab(context);
      await noScripts(again);
      await again.goto(`${base}/`);
      expect(await again.url()).toBe('/m/14');
      for (let p = 14; p <= 20; p++) for (const [k, v] of await answerPage(again, q, p, ids)) tapped.set(k, v);
      await again.close();
      // Another device: the code again, and the form opens at the first unanswered page.
      const desk = await browser.tab();
      await noScripts(desk);
      await desk.goto(`${base}/?lang=en`);
      await typeCode(desk, code);
      // The phone's tab still holds the form (one front end at a time): the desk says where, and takes it over.
      expect(await desk.url()).toBe('/form?lang=en');
      expect(await desk.eval<string>('document.querySelector("h1").textContent')).toBe('The form is open elsewhere');
      writeFileSync(join(SHOTS, 'serve-8-open-elsewhere.png'), await desk.screenshot());
      await tapAndWait(desk, 'form[action="/takeover?lang=en"] button');
      expect(await desk.url()).toBe('/m/21?lang=en');
      await desk.goto(`${base}/m/21`);
      for (let p = 21; p <= 27; p++) for (const [k, v] of await answerPage(desk, q, p, ids)) tapped.set(k, v);
      expect(await desk.url()).toBe('/review');
      const flagged = ids.filter((_, i) => levelFor(i) !== 'khong').length;
      expect(await desk.eval<number>('document.querySelectorAll("ul.flagged li").length')).toBe(flagged);
      writeFileSync(join(SHOTS, 'serve-5-review.png'), await desk.screenshot());
      await desk.tap('label[for=confirm]');
      await tapAndWait(desk, 'form[action="/submit"] button');
      expect(await desk.url()).toBe('/done');
      writeFileSync(join(SHOTS, 'serve-6-done.png'), await desk.screenshot());
      expect(tapped.size).toBe(111);
      const stored = new Map(cell.query<{ b: string; level: string }>("SELECT a.behaviour_id AS b, a.level FROM answer a JOIN response r ON r.id = a.response_id WHERE r.status = 'submitted'").map((r) => [r.b, r.level]));
      expect(stored).toEqual(tapped);
      // Locked: the code now gets the "already submitted" page.
      const late = await browser.tab();
      await late.goto(`${base}/`);
      await typeCode(late, code);
      expect(await late.eval<string>('document.querySelector("h1").textContent')).toBe('Phiếu đã nộp');

      // The secretary's screen, as the terminal showed it.
      await new Promise((r) => setTimeout(r, 300));
      const screen = await browser.tab();
      await screen.call('Emulation.setDeviceMetricsOverride', { width: 1000, height: 360, deviceScaleFactor: 1, mobile: false });
      const html = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#0c0c0c;color:#ccc;font:15px/1.4 'DejaVu Sans Mono',monospace"><pre style="margin:0;padding:12px;white-space:pre-wrap">C:\\chi-bo&gt; tusoi serve\n${escapeHtml(srv.output())}</pre>`;
      await screen.goto(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      writeFileSync(join(SHOTS, 'serve-7-secretary.png'), await screen.screenshot());
    } finally {
      srv.child.kill('SIGINT');
      await srv.exited();
    }
  }, 300_000);
});
