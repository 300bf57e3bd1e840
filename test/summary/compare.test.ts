import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashQuestionnaire } from '../../src/questionnaire/hash.js';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { summarise } from '../../src/summary/aggregate.js';
import { compareSummaries } from '../../src/summary/compare.js';

const parsed = parseQuestionnaire(readFileSync(new URL('../fixtures/questionnaires/small.yaml', import.meta.url), 'utf8'), 'small.yaml');
if (!parsed.ok) throw new Error('fixture');
const q = parsed.questionnaire; // A1.1 A1.2 | A2.1 || B1.1 B1.2
const unit = { code: 'CB03', name: 'Chi bộ', level: 'chi-bo', parentCode: null, members: 10 };
const all = (level: string, overrides: Record<string, string> = {}) =>
  new Map(['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2'].map((b) => [b, overrides[b] ?? level]));

describe('round over round', () => {
  it('counts and percentages reported before and after, with the change (hand-checked)', () => {
    // Before: 4 respondents, A1.1 reported by 2 (50%), B1.2 by 1 (25%).
    const before = summarise(q, [all('khong', { 'A1.1': 'thinh-thoang' }), all('khong', { 'A1.1': 'thuong-xuyen', 'B1.2': 'thinh-thoang' }), all('khong'), all('khong')], unit);
    // After: 5 respondents, A1.1 by 1 (20%), B1.2 by 2 (40%).
    const after = summarise(q, [all('khong', { 'A1.1': 'thinh-thoang', 'B1.2': 'thinh-thoang' }), all('khong', { 'B1.2': 'thuong-xuyen' }), all('khong'), all('khong'), all('khong')], unit);
    const c = compareSummaries(before, after);
    expect(c.sameQuestionnaire).toBe(true);
    expect(c.respondents).toEqual({ before: 4, after: 5 });
    expect(c.behaviours.find((b) => b.id === 'A1.1')).toEqual({
      id: 'A1.1',
      before: { reported: 2, respondents: 4, percent: 50 },
      after: { reported: 1, respondents: 5, percent: 20 },
      change: { count: -1, points: -30 },
    });
    expect(c.behaviours.find((b) => b.id === 'B1.2')!.change).toEqual({ count: 1, points: 15 });
    expect(c.behaviours.find((b) => b.id === 'A2.1')!.change).toEqual({ count: 0, points: 0 });
    // A1 holds A1.1 and A1.2: 2 respondents before (50%), 1 after (20%).
    expect(c.manifestations.find((m) => m.id === 'A1')!.change).toEqual({ count: -1, points: -30 });
    expect(c.manifestations.find((m) => m.id === 'B1')!.change).toEqual({ count: 1, points: 15 });
  });

  it('compares rounds of different questionnaires only on the behaviours they share, and not by manifestation', () => {
    const other: Questionnaire = (() => {
      const groups = q.groups.map((g) => ({ ...g, manifestations: g.manifestations.map((m) => ({ ...m, behaviours: m.behaviours.filter((b) => b.id !== 'B1.2') })) }));
      const base = { ...q, version: '2', groups: [...groups.slice(0, 1), { ...groups[1]!, manifestations: [{ ...groups[1]!.manifestations[0]!, behaviours: [...groups[1]!.manifestations[0]!.behaviours, { id: 'B1.3', text: { vi: 'Mới.' } }] }] }] };
      return { ...base, sha256: hashQuestionnaire(base) };
    })();
    const before = summarise(q, [all('khong')], unit);
    const after = summarise(other, [new Map([['A1.1', 'khong'], ['A1.2', 'khong'], ['A2.1', 'khong'], ['B1.1', 'khong'], ['B1.3', 'thinh-thoang']])], unit);
    const c = compareSummaries(before, after);
    expect(c.sameQuestionnaire).toBe(false);
    expect(c.behaviours.map((b) => b.id).sort()).toEqual(['A1.1', 'A1.2', 'A2.1', 'B1.1']);
    expect(c.onlyBefore).toEqual(['B1.2']);
    expect(c.onlyAfter).toEqual(['B1.3']);
    expect(c.manifestations).toEqual([]);
  });
});
