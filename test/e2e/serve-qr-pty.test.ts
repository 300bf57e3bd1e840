/**
 * The secretary's screen of `tusoi serve --https` in a real terminal (the
 * compiled CLI under a pty): the address as a QR code that reads back to
 * it, the certificate's fingerprint as stored, the warning members will
 * see; a window too narrow, or output that is not a terminal, gets a line
 * saying there is no QR code instead.
 */
import { X509Certificate } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { qrModules } from '../../src/web/qr.js';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';
import { blockMatrix } from '../support/qr-read.js';
import { spawnServe } from '../support/web.js';

const LIVE = /\d\d:\d\d:\d\d {2}Đã nộp 0 · đang làm 0 · chưa bắt đầu 2/;

describe('the secretary’s screen of serve --https', () => {
  it('shows the address as a QR code that reads back to it, and the stored certificate’s fingerprint', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Lê Thị Hoa'], round: ['--label', '2026'] });
    const s = runPty(['--db', cell.db, 'serve', '--host', '127.0.0.1', '--port', '0', '--https'], { cwd: cell.dir, cols: 100 });
    try {
      await s.waitFor(LIVE, { timeoutMs: 30_000 });
      const url = /Phiếu đang mở tại: (https:\/\/127\.0\.0\.1:\d+\/)/.exec(s.text())![1]!;
      const qrLines = s
        .raw()
        .split('\n')
        .filter((l) => l.includes('\x1b[30;107m'))
        .map((l) => stripVTControlCharacters(l).replace(/\r/g, '').slice(2));
      expect(qrLines.length).toBeGreaterThan(10);
      expect(blockMatrix(qrLines)).toEqual(qrModules(url));
      const stored = cell.query<{ c: Buffer }>('SELECT certificate AS c FROM web_certificate')[0]!.c;
      const fp = new X509Certificate(stored).fingerprint256;
      expect(s.text()).toContain(`Dấu vân tay SHA-256: ${fp}`);
      expect(s.text()).toContain(`8 cặp đầu để so:   ${fp.split(':').slice(0, 8).join(' ')}`);
      expect(s.text()).toContain('Đã tạo chứng chỉ mới');
      expect(s.text()).toContain('Kết nối của bạn không phải là kết nối riêng tư');
      expect(s.text()).toContain('Không an toàn');
      expect(s.text()).not.toContain('không mã hóa (HTTP)');
      s.type(KEYS.ctrlC);
      expect((await s.exited).exitCode).toBe(0);
    } finally {
      s.kill();
    }
  }, 60_000);

  it('says there is no QR code in a window too narrow, or when the output is not a terminal', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Lê Thị Hoa'], round: ['--label', '2026'] });
    const s = runPty(['--db', cell.db, 'serve', '--host', '127.0.0.1', '--port', '0'], { cwd: cell.dir, cols: 30 });
    try {
      await s.waitFor(LIVE, { timeoutMs: 30_000 });
      expect(s.text().replace(/\n/g, '')).toContain('(Không in mã QR: cửa sổ rộng 30 cột, mã cần');
      expect(s.raw()).not.toContain('\x1b[30;107m');
      s.type(KEYS.ctrlC);
      expect((await s.exited).exitCode).toBe(0);
    } finally {
      s.kill();
    }
    const piped = await spawnServe(cell.db, cell.dir, 'en');
    try {
      expect(piped.output()).toContain('(No QR code: the output is not a terminal.)');
      expect(piped.output()).not.toContain('\x1b[');
    } finally {
      piped.child.kill('SIGINT');
      await piped.exited();
    }
  }, 60_000);
});
