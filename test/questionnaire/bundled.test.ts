/**
 * The bundled Resolution 4 questionnaire against the reference text of the 27
 * manifestations (a copy of the project's reference, kept as a fixture).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DIR, bundledFiles, loadQuestionnaireFile, bundledQuestionnaireFile } from '../../src/questionnaire/load.js';
import { allBehaviours, allManifestations, type Questionnaire } from '../../src/questionnaire/model.js';

interface RefManifestation {
  id: string;
  status: 'verbatim' | 'partial' | 'unverified';
  vi: string;
  en: string;
  verbatim?: string[];
}
interface Reference {
  groups: Array<{ id: string; vi: string; en: string; manifestations: RefManifestation[] }>;
}

const reference = JSON.parse(readFileSync(new URL('../fixtures/reference/nq4-27.json', import.meta.url), 'utf8')) as Reference;
const refManifestations = reference.groups.flatMap((g) => g.manifestations);

function load(): Questionnaire {
  const result = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.questionnaire;
}

describe('bundled questionnaire nq4-khoa-xii', () => {
  const q = load();

  it('is valid without a single warning', () => {
    const result = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii'));
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('has 3 groups, 27 manifestations in groups of nine, and 111 behaviours with unique ids', () => {
    expect(q.id).toBe('nq4-khoa-xii');
    expect(q.groups.map((g) => g.id)).toEqual(['TT', 'DD', 'TDB']);
    expect(q.groups.map((g) => g.manifestations.length)).toEqual([9, 9, 9]);
    expect(allManifestations(q).map((m) => m.id)).toEqual(refManifestations.map((m) => m.id));
    const behaviours = allBehaviours(q);
    expect(behaviours).toHaveLength(111);
    const ids = [...q.groups.map((g) => g.id), ...allManifestations(q).map((m) => m.id), ...behaviours.map((b) => b.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length);
  });

  it('numbers behaviours <manifestation id>.<n> from 1, with 3 to 6 per manifestation', () => {
    for (const m of allManifestations(q)) {
      expect(m.behaviours.map((b) => b.id)).toEqual(m.behaviours.map((_, i) => `${m.id}.${i + 1}`));
      expect(m.behaviours.length).toBeGreaterThanOrEqual(3);
      expect(m.behaviours.length).toBeLessThanOrEqual(6);
    }
  });

  it('has the levels không / thỉnh thoảng / thường xuyên, the first meaning none', () => {
    expect(q.levels.map((l) => [l.id, l.label.vi, l.label.en, l.none])).toEqual([
      ['khong', 'Không', 'None', true],
      ['thinh-thoang', 'Thỉnh thoảng', 'Occasionally', false],
      ['thuong-xuyen', 'Thường xuyên', 'Frequently', false],
    ]);
  });

  it('carries each manifestation status of the reference', () => {
    expect(allManifestations(q).map((m) => [m.id, m.status])).toEqual(refManifestations.map((r) => [r.id, r.status]));
  });

  it('uses verbatim text word for word, and keeps the verbatim parts of partial items', () => {
    const byId = new Map(allManifestations(q).map((m) => [m.id, m]));
    for (const r of refManifestations) {
      const m = byId.get(r.id)!;
      if (r.status === 'verbatim') expect(m.text.vi, r.id).toBe(r.vi.normalize('NFC'));
      if (r.status === 'partial') {
        for (const part of r.verbatim ?? []) {
          expect(m.text.vi.toLocaleLowerCase('vi'), r.id).toContain(part.normalize('NFC').toLocaleLowerCase('vi'));
        }
      }
      expect(m.text.en, r.id).toBeTruthy();
    }
  });

  it('groups carry the reference names', () => {
    expect(q.groups.map((g) => g.text)).toEqual(reference.groups.map((g) => ({ vi: g.vi, en: g.en })));
  });

  it('gives every behaviour Vietnamese and English text short enough to read in a few seconds', () => {
    for (const b of allBehaviours(q)) {
      expect(b.text.vi.split(/\s+/).length, b.id).toBeLessThanOrEqual(25);
      expect(b.text.en, b.id).toMatch(/\S/);
    }
  });

  it('is the only bundled file, named after its id', () => {
    expect(bundledFiles().map((f) => f.slice(BUNDLED_DIR.length + 1))).toEqual(['nq4-khoa-xii.yaml']);
  });
});
