import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';

const SMALL = readFileSync(new URL('../fixtures/questionnaires/small.yaml', import.meta.url), 'utf8');

function sha(text: string): string {
  const r = parseQuestionnaire(text, 'q.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.code).join());
  return r.questionnaire.sha256;
}

describe('questionnaire content hash', () => {
  const base = sha(SMALL);

  it('ignores comments, quoting, flow or block style, key order and line endings', () => {
    const restyled = SMALL.replace(/^#.*\n/gm, '')
      .replace('version: "1"', "version: '1'")
      .replace('text: { vi: "Nhóm A", en: "Group A" }', 'text:\n      en: Group A\n      vi: Nhóm A')
      .replace(/\n/g, '\r\n');
    expect(sha(`# a new comment\n${restyled}`)).toBe(base);
  });

  it('ignores the declared counts, which are a check, not content', () => {
    expect(sha(SMALL.replace(/expect:\n(  .*\n)+/, ''))).toBe(base);
  });

  it('changes with any text, id, status, level or version', () => {
    const variants = [
      SMALL.replace('Hành vi thứ nhất.', 'Hành vi thứ nhất!'),
      SMALL.replace('First behaviour.', 'First behavior.'),
      SMALL.replace('id: A1.2', 'id: A1.9'),
      SMALL.replace('status: unverified', 'status: verbatim'),
      SMALL.replace('en: "Frequently"', 'en: "Often"'),
      SMALL.replace('version: "1"', 'version: "2"'),
      SMALL.replace('Giải thích thêm.', 'Giải thích khác.'),
    ];
    const hashes = variants.map(sha);
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });

  it('is the same for NFD input, which is read as NFC', () => {
    const nfd = SMALL.replace('Hành vi thứ nhất.', 'Hành vi thứ nhất.'.normalize('NFD'));
    const r = parseQuestionnaire(nfd, 'q.yaml');
    // NFD text is an error to fix, but the content it means is the same.
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['NOT_NFC', 'MISSING_TRANSLATION']);
    expect(sha(nfd.normalize('NFC'))).toBe(base);
  });
});
