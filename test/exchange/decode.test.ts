import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTable, legacyVietnameseEvidence, legacyVietnameseSuspect, looksLikeUtf8Mojibake, type Encoding } from '../../src/exchange/decode.js';
import { sniffDelimiter, type Delimiter } from '../../src/exchange/sniff.js';

/** Samples re-saved by LibreOffice Calc 7.4 (see the design notes); copied into the repository: a user's clone has no design folder. */
function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
}

const normaliseNewlines = (text: string) => text.replace(/\r\n?/gu, '\n');

/** Rows of a small test table: no delimiter, quote or line break inside a field, so a split is enough. */
function rows(text: string, delimiter: Delimiter): string[][] {
  return normaliseNewlines(text)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split(delimiter).map((cell) => cell.replace(/^"(.*)"$/su, '$1')));
}

/** Quote and delimiter differences removed: one `|`-joined line per row. */
function canonical(text: string, delimiter: Delimiter): string {
  return rows(text, delimiter)
    .map((r) => r.join('|'))
    .join('\n');
}

function names(text: string, delimiter: Delimiter): Set<string> {
  return new Set(rows(text, delimiter).map((r) => r[1] ?? ''));
}

const REFERENCE = 'members-utf8-bom-comma.csv';

interface Sample {
  readonly file: string;
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
  /** What the office suite changed, applied to the reference text. */
  readonly resaved: (reference: string) => string;
}

/** Every re-save turned the member code 0123 into the number 123. */
const numericId = (s: string): string => s.replace('0123|', '123|');

/**
 * LibreOffice 7.4 writes ý, which windows-1258 lacks, as y + 0xCC (combining
 * GRAVE) instead of y + 0xEC (acute), so the file itself says "Lỳ". The bytes
 * are checked below, so this is the sample's flaw, not the decoder's.
 */
const libreOfficeY = (s: string): string => numericId(s).replace('Lý Thị', 'Lỳ Thị');

const SAMPLES: readonly Sample[] = [
  { file: REFERENCE, encoding: 'utf-8-bom', delimiter: ',', resaved: (s) => s },
  { file: 'members-utf8-semicolon.csv', encoding: 'utf-8', delimiter: ';', resaved: numericId },
  { file: 'members-cp1258-semicolon.csv', encoding: 'windows-1258', delimiter: ';', resaved: libreOfficeY },
  { file: 'members-utf16-tab.txt', encoding: 'utf-16le', delimiter: '\t', resaved: numericId },
];

const reference = decodeTable(fixture(REFERENCE)).text;

describe('decodeTable on files saved by an office suite', () => {
  it.each(SAMPLES)('$file: $encoding, clean NFC text', ({ file, encoding, delimiter }) => {
    const { text, encoding: found } = decodeTable(fixture(file));
    expect(found).toBe(encoding);
    expect(sniffDelimiter(text)).toEqual({ delimiter, skipLines: 0 });
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/\p{M}|\uFFFD/u);
    expect(text).toContain('Nguyễn Văn An'.normalize('NFC'));
    expect(rows(text, delimiter)[0]).toEqual(['Mã', 'Họ và tên']);
  });

  it.each(SAMPLES)('$file: same table as the UTF-8-BOM original', ({ file, delimiter, resaved }) => {
    const text = decodeTable(fixture(file)).text;
    expect(canonical(text, delimiter)).toBe(resaved(canonical(reference, ',')));
  });

  it.each(SAMPLES)('$file: same set of names', ({ file, delimiter, resaved }) => {
    const text = decodeTable(fixture(file)).text;
    const expected = [...names(reference, ',')].map(resaved);
    expect(names(text, delimiter)).toEqual(new Set(expected));
    expect(expected).toHaveLength(13); // header + 12 members
  });

  it('cp1258: combining tones become precomposed letters', () => {
    const bytes = fixture('members-cp1258-semicolon.csv');
    // "Nguyễn" is stored as ê (EA) + combining tilde (DE).
    expect(bytes.includes(Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]))).toBe(true);
    const text = decodeTable(bytes).text;
    expect(text).toContain('Nguyễn'.normalize('NFC'));
    expect(text.includes('Nguyễn'.normalize('NFD'))).toBe(false);
    expect(text === text.normalize('NFC')).toBe(true);
    // The flaw of the sample, not of the decoder: "Ly" + 0xCC (grave).
    expect(bytes.includes(Buffer.from('"Ly\u00CC Thi', 'latin1'))).toBe(true);
  });

  it('real samples are neither legacy-encoded nor mojibake', () => {
    for (const { file } of SAMPLES) {
      const text = decodeTable(fixture(file)).text;
      expect(legacyVietnameseSuspect(text), file).toBe(false);
      expect(looksLikeUtf8Mojibake(text), file).toBe(false);
    }
  });
});

describe('decodeTable', () => {
  it('decodes an empty file to empty UTF-8 text', () => {
    expect(decodeTable(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeTable(Uint8Array.of(0xef, 0xbb, 0xbf))).toEqual({ text: '', encoding: 'utf-8-bom' });
  });

  it('detects UTF-16LE without a BOM', () => {
    const withBom = fixture('members-utf16-tab.txt');
    expect(decodeTable(withBom.subarray(2))).toEqual(decodeTable(withBom));
    expect(decodeTable(Buffer.from('Mã,Họ và tên\r\nM001,Nguyễn Văn An\r\n', 'utf16le'))).toEqual({
      text: 'Mã,Họ và tên\r\nM001,Nguyễn Văn An\r\n',
      encoding: 'utf-16le',
    });
  });

  it('reads UTF-16BE, with or without a BOM', () => {
    const le = Buffer.from('Mã\tHọ và tên\nM001\tNguyễn Văn An\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeTable(Buffer.concat([Buffer.of(0xfe, 0xff), be]))).toEqual({ text: 'Mã\tHọ và tên\nM001\tNguyễn Văn An\n', encoding: 'utf-16be' });
    expect(decodeTable(be).encoding).toBe('utf-16be');
  });

  it('does not take ASCII or zero-filled bytes for UTF-16', () => {
    expect(decodeTable(Buffer.from('a,b\n1,2\n')).encoding).toBe('utf-8');
    expect(decodeTable(new Uint8Array(64)).encoding).toBe('utf-8');
  });

  it('falls back to windows-1258 for bytes that are not UTF-8', () => {
    // "Nguyễn;Đỗ" as Vietnamese Windows writes it: ễ = ê + combining tilde, Đ = D0, ỗ = ô + combining tilde.
    const bytes = Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x3b, 0xd0, 0xf4, 0xde]);
    expect(decodeTable(bytes)).toEqual({ text: 'Nguyễn;Đỗ'.normalize('NFC'), encoding: 'windows-1258' });
  });

  it('normalises decomposed UTF-8 (macOS, Unikey "tổ hợp") to NFC', () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    const { text, encoding } = decodeTable(Buffer.from(nfd, 'utf8'));
    expect(encoding).toBe('utf-8');
    expect(text).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(text).not.toBe(nfd);
  });

  it('strips a doubled BOM', () => {
    expect(decodeTable(Buffer.from('\uFEFF\uFEFFa,b', 'utf8'))).toEqual({ text: 'a,b', encoding: 'utf-8-bom' });
    expect(decodeTable(Buffer.from('\uFEFF\uFEFFa\tb', 'utf16le'))).toEqual({ text: 'a\tb', encoding: 'utf-16le' });
  });

  it('trusts a UTF-8 BOM even when bytes are broken', () => {
    expect(decodeTable(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]))).toEqual({ text: 'A\uFFFDB', encoding: 'utf-8-bom' });
  });
});

// ---------------------------------------------------------------------------
// Legacy encodings: a member list typed with .VnTime (TCVN3) or VNI-Times fonts
// and saved by Excel. Each line is the encoding of the same line of UNICODE_LINES.
// ---------------------------------------------------------------------------

const UNICODE_LINES = [
  'STT;Họ và tên;Chức vụ',
  '1;Nguyễn Văn An;Bí thư chi bộ',
  '2;Trần Thị Bích Ngọc;Phó bí thư',
  '3;Lê Đức Thắng;Chi ủy viên',
  '4;Phạm Thị Hương;Đảng viên',
  '5;Hoàng Minh Đức;Đảng viên',
  '6;Vũ Thị Thu Hà;Đảng viên',
  '7;Đặng Quốc Việt;Đảng viên dự bị',
  '8;Bùi Thị Ánh Tuyết;Đảng viên',
  '9;Đỗ Hữu Phước;Đảng viên',
  '10;Ngô Thị Yến;Đảng viên',
  '11;Dương Văn Lưỡng;Đảng viên',
];

/** TCVN3 (ABC): one byte per letter; ư is 0xAD, a soft hyphen in Latin-1. */
const TCVN3_LINES = [
  'STT;Hä vµ tªn;Chøc vô',
  '1;NguyÔn V¨n An;BÝ th\u00AD chi bé',
  '2;TrÇn ThÞ BÝch Ngäc;Phã bÝ th\u00AD',
  '3;Lª §øc Th¾ng;Chi ñy viªn',
  '4;Ph¹m ThÞ H\u00AD¬ng;§¶ng viªn',
  '5;Hoµng Minh §øc;§¶ng viªn',
  '6;Vò ThÞ Thu Hµ;§¶ng viªn',
  '7;§Æng Quèc ViÖt;§¶ng viªn dù bÞ',
  '8;Bïi ThÞ ¸nh TuyÕt;§¶ng viªn',
  '9;§ç H÷u Ph\u00ADíc;§¶ng viªn',
  '10;Ng« ThÞ YÕn;§¶ng viªn',
  '11;D\u00AD¬ng V¨n L\u00ADìng;§¶ng viªn',
];

/** VNI-Windows: base letter, then a byte for the circumflex/breve and the tone. */
const VNI_LINES = [
  'STT;Hoï vaø teân;Chöùc vuï',
  '1;Nguyeãn Vaên An;Bí thö chi boä',
  '2;Traàn Thò Bích Ngoïc;Phoù bí thö',
  '3;Leâ Ñöùc Thaéng;Chi uûy vieân',
  '4;Phaïm Thò Höông;Ñaûng vieân',
  '5;Hoaøng Minh Ñöùc;Ñaûng vieân',
  '6;Vuõ Thò Thu Haø;Ñaûng vieân',
  '7;Ñaëng Quoác Vieät;Ñaûng vieân döï bò',
  '8;Buøi Thò AÙnh Tuyeát;Ñaûng vieân',
  '9;Ñoã Höõu Phöôùc;Ñaûng vieân',
  '10;Ngoâ Thò Yeán;Ñaûng vieân',
  '11;Döông Vaên Löôõng;Ñaûng vieân',
];

/** "CSV (Comma delimited)": the font bytes as they are (ANSI), CRLF. */
const ansi = (lines: readonly string[]): Buffer => Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
/** "CSV UTF-8": the same Latin-1 letters, UTF-8 encoded, with a BOM. */
const utf8 = (lines: readonly string[]): Buffer => Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');

describe('legacyVietnameseSuspect', () => {
  it.each([
    ['TCVN3', TCVN3_LINES],
    ['VNI', VNI_LINES],
  ] as const)('suspects a %s member list saved as ANSI or as UTF-8', (_name, lines) => {
    const asAnsi = decodeTable(ansi(lines));
    expect(asAnsi.encoding).toBe('windows-1258');
    expect(legacyVietnameseSuspect(asAnsi.text)).toBe(true);
    const asUtf8 = decodeTable(utf8(lines));
    expect(asUtf8.encoding).toBe('utf-8-bom');
    expect(asUtf8.text).toBe(lines.join('\r\n') + '\r\n');
    expect(legacyVietnameseSuspect(asUtf8.text)).toBe(true);
    // Line by line too, so that one bad row in a mixed file still shows.
    const flagged = lines.filter((l) => legacyVietnameseSuspect(l));
    expect(flagged.length).toBeGreaterThanOrEqual(lines.length - 1);
  });

  it.each(['NguyÔn V¨n An', 'TrÇn ThÞ BÝch Ngäc', 'Hå ChÝ Minh', 'Nguyeãn Vaên An', 'Traàn Thò Bích Ngoïc', '§¶ng viªn', 'Ñaûng vieân'])(
    'suspects %s, read either way',
    (legacy) => {
      expect(legacyVietnameseSuspect(legacy)).toBe(true);
      expect(legacyVietnameseSuspect(decodeTable(Buffer.from(legacy, 'latin1')).text)).toBe(true);
    },
  );

  it('does not suspect the same list in Unicode, composed or decomposed', () => {
    const text = UNICODE_LINES.join('\r\n');
    expect(legacyVietnameseSuspect(text)).toBe(false);
    expect(legacyVietnameseSuspect(text.normalize('NFD'))).toBe(false);
    for (const line of UNICODE_LINES) expect(legacyVietnameseSuspect(line), line).toBe(false);
  });

  it.each([
    'Nguyễn Văn An',
    'Nhiệt độ 30°C, «Tự soi, tự sửa» – “Nghị quyết 4”…',
    '«Hà Nội» 25°C',
    'Diện tích 50 m², 5 µm; 3×4',
    'Đồng chí Nguyễn Văn An, François Mitterrand, Jürgen Müller, Noël Göring, Loïc Le Gall',
    'ngoan ngoãn, tóc xoăn, huơ tay, Hoàng, hoá học, Quý, thuở, mùa xuân, Khuê, Nguyên, Tuấn',
    // Foreign text alone has no Vietnamese letters to outweigh anything.
    'Müller aus Köln, Straße, Größe, Jäger',
    'Anaïs, Noël, Héloïse à Besançon; où en août?',
    'España, Peña, Saúl',
  ])('does not suspect real text: %s', (text) => {
    expect(legacyVietnameseSuspect(text)).toBe(false);
  });

  it('weighs legacy patterns against letters only Unicode Vietnamese has', () => {
    expect(legacyVietnameseEvidence('NguyÔn V¨n An')).toEqual({ strong: 2, weak: 0, vietnamese: 0 });
    expect(legacyVietnameseEvidence('Nguyễn Văn An')).toEqual({ strong: 0, weak: 0, vietnamese: 2 });
    // Weak patterns alone (French diaeresis) never make a suspect.
    expect(legacyVietnameseEvidence('Loïc, Anaïs')).toEqual({ strong: 0, weak: 2, vietnamese: 0 });
  });
});

describe('looksLikeUtf8Mojibake', () => {
  it.each(['Nguyá»…n', 'Ã¡', 'Ä‘', 'VÄƒn', 'DÆ°Æ¡ng', 'Tráº§n', 'â€œTá»± soiâ€', 'Â°C'])('spots %s', (text) => {
    expect(looksLikeUtf8Mojibake(text)).toBe(true);
  });

  it('spots every member name read as Latin-1/windows-1252 or windows-1258', () => {
    const memberNames = [...names(reference, ',')];
    // Node ≥ 20.18.3 decodes 'windows-1252' like Latin-1, 80–9F → C1 controls (nodejs/node#60888); both forms occur in the wild.
    for (const codePage of ['latin1', 'windows-1258']) {
      for (const name of memberNames) {
        const garbled = new TextDecoder(codePage).decode(Buffer.from(name, 'utf8'));
        expect(looksLikeUtf8Mojibake(garbled), `${codePage}: ${garbled}`).toBe(true);
      }
    }
  });

  it('spots a whole file that was garbled and saved again as UTF-8', () => {
    const garbled = new TextDecoder('windows-1258').decode(fixture(REFERENCE).subarray(3));
    const { text } = decodeTable(Buffer.from(garbled, 'utf8'));
    expect(text).toContain('Nguyá»…n');
    expect(looksLikeUtf8Mojibake(text)).toBe(true);
  });

  it.each([
    'Nguyễn Văn An',
    'Ngã ba Đồng Lộc, NGÃ BA, ĂN, Ân, Ấn',
    'Nhiệt độ 30°C, «Tự soi, tự sửa» – “Nghị quyết 4”…',
    'Müller, Ångström, Æsir, Noël, François',
  ])('leaves real text alone: %s', (text) => {
    expect(looksLikeUtf8Mojibake(text)).toBe(false);
    expect(looksLikeUtf8Mojibake(text.normalize('NFD'))).toBe(false);
  });
});
