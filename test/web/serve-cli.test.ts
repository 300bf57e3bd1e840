/**
 * `tusoi serve` as the secretary runs it: the compiled binary prints the
 * slips, serves on 127.0.0.1, shows live participation (counts, never an
 * answer) and stops on Ctrl+C saying what is saved. `--help` loads none of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { ROOT, runCli } from '../support/cli.js';
import { loadedSources } from '../support/loaded-sources.js';
import { tempDir } from '../support/temp.js';
import { Device, eventually, pageBehaviours, spawnServe } from '../support/web.js';
import { loadQuestionnaireFile, bundledQuestionnaireFile } from '../../src/questionnaire/load.js';

const importLog = (args: string[], cwd = ROOT) => {
  const log = join(tempDir('tusoi-imports-'), 'imports.log');
  const r = runCli(args, { cwd, env: { TUSOI_IMPORT_LOG: log }, nodeArgs: ['--import', join(ROOT, 'test/support/record-imports.mjs')] });
  return { r, loaded: loadedSources(readFileSync(log, 'utf8')) };
};

describe('tusoi serve', () => {
  it('--help loads neither the server nor SQLite; --codes does load the web modules (so the check sees them)', async () => {
    const help = importLog(['serve', '--help']);
    expect(help.r.status).toBe(0);
    expect(help.r.stdout).toContain('--codes');
    expect(help.loaded.filter((s) => /src\/web\/|dist\/web\/|commands\/serve|better-sqlite3|@peculiar|tsyringe|uqr|^node:(https|tls)$/.test(s))).toEqual([]);
    expect(help.r.stdout).toContain('--https');
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    const codes = importLog(['--db', cell.db, 'serve', '--host', '127.0.0.1', '--codes', 'slips.html'], cell.dir);
    expect(codes.r.status).toBe(0);
    expect(codes.loaded.some((s) => /web\/slips/.test(s))).toBe(true);
    // uqr draws the slips' QR codes; the certificate library and node:https wait for --https.
    expect(codes.loaded.some((s) => /node_modules\/uqr\//.test(s))).toBe(true);
    expect(codes.loaded.filter((s) => /@peculiar|tsyringe|^node:https$/.test(s))).toEqual([]);
    const https = importLog(['--db', cell.db, 'serve', '--host', '127.0.0.1', '--https', '--codes', 'slips-https.html'], cell.dir);
    expect(https.r.status).toBe(0);
    expect(https.loaded.some((s) => /@peculiar\/x509/.test(s))).toBe(true);
  });

  it('prints slips, serves, shows counts only, and stops on Ctrl+C saying what is saved', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị <i>Bích</i>'], round: ['--label', '2026'] });
    const slips = cell.bin(['serve', '--host', '127.0.0.1', '--port', '9999', '--codes', 'slips.html']);
    expect(slips.status).toBe(0);
    expect(slips.stdout).toContain('Đã ghi 2 phiếu mã cá nhân vào slips.html');
    const html = readFileSync(join(cell.dir, 'slips.html'), 'utf8');
    expect(html).toContain('http://127.0.0.1:9999/');
    expect(html).toContain('Trần Thị &lt;i&gt;Bích&lt;/i&gt;');
    const codes = [...html.matchAll(/class="code">([^<]+)</g)].map((m) => m[1]!);
    expect(codes).toHaveLength(2);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const srv = await spawnServe(cell.db, cell.dir);
    try {
      expect(srv.output()).toContain('không mã hóa (HTTP)');
      expect(srv.output()).toContain('Private networks');
      expect(srv.output()).toContain('2/2 đảng viên có mã cá nhân.');
      const d = new Device(srv.port);
      expect((await d.signIn(codes[0]!)).status).toBe(303);
      const q = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii'));
      if (!q.ok) throw new Error('questionnaire');
      await d.get('/m/1');
      const ids = pageBehaviours(q.questionnaire, 1);
      expect((await d.post('/m/1', { csrf: d.csrf, ...Object.fromEntries(ids.map((id) => [`b:${id}`, 'thuong-xuyen'])) })).status).toBe(303);
      await eventually(() => srv.output().includes('đang làm 1'));
      expect(srv.output()).toContain('Đã nộp 0 · đang làm 1 · chưa bắt đầu 1');
      srv.child.kill('SIGINT');
      expect(await srv.exited()).toEqual({ code: 0, signal: null });
      expect(srv.output()).toContain('Đã dừng. Mọi câu trả lời đã nhận đều đã lưu: 0 phiếu đã nộp, 1 phiếu đang làm dở');
      // Counts, never an answer, on the secretary's screen.
      for (const word of ['thuong-xuyen', 'Thường xuyên', 'thường xuyên', ...ids]) expect(srv.output()).not.toContain(word);
      expect(srv.errors()).toBe('');
      expect(cell.query<{ n: number }>("SELECT count(*) AS n FROM answer WHERE level = 'thuong-xuyen'")[0]!.n).toBe(ids.length);
    } finally {
      srv.child.kill('SIGKILL');
    }
  });

  it('refuses --slips without --codes (anonymous rounds are served: test/web/anonymous.slow.test.ts) and a bad --host or --port clearly', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026', '--anonymous'] });
    const anon = await cell.cli(['serve', '--host', '127.0.0.1', '--slips', '3']);
    expect(anon.status).toBe(2);
    expect(anon.stderr).toContain('--slips');
    const host = await cell.cli(['serve', '--host', 'evil.example']);
    expect(host.status).toBe(2);
    const port = await cell.cli(['serve', '--host', '127.0.0.1', '--port', '70000']);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port');
  });
});
