import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import { allBehaviours, allManifestations, type Questionnaire } from '../../src/questionnaire/model.js';
import { emptySummary, percent, summarise, total, type Summary } from '../../src/summary/aggregate.js';
import { rollUp } from '../../src/summary/rollup.js';
import { seeded } from '../support/random.js';

function load(file: string): Questionnaire {
  const r = parseQuestionnaire(readFileSync(new URL(file, import.meta.url), 'utf8'), file);
  if (!r.ok) throw new Error('invalid');
  return r.questionnaire;
}
const small = load('../fixtures/questionnaires/small.yaml'); // A1.1 A1.2 | A2.1 || B1.1 B1.2
const nq4 = load('../../questionnaires/nq4-khoa-xii.yaml');
const unit = { code: 'CB03', name: 'Chi bộ', level: 'chi-bo', parentCode: null, members: 5 };
const r = (entries: Record<string, string>) => new Map(Object.entries(entries));
const plain = (s: Summary) => ({
  respondents: s.respondents,
  behaviours: Object.fromEntries(s.behaviours),
  manifestations: Object.fromEntries(s.manifestations),
  groups: Object.fromEntries(s.groups),
  overall: s.overall,
});

describe('summarise', () => {
  it('counts each behaviour by level, and each manifestation, group and the whole by the most severe answer', () => {
    const s = summarise(
      small,
      [
        r({ 'A1.1': 'khong', 'A1.2': 'thinh-thoang', 'A2.1': 'khong', 'B1.1': 'khong', 'B1.2': 'khong' }),
        r({ 'A1.1': 'thuong-xuyen', 'A1.2': 'thinh-thoang', 'A2.1': 'thinh-thoang', 'B1.1': 'khong', 'B1.2': 'thinh-thoang' }),
        r({ 'A1.1': 'khong', 'A1.2': 'khong', 'A2.1': 'khong', 'B1.1': 'khong', 'B1.2': 'khong' }),
      ],
      unit,
    );
    expect(plain(s)).toMatchInlineSnapshot(`
      {
        "behaviours": {
          "A1.1": {
            "khong": 2,
            "thinh-thoang": 0,
            "thuong-xuyen": 1,
          },
          "A1.2": {
            "khong": 1,
            "thinh-thoang": 2,
            "thuong-xuyen": 0,
          },
          "A2.1": {
            "khong": 2,
            "thinh-thoang": 1,
            "thuong-xuyen": 0,
          },
          "B1.1": {
            "khong": 3,
            "thinh-thoang": 0,
            "thuong-xuyen": 0,
          },
          "B1.2": {
            "khong": 2,
            "thinh-thoang": 1,
            "thuong-xuyen": 0,
          },
        },
        "groups": {
          "A": {
            "khong": 1,
            "thinh-thoang": 1,
            "thuong-xuyen": 1,
          },
          "B": {
            "khong": 2,
            "thinh-thoang": 1,
            "thuong-xuyen": 0,
          },
        },
        "manifestations": {
          "A1": {
            "khong": 1,
            "thinh-thoang": 1,
            "thuong-xuyen": 1,
          },
          "A2": {
            "khong": 2,
            "thinh-thoang": 1,
            "thuong-xuyen": 0,
          },
          "B1": {
            "khong": 2,
            "thinh-thoang": 1,
            "thuong-xuyen": 0,
          },
        },
        "overall": {
          "khong": 1,
          "thinh-thoang": 1,
          "thuong-xuyen": 1,
        },
        "respondents": 3,
      }
    `);
    expect(s.units).toEqual([{ ...unit, respondents: 3 }]);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBe(0);
  });

  it('refuses a response missing an answer instead of counting it wrongly', () => {
    expect(() => summarise(small, [r({ 'A1.1': 'khong' })], unit)).toThrow(/A1.2/);
  });

  it('with no respondents has every item at zero', () => {
    const s = summarise(small, [], unit);
    expect(s.respondents).toBe(0);
    expect([...s.behaviours.values()].every((c) => total(c) === 0)).toBe(true);
  });

  it('property: on random responses every item sums to the respondents, and behaviour counts match a direct count', () => {
    const rnd = seeded(20261123);
    const ids = allBehaviours(nq4).map((b) => b.id);
    for (let trial = 0; trial < 20; trial++) {
      const n = Math.floor(rnd() * 40);
      const responses = Array.from({ length: n }, () => new Map(ids.map((b) => [b, rnd() < 0.85 ? 'khong' : rnd() < 0.7 ? 'thinh-thoang' : 'thuong-xuyen'])));
      const s = summarise(nq4, responses, { ...unit, members: n + 3 });
      for (const c of [...s.behaviours.values(), ...s.manifestations.values(), ...s.groups.values(), s.overall]) expect(total(c)).toBe(n);
      for (const b of ids) {
        for (const level of ['khong', 'thinh-thoang', 'thuong-xuyen']) {
          expect(s.behaviours.get(b)![level]).toBe(responses.filter((x) => x.get(b) === level).length);
        }
      }
      // A manifestation's "none" count is exactly those with every one of its behaviours at none.
      for (const m of allManifestations(nq4)) {
        expect(s.manifestations.get(m.id)!.khong).toBe(responses.filter((x) => m.behaviours.every((b) => x.get(b.id) === 'khong')).length);
      }
    }
  });
});

describe('rollUp', () => {
  it('adds disjoint units item by item and lists every unit covered', () => {
    const rnd = seeded(7);
    const ids = allBehaviours(nq4).map((b) => b.id);
    const make = (code: string, n: number) =>
      summarise(nq4, Array.from({ length: n }, () => new Map(ids.map((b) => [b, rnd() < 0.8 ? 'khong' : 'thuong-xuyen']))), { ...unit, code, members: n + 1 });
    const cells = [make('CB01', 7), make('CB02', 12), make('CB03', 0)];
    const all = rollUp(emptySummary(nq4), cells);
    expect(all.respondents).toBe(19);
    expect(all.members).toBe(22);
    expect(all.units.map((u) => u.code)).toEqual(['CB01', 'CB02', 'CB03']);
    for (const id of ids) expect(all.behaviours.get(id)!['thuong-xuyen']).toBe(cells.reduce((k, c) => k + c.behaviours.get(id)!['thuong-xuyen']!, 0));
    expect(all.overall.khong).toBe(cells.reduce((k, c) => k + c.overall.khong!, 0));
    // Associative: (a + b) + c = a + (b + c).
    const left = rollUp(emptySummary(nq4), [rollUp(emptySummary(nq4), cells.slice(0, 2)), cells[2]!]);
    expect(plain(left)).toEqual(plain(all));
  });
});
