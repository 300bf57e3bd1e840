/** `tusoi demo`, the embedded default: its bloc report equals an independent sum of the forms it filled. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

interface ReportJson {
  members: number;
  respondents: number;
  units: Array<{ code: string }>;
  behaviours: Array<{ id: string; counts: Record<string, number> }>;
}

describe('tusoi demo', () => {
  it('builds a bloc, shows coverage and the report, and its totals equal the forms it filled', async () => {
    const dir = join(tempDir('tusoi-demo-test-'), 'demo');
    const r = await runMain(['demo', '--dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('11/12 chi bộ đã báo cáo (91,7%)');
    expect(r.stdout).toContain('2/2 đảng ủy cơ sở đã báo cáo (100,0%)');
    expect(r.stdout).toContain('TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA');
    expect(r.stdout).toContain(join(dir, 'DUK-2026.html'));

    // Independent sum: the paper forms of every cell that sent its file (CB09 did not).
    const forms = readdirSync(join(dir, 'phieu')).filter((f) => !f.startsWith('CB09-'));
    const expected = new Map<string, Record<string, number>>();
    for (const f of forms) {
      for (const line of readFileSync(join(dir, 'phieu', f), 'utf8').trim().split('\n').slice(1)) {
        const [b, level] = line.split(',') as [string, string];
        const c = expected.get(b) ?? { khong: 0, 'thinh-thoang': 0, 'thuong-xuyen': 0 };
        c[level]! += 1;
        expected.set(b, c);
      }
    }
    const j = JSON.parse((await runMain(['--db', join(dir, 'khoi.sqlite'), 'report', '--json'])).stdout) as ReportJson;
    expect(j.respondents).toBe(forms.length);
    expect(j.units.map((u) => u.code).sort()).toEqual(['CB01', 'CB02', 'CB03', 'CB04', 'CB05', 'CB06', 'CB07', 'CB08', 'CB10', 'CB11', 'CB12']);
    for (const b of j.behaviours) expect(b.counts, b.id).toEqual(expected.get(b.id));
  }, 60_000);
});
