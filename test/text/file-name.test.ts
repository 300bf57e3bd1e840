import { describe, expect, it } from 'vitest';
import { asciiFileName } from '../../src/text/file-name.js';

describe('asciiFileName', () => {
  it('folds diacritics (đ too), keeps case, turns spaces and punctuation into one -', () => {
    expect(asciiFileName('2026 ẩn danh')).toBe('2026-an-danh');
    expect(asciiFileName('CB03')).toBe('CB03');
    expect(asciiFileName('Đợt 1 – Đảng ủy')).toBe('Dot-1-Dang-uy');
    expect(asciiFileName('Quý I/2026: "giữa kỳ"')).toBe('Quy-I-2026-giua-ky');
    expect(asciiFileName('a..b')).toBe('a.b');
    expect(asciiFileName('...')).toBe('x');
    expect(asciiFileName('Tự soi, tự sửa')).toMatch(/^[\x21-\x7e]+$/);
  });
});
