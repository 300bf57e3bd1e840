/**
 * 60 members at once over loopback against the real compiled `tusoi serve`
 * (its own process, as on the secretary's laptop): every member signs in
 * from their own address, answers all 27 pages and submits. Bounded: 60
 * members, 28 answer posts each, the test's timeout. Zero errors, and the
 * stored counts equal a count made here from what was sent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { bundledQuestionnaireFile, loadQuestionnaireFile } from '../../src/questionnaire/load.js';
import { tempCell } from '../support/cell.js';
import { Device, pageBehaviours, spawnServe } from '../support/web.js';

const MEMBERS = 60;
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;

describe('60 members at once', () => {
  it('answer and submit with zero errors; the stored counts equal an independent count', async () => {
    const names = Array.from({ length: MEMBERS }, (_, i) => `Đảng viên ${String(i + 1).padStart(2, '0')}`);
    const cell = await tempCell({ members: names, round: ['--label', '2026'] });
    expect(cell.bin(['serve', '--host', '127.0.0.1', '--codes', 'slips.html']).status).toBe(0);
    const html = readFileSync(join(cell.dir, 'slips.html'), 'utf8');
    const codes = [...html.matchAll(/class="name">([^<]+)<[\s\S]*?class="code">([^<]+)</g)].map((m) => [m[1]!, m[2]!] as const);
    expect(codes).toHaveLength(MEMBERS);
    const parsed = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii'));
    if (!parsed.ok) throw new Error('questionnaire');
    const q = parsed.questionnaire;
    const ids = allBehaviours(q).map((b) => b.id);
    // What member k answers to behaviour i: a fixed function, counted independently below.
    const level = (k: number, i: number) => LEVELS[(k * 7 + i * 3) % 11 === 0 ? 2 : (k + i) % 4 === 0 ? 1 : 0];
    const expected = new Map<string, number>();
    codes.forEach((_, k) => ids.forEach((id, i) => expected.set(`${id}|${level(k, i)}`, (expected.get(`${id}|${level(k, i)}`) ?? 0) + 1)));

    const srv = await spawnServe(cell.db, cell.dir);
    const errors: string[] = [];
    try {
      await Promise.all(
        codes.map(async ([, code], k) => {
          const d = new Device(srv.port, `127.0.${1 + Math.floor((k + 2) / 250)}.${(k + 2) % 250}`);
          const expect303 = (r: { status: number }, what: string) => {
            if (r.status !== 303) errors.push(`member ${k} ${what}: ${r.status}`);
          };
          expect303(await d.signIn(code), 'sign-in');
          for (let p = 1; p <= 27; p++) {
            const page = await d.get(`/m/${p}`);
            if (page.status !== 200) errors.push(`member ${k} page ${p}: ${page.status}`);
            const fields: Record<string, string> = { csrf: d.csrf, go: 'next' };
            for (const id of pageBehaviours(q, p)) fields[`b:${id}`] = level(k, ids.indexOf(id));
            expect303(await d.post(`/m/${p}`, fields), `answer ${p}`);
          }
          await d.get('/review');
          expect303(await d.post('/submit', { csrf: d.csrf, confirm: 'yes' }), 'submit');
        }),
      );
    } finally {
      srv.child.kill('SIGINT');
      await srv.exited();
    }
    expect(errors).toEqual([]);
    expect(srv.errors()).toBe('');
    const counts = new Map(
      cell
        .query<{ b: string; level: string; n: number }>("SELECT a.behaviour_id AS b, a.level, count(*) AS n FROM answer a JOIN response r ON r.id = a.response_id WHERE r.status = 'submitted' GROUP BY 1, 2")
        .map((r) => [`${r.b}|${r.level}`, r.n]),
    );
    expect(counts).toEqual(expected);
    const status = JSON.parse(cell.bin(['status', '--json']).stdout) as { submitted: number; inProgress: number };
    expect(status).toMatchObject({ submitted: MEMBERS, inProgress: 0 });
    expect(cell.query<{ integrity_check: string }>('PRAGMA integrity_check')[0]!.integrity_check).toBe('ok');
  });
});
