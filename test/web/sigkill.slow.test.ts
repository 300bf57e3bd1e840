/**
 * The server killed with SIGKILL while members are answering (a laptop
 * crash): every answer whose page was acknowledged is in the file,
 * `integrity_check` is ok, and after a restart members go on, with the same
 * device (its session survives) or with their code on another.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledQuestionnaireFile, loadQuestionnaireFile } from '../../src/questionnaire/load.js';
import { tempCell } from '../support/cell.js';
import { Device, pageBehaviours, spawnServe } from '../support/web.js';

const MEMBERS = 8;

describe('SIGKILL of the server mid-answering', () => {
  it('loses no acknowledged answer; the file is sound; members resume after a restart', async () => {
    const names = Array.from({ length: MEMBERS }, (_, i) => `Đảng viên ${i + 1}`);
    const cell = await tempCell({ members: names, round: ['--label', '2026'] });
    expect(cell.bin(['serve', '--host', '127.0.0.1', '--codes', 'slips.html']).status).toBe(0);
    const html = readFileSync(join(cell.dir, 'slips.html'), 'utf8');
    const codes = [...html.matchAll(/class="code">([^<]+)</g)].map((m) => m[1]!);
    const parsed = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii'));
    if (!parsed.ok) throw new Error('questionnaire');
    const q = parsed.questionnaire;

    const srv = await spawnServe(cell.db, cell.dir);
    const acknowledged = new Map<string, Map<string, string>>(); // code → behaviour → level
    const devices = codes.map((_, k) => new Device(srv.port, `127.0.0.${k + 2}`));
    let posts = 0;
    let killed = false;
    await Promise.all(
      codes.map(async (code, k) => {
        const d = devices[k]!;
        const mine = new Map<string, string>();
        acknowledged.set(code, mine);
        try {
          if ((await d.signIn(code)).status !== 303) throw new Error('sign-in');
          for (let p = 1; p <= 27; p++) {
            await d.get(`/m/${p}`);
            const given = pageBehaviours(q, p).map((id, i) => [id, (p + i + k) % 3 === 0 ? 'thuong-xuyen' : 'khong'] as const);
            const r = await d.post(`/m/${p}`, { csrf: d.csrf, ...Object.fromEntries(given.map(([id, l]) => [`b:${id}`, l])) });
            if (r.status !== 303) throw new Error(`status ${r.status}`);
            for (const [id, l] of given) mine.set(id, l);
            // Kill once enough pages are acknowledged, while the others' requests are in flight.
            if (++posts === 60 && !killed) {
              killed = true;
              srv.child.kill('SIGKILL');
            }
          }
        } catch {
          // The connection died with the server: whatever was not acknowledged may be lost.
        }
      }),
    );
    expect(killed).toBe(true);
    expect((await srv.exited()).signal).toBe('SIGKILL');
    expect(cell.query<{ integrity_check: string }>('PRAGMA integrity_check')[0]!.integrity_check).toBe('ok');
    const storedOf = () => {
      const rows = cell.query<{ m: string; b: string; level: string }>('SELECT m.name AS m, a.behaviour_id AS b, a.level FROM answer a JOIN response r ON r.id = a.response_id JOIN member m ON m.id = r.member_id');
      const out = new Map<string, Map<string, string>>();
      for (const r of rows) out.set(r.m, (out.get(r.m) ?? new Map<string, string>()).set(r.b, r.level));
      return out;
    };
    const codeOwner = new Map([...html.matchAll(/class="name">([^<]+)<[\s\S]*?class="code">([^<]+)</g)].map((m) => [m[2]!, m[1]!]));
    const stored = storedOf();
    let total = 0;
    for (const [code, mine] of acknowledged) {
      const got = stored.get(codeOwner.get(code)!) ?? new Map<string, string>();
      for (const [id, l] of mine) expect(got.get(id), `${code} ${id}`).toBe(l);
      total += mine.size;
    }
    expect(total).toBeGreaterThanOrEqual(60 * 2);

    // Restart: the first member's device goes on with its session; the second member uses the code on a new device.
    const again = await spawnServe(cell.db, cell.dir);
    try {
      const same = new Device(again.port, '127.0.0.2');
      for (const [k, v] of devices[0]!.jar) same.jar.set(k, v);
      const firstOpenOf = (code: string) => 1 + [...Array(27).keys()].findIndex((p) => pageBehaviours(q, p + 1).some((id) => !storedOf().get(codeOwner.get(code)!)?.has(id)));
      const r1 = await same.get('/form');
      expect(r1.status).toBe(303);
      expect(r1.headers.location).toBe(`/m/${firstOpenOf(codes[0]!)}`);
      const other = new Device(again.port, '127.0.0.50');
      expect((await other.signIn(codes[1]!)).status).toBe(303);
      // The killed server's device still holds that form (one front end at a time): the new device takes it over.
      const held = await other.get('/form');
      expect(held.status).toBe(409);
      expect((await other.post('/takeover', { csrf: other.csrf })).status).toBe(303);
      const r2 = await other.get('/form');
      expect(r2.headers.location).toBe(`/m/${firstOpenOf(codes[1]!)}`);
      const page = await other.get(r2.headers.location as string);
      expect(page.status).toBe(200);
    } finally {
      again.child.kill('SIGINT');
      await again.exited();
    }
  });
});
