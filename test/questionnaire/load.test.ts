import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, loadQuestionnaireFile, MAX_FILE_BYTES, parseQuestionnaireBytes, resolveQuestionnaireRef } from '../../src/questionnaire/load.js';
import { tempDir } from '../support/temp.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('reading questionnaire bytes', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(enc('Nguyễn Văn An'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xff]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe1, 0xbb]))).toBe(1); // cut in the middle of ễ
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(enc('😀'))).toBe(-1);
  });

  it('locates invalid UTF-8 (a cp1258 file) by line and column', () => {
    // "Nguyễn" in cp1258: ê is 0xEA, the tilde a combining 0xDE.
    const bytes = Uint8Array.from([...enc('format: 1\nid: Nguy'), 0xea, 0xde, 0x6e, 0x0a]);
    const r = parseQuestionnaireBytes(bytes, 'cp1258.yaml');
    expect(!r.ok && r.problems.map((p) => `${p.code}@${p.line}:${p.col}`)).toEqual(['NOT_UTF8@2:9']);
  });

  it('accepts a UTF-8 BOM', () => {
    const r = parseQuestionnaireBytes(enc('\uFEFFformat: 1\n'), 'bom.yaml');
    expect(!r.ok && r.problems[0]!.code).toBe('MISSING_FIELD');
  });

  it('refuses a file far too large to be a questionnaire without parsing it', () => {
    const r = parseQuestionnaireBytes(new Uint8Array(MAX_FILE_BYTES + 1), 'big.yaml');
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
  });

  it('throws a UserError for a missing file and an unknown id', () => {
    expect(() => loadQuestionnaireFile('/nonexistent/q.yaml')).toThrow(expect.objectContaining({ name: 'UserError', code: 'FILE_NOT_FOUND' }));
    expect(() => resolveQuestionnaireRef('nq4-khoa-xi', process.cwd())).toThrow(expect.objectContaining({ name: 'UserError', code: 'QUESTIONNAIRE_NOT_FOUND' }));
    expect(() => resolveQuestionnaireRef('missing/q.yaml', process.cwd())).toThrow(expect.objectContaining({ code: 'FILE_NOT_FOUND' }));
  });

  it('resolves a path before a bundled id', () => {
    const dir = tempDir();
    const file = join(dir, 'nq4-khoa-xii');
    writeFileSync(file, 'format: 1\n');
    expect(resolveQuestionnaireRef(file, process.cwd())).toBe(file);
    expect(resolveQuestionnaireRef('nq4-khoa-xii', process.cwd())).toMatch(/questionnaires[\\/]nq4-khoa-xii\.yaml$/);
  });
});
