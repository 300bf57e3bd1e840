import { describe, expect, it } from 'vitest';
import { checkText, codePointLabel, countChars, displaySafe, firstUnsafe, jsonSafe, stripUnsafe, truncateChars, unsafeChars } from '../../src/text/hygiene.js';
import { fold } from '../../src/text/vietnamese.js';
import { HOSTILE } from '../support/hostile-text.js';


describe('unsafeChars', () => {
  it.each(HOSTILE)('finds %s inside a Vietnamese name, with its position in characters', (_label, bad, first) => {
    const name = `Nguyễn Văn${bad}An`;
    const found = unsafeChars(name);
    expect(found[0]).toMatchObject({ codePoint: first, position: 11, offset: 10 });
    expect(firstUnsafe(name)?.codePoint).toBe(first);
  });

  it('names the kind: control, bidi, invisible, surrogate', () => {
    expect(unsafeChars('a\x1b\u0085\u2028\u202e\u200e\u200b\u00ad\ufe0f\ud800').map((c) => c.kind)).toEqual([
      'control',
      'control',
      'control',
      'bidi',
      'bidi',
      'invisible',
      'invisible',
      'invisible',
      'surrogate',
    ]);
  });

  it('counts positions in characters, past astral ones and skipped line feeds', () => {
    expect(unsafeChars('𝔸b\u200bc').map((c) => [c.position, c.offset])).toEqual([[3, 3]]);
    expect(unsafeChars('a\nb\u202ec', { lineFeed: true }).map((c) => c.position)).toEqual([4]);
    expect(unsafeChars('a\nb', { lineFeed: false }).map((c) => c.position)).toEqual([2]);
  });

  it('passes real Vietnamese text, NBSP, tone marks and emoji without selectors', () => {
    for (const ok of ['Nguyễn Văn An', 'Chi bộ Phòng Kế hoạch – Tài chính', 'Đỗ\u00a0Thị Bình', 'Đợt 2026 🎉', 'Ngô Bảo Châu', "O'Brien"]) {
      expect(unsafeChars(ok), ok).toEqual([]);
    }
  });
});

describe('displaySafe', () => {
  it('shows every unsafe character as a visible escape and leaves the rest alone', () => {
    expect(displaySafe('Chi bộ\x1b]0;pwned\x07 A\u202eB\u200b')).toBe('Chi bộ\\u001b]0;pwned\\u0007 A\\u202eB\\u200b');
    expect(displaySafe('\u009b2J\x00')).toBe('\\u009b2J\\u0000');
    expect(displaySafe('tag\u{e0041}')).toBe('tag\\u{e0041}');
    expect(displaySafe('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(displaySafe('a\nb')).toBe('a\\u000ab');
    expect(displaySafe('a\nb', { lineFeed: true })).toBe('a\nb');
  });

  it.each(HOSTILE)('leaves nothing of %s a terminal would act on', (_label, bad) => {
    expect(firstUnsafe(displaySafe(`x${bad}y`))).toBeUndefined();
  });
});

describe('checkText, caps and stripping', () => {
  it('refuses an unsafe character first, then the length in characters', () => {
    expect(checkText('Nguyễn\u202eVăn', 100)).toMatchObject({ kind: 'unsafe', char: { codePoint: 0x202e, position: 7 } });
    expect(checkText('x'.repeat(10_000), 100)).toEqual({ kind: 'too-long', length: 10_000, limit: 100 });
    // Astral characters count once: 100 of them are 200 code units but within the cap.
    expect(checkText('𝔸'.repeat(100), 100)).toBeUndefined();
    expect(checkText('Nguyễn Văn An', 100)).toBeUndefined();
  });

  it('cuts at a character, never inside a surrogate pair, and counts characters', () => {
    expect(truncateChars('𝔸𝔸𝔸', 2)).toBe('𝔸𝔸');
    expect(countChars('𝔸a\ud800')).toBe(3);
    expect(truncateChars('abc', 5)).toBe('abc');
  });

  it('strips unsafe characters (keeping line feeds when asked) and labels code points', () => {
    expect(stripUnsafe('Chi\u200b bộ\x1b[2J A')).toBe('Chi bộ[2J A');
    expect(stripUnsafe('a\n\x07b', { lineFeed: true })).toBe('a\nb');
    expect(codePointLabel(0x1b)).toBe('U+001B');
    expect(codePointLabel(0x202e)).toBe('U+202E');
    expect(codePointLabel(0xe0041)).toBe('U+E0041');
  });
});

describe('the same-name key (fold) sees through what stays invisible', () => {
  it('"Nguyễn Văn A" with a ZWSP, a ZWJ, an RLO, a BOM, isolates or a soft hyphen is the same name', () => {
    const key = fold('Nguyễn Văn A');
    for (const look of ['Nguyễn\u200bVăn A', 'Nguyễn Văn\u200b A', '\u202eNguyễn Văn A', 'Nguy\u200dễn Văn A', 'Nguyễn V\u00adăn A', '\u2066Nguyễn Văn A\u2069', 'Nguyễn\ufeff Văn A']) {
      expect(fold(look), JSON.stringify(look)).toBe(key);
    }
    expect(fold('Nguyễn Văn B')).not.toBe(key);
  });
});

describe('jsonSafe', () => {
  it('writes unsafe characters as \\u escapes: the same data once parsed, nothing raw on a terminal', () => {
    const value = { name: 'Chi bộ\x1b]0;x\x07\u009b\u202e\u200b\u{e0041}', ok: 'Nguyễn Văn An' };
    const json = jsonSafe(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(/[\u007f-\u009f\u202e\u200b]|\u{e0041}/u);
    expect(json).toContain('\\u009b\\u202e\\u200b\\udb40\\udc41');
    expect(JSON.parse(json)).toEqual(value);
    expect(jsonSafe('{\n  "a": 1\n}')).toBe('{\n  "a": 1\n}');
  });
});
