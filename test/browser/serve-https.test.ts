/**
 * `tusoi serve --https` in a phone-sized headless Chromium (Debian's) that
 * trusts exactly the certificate tusoi made (pinned by its public key's
 * SHA-256 with --ignore-certificate-errors-spki-list, as a member who has
 * compared the fingerprint taps through the warning): the compiled CLI
 * prints the slips, serves on 127.0.0.1 under a real terminal, the member
 * opens a slip's QR link (the code filled in), signs in and answers a
 * page; the cookies are Secure and HttpOnly; the stored answers equal what
 * was tapped. Screenshots of the slip sheet, the prefilled sign-in page and
 * the secretary's screen with its QR code go to docs/screenshots/.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundled } from '../support/bloc.js';
import { escapeHtml } from '../../src/report/escape.js';
import { Browser, type Tab, tapAndWait } from '../support/cdp.js';
import { tempCell } from '../support/cell.js';
import { ROOT } from '../support/cli.js';
import { KEYS, runPty } from '../support/pty.js';
import { pageBehaviours } from '../support/web.js';

const SHOTS = join(ROOT, 'docs', 'screenshots');
let browser: Browser | undefined;
afterAll(async () => browser?.close());

/** The terminal's output as a page: the QR code's black-on-white escape kept as colours, every other escape dropped. */
function terminalPage(raw: string): string {
  const parts = raw.replace(/\r/g, '').split(/(\x1b\[30;107m|\x1b\[0m)/);
  let html = '';
  let qr = false;
  for (const p of parts) {
    if (p === '\x1b[30;107m') qr = true;
    else if (p === '\x1b[0m') qr = false;
    else {
      const text = escapeHtml(p.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\x1b\][^\x07]*\x07/g, ''));
      html += qr ? `<span style="background:#fff;color:#000">${text}</span>` : text;
    }
  }
  return `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#0c0c0c;color:#ccc;font:14px/1.0 'DejaVu Sans Mono',monospace"><pre style="margin:0;padding:12px;white-space:pre-wrap;line-height:1.0">C:\\chi-bo&gt; tusoi serve --https\n${html}</pre>`;
}

describe('serve --https in a phone-sized browser pinned to its certificate', () => {
  it('a member opens a slip’s link, signs in and answers a page over TLS; cookies Secure; stored = tapped', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const q = bundled();
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Phạm Minh Châu'], round: ['--label', '2026'] });
    const slips = cell.bin(['serve', '--host', '127.0.0.1', '--port', '8443', '--https', '--codes', 'slips.html']);
    expect(slips.status).toBe(0);
    const cert = new X509Certificate(cell.query<{ c: Buffer }>('SELECT certificate AS c FROM web_certificate')[0]!.c);
    const spki = createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
    const sheet = readFileSync(join(cell.dir, 'slips.html'), 'utf8');
    const code = /class="name">Nguyễn Văn An<[\s\S]*?class="code">([^<]+)</.exec(sheet)![1]!;
    expect(sheet).toContain(cert.fingerprint256.split(':').slice(0, 8).join(' '));

    const screen = runPty(['--db', cell.db, 'serve', '--host', '127.0.0.1', '--port', '0', '--https'], { cwd: cell.dir, cols: 110 });
    browser = Browser.launch(undefined, [`--ignore-certificate-errors-spki-list=${spki}`]);
    try {
      await screen.waitFor(/\d\d:\d\d:\d\d {2}Đã nộp 0/, { timeoutMs: 30_000 });
      expect(screen.text()).toContain('Dùng lại chứng chỉ đã có');
      const url = /Phiếu đang mở tại: (https:\/\/127\.0\.0\.1:\d+\/)/.exec(screen.text())![1]!;

      // The slip sheet as printed (A4 width).
      const paper = await browser.tab();
      await paper.call('Emulation.setDeviceMetricsOverride', { width: 794, height: 1123, deviceScaleFactor: 1, mobile: false });
      await paper.goto(`file://${join(cell.dir, 'slips.html')}`);
      expect(await paper.eval<number>('document.querySelectorAll(".slip svg.qr").length')).toBe(4);
      writeFileSync(join(SHOTS, 'serve-https-slips.png'), await paper.screenshot());

      // The phone scans the QR code: the address with the code filled in, over TLS, no warning (pinned).
      const phone = await browser.tab();
      await phone.call('Emulation.setScriptExecutionDisabled', { value: true });
      await phone.goto(`${url}?code=${encodeURIComponent(code)}`);
      expect(await phone.eval<string>('location.protocol')).toBe('https:');
      expect(await phone.eval<string>('document.querySelector("#code").value')).toBe(code);
      writeFileSync(join(SHOTS, 'serve-https-code.png'), await phone.screenshot());
      await tapAndWait(phone, 'form button[type=submit]');
      expect(await phone.url()).toBe('/m/1');
      const { cookies } = (await phone.call('Network.getCookies', { urls: [url] })) as { cookies: Array<{ name: string; secure: boolean; httpOnly: boolean; sameSite: string }> };
      expect(cookies.map((c) => c.name).sort()).toEqual(['tusoi_pre', 'tusoi_session']);
      for (const c of cookies) expect([c.secure, c.httpOnly, c.sameSite]).toEqual([true, true, 'Strict']);
      const tapped = new Map<string, string>();
      pageBehaviours(q, 1).forEach((id, i) => tapped.set(id, i % 2 ? 'thinh-thoang' : 'khong'));
      for (const [id, level] of tapped) await phone.tap(`label[for="b-${id}-${level}"]`);
      await tapAndWait(phone, 'button[value=next]');
      expect(await phone.url()).toBe('/m/2');
      const stored = new Map(cell.query<{ b: string; level: string }>('SELECT behaviour_id AS b, level FROM answer').map((r) => [r.b, r.level]));
      expect(stored).toEqual(tapped);

      await screen.waitFor('đang làm 1');
      const term = await browser.tab();
      await term.call('Emulation.setDeviceMetricsOverride', { width: 1000, height: 900, deviceScaleFactor: 1, mobile: false });
      await term.goto(`data:text/html;charset=utf-8,${encodeURIComponent(terminalPage(screen.raw()))}`);
      writeFileSync(join(SHOTS, 'serve-https-secretary.png'), await term.screenshot(true));
      screen.type(KEYS.ctrlC);
      expect((await screen.exited).exitCode).toBe(0);
    } finally {
      screen.kill();
    }
  }, 180_000);
});
