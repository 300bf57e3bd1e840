import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nearest, parseQuestionnaire } from '../../src/questionnaire/parse.js';
import type { Problem } from '../../src/questionnaire/problems.js';

const SMALL = readFileSync(new URL('../fixtures/questionnaires/small.yaml', import.meta.url), 'utf8');
const BROKEN = readFileSync(new URL('../fixtures/questionnaires/broken-several.yaml', import.meta.url), 'utf8');

/** `CODE@line:col path`, the parts of a problem a test should pin down. */
const brief = (p: Problem) => `${p.severity === 'warning' ? '(w) ' : ''}${p.code}@${p.line}:${p.col} ${p.path}`;

function problems(text: string): string[] {
  const r = parseQuestionnaire(text, 'q.yaml');
  return (r.ok ? r.warnings : r.problems).map(brief);
}

/** A minimal valid questionnaire with `groups:` replaced by `groupsYaml`, for focused cases. */
function withGroups(groupsYaml: string, levelsYaml = LEVELS): string {
  return `format: 1\nid: t\nversion: "1"\ntitle: { vi: "T", en: "T" }\nsource: { vi: "S", en: "S" }\n${levelsYaml}groups:\n${groupsYaml}`;
}
const LEVELS = `levels:\n  - { id: khong, none: true, label: { vi: "Không", en: "None" } }\n  - { id: co, label: { vi: "Có", en: "Yes" } }\n`;
const ONE_GROUP = `  - id: A\n    text: { vi: "A", en: "A" }\n    manifestations:\n      - id: A1\n        status: verbatim\n        text: { vi: "A1", en: "A1" }\n        behaviours:\n          - { id: A1.1, text: { vi: "B", en: "B" } }\n`;

describe('parseQuestionnaire', () => {
  it('reads the small example into the model, with one warning for a missing English text', () => {
    const r = parseQuestionnaire(SMALL, 'small.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.questionnaire.groups.map((g) => g.manifestations.map((m) => m.behaviours.map((b) => b.id)))).toEqual([
      [['A1.1', 'A1.2'], ['A2.1']],
      [['B1.1', 'B1.2']],
    ]);
    expect(r.questionnaire.groups[0]!.manifestations[0]!.behaviours[1]!.note).toEqual({ vi: 'Giải thích thêm.', en: 'More explanation.' });
    expect(r.questionnaire.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.warnings.map(brief)).toEqual(['(w) MISSING_TRANSLATION@52:19 groups[1].manifestations[0].behaviours[1].text.en']);
  });

  it('reports every mistake of a broken file in one pass, located and coded', () => {
    expect(problems(BROKEN)).toEqual([
      'WRONG_TYPE@3:10 version',
      '(w) MISSING_TRANSLATION@8:3 source.en',
      'NO_NONE_LEVEL@12:9 levels[0].id',
      'DUPLICATE_ID@14:9 levels[1].id',
      'MISSING_FIELD@20:9 groups[0].manifestations[0].behaviours',
      'UNKNOWN_KEY@23:9 groups[0].manifestations[0].behavours',
      'BAD_STATUS@27:17 groups[0].manifestations[1].status',
      'DUPLICATE_ID_CASE@30:17 groups[0].manifestations[1].behaviours[0].id',
      'EMPTY_LIST@36:21 groups[1].manifestations',
    ]);
  });

  it('suggests the nearest known key for a typo, and none for a stranger', () => {
    const r = parseQuestionnaire(BROKEN, 'b.yaml');
    expect(!r.ok && r.problems.find((p) => p.code === 'UNKNOWN_KEY')?.params).toEqual({ key: 'behavours', suggestion: 'behaviours' });
    expect(nearest('colour', ['id', 'text', 'behaviours'])).toBeUndefined();
    expect(nearest('Text', ['id', 'text', 'behaviours'])).toBe('text');
  });

  it('reports YAML syntax errors with their position and stops there', () => {
    expect(problems('format: 1\nid: [unclosed\nversion: "1"\n')[0]).toMatch(/^YAML_SYNTAX@\d+:\d+ $/);
    expect(problems('format: 1\nid: t\n\tversion: "1"\n')[0]).toMatch(/^YAML_SYNTAX@3:1 /);
  });

  it('reports a key given twice', () => {
    expect(problems(`${withGroups(ONE_GROUP)}id: again\n`)).toContain('DUPLICATE_KEY@18:1 ');
  });

  it('refuses an empty document and an unknown format version before anything else', () => {
    expect(problems('')).toEqual(['EMPTY_DOCUMENT@1:1 ']);
    expect(problems('# only a comment\n')).toEqual(['EMPTY_DOCUMENT@1:1 ']);
    expect(problems(withGroups(ONE_GROUP).replace('format: 1', 'format: 2'))).toEqual(['UNSUPPORTED_FORMAT@1:9 format']);
  });

  it('reports wrong types: a list where a mapping belongs, a string where a list belongs, a scalar root', () => {
    expect(problems('- a\n- b\n')).toEqual(['WRONG_TYPE@1:1 ']);
    expect(problems(withGroups('  - id: A\n    text: "A"\n    manifestations: none\n'))).toEqual([
      'WRONG_TYPE@11:11 groups[0].text',
      'WRONG_TYPE@12:21 groups[0].manifestations',
    ]);
  });

  it('reports missing required fields at the mapping that lacks them', () => {
    expect(problems('format: 1\nid: t\n')).toEqual([
      'MISSING_FIELD@1:1 version',
      'MISSING_FIELD@1:1 title',
      'MISSING_FIELD@1:1 source',
      'MISSING_FIELD@1:1 levels',
      'MISSING_FIELD@1:1 groups',
    ]);
  });

  it('checks ids: format, exact duplicates across groups, manifestations and behaviours, case-insensitive clashes', () => {
    const groups = `${ONE_GROUP}  - id: a1\n    text: { vi: "B", en: "B" }\n    manifestations:\n      - id: "A 2"\n        status: partial\n        text: { vi: "x", en: "x" }\n        behaviours:\n          - { id: A1.1, text: { vi: "B", en: "B" } }\n`;
    expect(problems(withGroups(groups))).toEqual([
      'DUPLICATE_ID_CASE@18:9 groups[1].id',
      'BAD_ID@21:13 groups[1].manifestations[0].id',
      'DUPLICATE_ID@25:19 groups[1].manifestations[0].behaviours[0].id',
    ]);
  });

  it('checks levels: at least two, the first and only the first meaning none', () => {
    const one = `levels:\n  - { id: khong, none: true, label: { vi: "Không", en: "None" } }\n`;
    expect(problems(withGroups(ONE_GROUP, one))).toEqual(['TOO_FEW_LEVELS@7:3 levels']);
    const two = `levels:\n  - { id: khong, label: { vi: "Không", en: "None" } }\n  - { id: co, none: true, label: { vi: "Có", en: "Yes" } }\n`;
    expect(problems(withGroups(ONE_GROUP, two))).toEqual(['NO_NONE_LEVEL@7:11 levels[0].id', 'NONE_NOT_FIRST@8:11 levels[1].id']);
    const notBool = `levels:\n  - { id: khong, none: "yes", label: { vi: "Không", en: "None" } }\n  - { id: co, label: { vi: "Có", en: "Yes" } }\n`;
    expect(problems(withGroups(ONE_GROUP, notBool))).toEqual(['NO_NONE_LEVEL@7:11 levels[0].id', 'WRONG_TYPE@7:24 levels[0].none']);
  });

  it('reports text not in NFC as fixable, and still reads it in NFC', () => {
    const nfd = withGroups(ONE_GROUP).replace('title: { vi: "T"', 'title: { vi: "Nguye\u0302\u0303n"');
    expect(problems(nfd)).toEqual(['NOT_NFC@4:14 title.vi']);
  });

  it('reports empty text and overlong text', () => {
    const empty = withGroups(ONE_GROUP).replace('source: { vi: "S"', 'source: { vi: "  "');
    expect(problems(empty)).toEqual(['EMPTY_TEXT@5:15 source.vi']);
    const long = withGroups(ONE_GROUP).replace('source: { vi: "S"', `source: { vi: "${'x'.repeat(5000)}"`);
    expect(problems(long)).toEqual(['TEXT_TOO_LONG@5:15 source.vi']);
  });

  it('checks declared counts against the file, only once the file is otherwise whole', () => {
    const declared = withGroups(ONE_GROUP).replace('levels:', 'expect: { groups: 1, manifestations: 2, behaviours: 1 }\nlevels:');
    expect(problems(declared)).toEqual(['COUNT_MISMATCH@6:38 expect.manifestations']);
    const bad = withGroups(ONE_GROUP).replace('levels:', 'expect: { behaviours: -1 }\nlevels:');
    expect(problems(bad)).toEqual(['BAD_COUNT@6:23 expect.behaviours']);
  });

  it('warns about missing English and accepts the file', () => {
    const r = parseQuestionnaire(withGroups(ONE_GROUP).replace('title: { vi: "T", en: "T" }', 'title: { vi: "T" }'), 'q.yaml');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map(brief)).toEqual(['(w) MISSING_TRANSLATION@4:8 title.en']);
  });

  it('refuses anchors and aliases, each located: the format has no use for them, and nested ones expand exponentially', () => {
    const text = withGroups(ONE_GROUP).replace('title: { vi: "T", en: "T" }', 'title: &t { vi: "T", en: "T" }').replace('source: { vi: "S", en: "S" }', 'source: *t');
    expect(problems(text)).toEqual(['YAML_ALIAS@4:11 ', 'YAML_ALIAS@5:9 ']);
  });

  it('survives absurd nesting without throwing', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const r = parseQuestionnaire(deep, 'deep.yaml');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['TOO_DEEP']);
  });
});
