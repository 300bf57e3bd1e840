/**
 * QR codes of the address: each slip's inline SVG holds exactly its own
 * `address?code=…` (read back to its module matrix and compared with uqr's
 * encoding of that text), inside the slip sheet's strict CSP; the terminal
 * rendering reads back to the address; and the link a slip opens fills the
 * code field in without signing anyone in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { qrModules, svgQr, terminalQr } from '../../src/web/qr.js';
import { slipLink, slipSheet } from '../../src/web/slips.js';
import { anonymousSlipSheet } from '../../src/web/anonymous-slips.js';
import { fingerprintOf } from '../../src/web/certificate.js';
import { blockMatrix, svgMatrix } from '../support/qr-read.js';
import { served, type Served } from '../support/web.js';

let s: Served | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const URL_ = 'https://192.168.137.1:8080/';

describe('QR codes', () => {
  it('one per slip, each holding the address with that slip’s code; SVG only, no style or script, labelled', () => {
    const slips = [
      { name: 'Nguyễn Văn An', code: 'K7QH2-MX9TD' },
      { name: 'Trần Thị <b>Bích</b>', code: 'A2B3C-D4E5F' },
      { name: 'Lê Đức Thắng', code: 'ZZZZZ-22222' },
    ];
    const fp = fingerprintOf(Buffer.from('certificate'));
    const html = slipSheet(vi, 'vi', '2026', URL_, slips, fp);
    const blocks = html.split('<div class="slip">').slice(1);
    expect(blocks).toHaveLength(3);
    blocks.forEach((block, i) => {
      const svgs = block.match(/<svg[\s\S]*?<\/svg>/g)!;
      expect(svgs).toHaveLength(1);
      expect(svgMatrix(svgs[0]!)).toEqual(qrModules(`${URL_}?code=${slips[i]!.code}`));
      expect(svgMatrix(svgs[0]!)).not.toEqual(qrModules(`${URL_}?code=${slips[(i + 1) % 3]!.code}`));
      expect(block).toContain(fp.short);
    });
    expect(slipLink(URL_, 'K7QH2-MX9TD')).toBe('https://192.168.137.1:8080/?code=K7QH2-MX9TD');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g)!) {
      expect(svg).not.toMatch(/style=|<script|href=|on[a-z]+=/i);
      expect(svg).toMatch(/role="img" aria-label="Mã QR: mở https:\/\/192\.168\.137\.1:8080\/ với mã cá nhân điền sẵn"/);
    }
    // Over plain http, no fingerprint line.
    expect(slipSheet(en, 'en', '2026', 'http://192.168.1.5:8080/', slips)).not.toContain('fingerprint');
  });

  it('an anonymous round’s slips: the same QR code of the address with the slip’s code, the fingerprint over https, no name', () => {
    const codes = ['K7QH2-MX9TD', 'A2B3C-D4E5F'];
    const fp = fingerprintOf(Buffer.from('certificate'));
    const html = anonymousSlipSheet(vi, 'vi', '2026', URL_, codes, fp);
    const blocks = html.split('<div class="slip">').slice(1);
    expect(blocks).toHaveLength(2);
    blocks.forEach((block, i) => {
      const svgs = block.match(/<svg[\s\S]*?<\/svg>/g)!;
      expect(svgs).toHaveLength(1);
      expect(svgMatrix(svgs[0]!)).toEqual(qrModules(`${URL_}?code=${codes[i]!}`));
      expect(svgs[0]).toMatch(/aria-label="Mã QR: mở https:\/\/192\.168\.137\.1:8080\/ với mã phiếu điền sẵn"/);
      expect(block).toContain(fp.short);
    });
    expect(anonymousSlipSheet(en, 'en', '2026', 'http://192.168.1.5:8080/', codes)).not.toContain('fingerprint');
  });

  it('the terminal lines read back to the address, black on white whatever the theme, and fit 80 columns', () => {
    const t = terminalQr(URL_);
    const plain = t.lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
    expect(blockMatrix(plain)).toEqual(qrModules(URL_));
    for (const l of t.lines) expect(l).toMatch(/^\x1b\[30;107m[ ▀▄█]+\x1b\[0m$/);
    expect(t.width).toBe([...plain[0]!].length);
    expect(t.width).toBeLessThanOrEqual(78);
    // The longest address tusoi prints (IPv6 in brackets, a 5-digit port) still fits.
    expect(terminalQr('https://[fd12:3456:789a:1::1234]:65535/').width).toBeLessThanOrEqual(78);
    expect(svgMatrix(svgQr(URL_, '3cm', 'x'))).toEqual(qrModules(URL_));
  });

  it('the slip’s link fills the code field in and signs nobody in; anything but a code is ignored', async () => {
    s = await served(['Nguyễn Văn An']);
    const code = s.codes.get('Nguyễn Văn An')!;
    const d = s.device();
    const r = await d.get(`/?code=${code.toLowerCase()}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain(`name="code" value="${code.slice(0, 5)}-${code.slice(5)}"`);
    expect(d.jar.has('tusoi_session')).toBe(false);
    expect((await d.get('/form')).status).toBe(303);
    expect((await d.get('/form')).headers.location).toBe('/');
    expect(s.cell.query('SELECT * FROM web_session')).toEqual([]);
    for (const junk of ['%3Cscript%3E', 'ABCDE-FGHJ0', 'x'.repeat(300)]) {
      const j = await d.get(`/?code=${junk}`);
      expect(j.status).toBe(200);
      expect(j.body).not.toMatch(/name="code" value=/);
    }
    // Signing in is still the POST with its CSRF token.
    expect((await d.post('/code', { code })).status).toBe(403);
    expect((await d.post('/code', { csrf: d.csrf, code })).status).toBe(303);
  });
});
