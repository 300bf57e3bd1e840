/**
 * Export format 2 signatures (issue 17): computed on the parsed content, so
 * a re-save (encoding, separator, quoting, line ends, row order) still
 * verifies, and any field that decides anything, changed, does not.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportRows, type ExportIdentity } from '../../src/exchange/export.js';
import { readExport } from '../../src/exchange/import.js';
import { fingerprintOf, normaliseFingerprint } from '../../src/exchange/signature.js';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { summarise } from '../../src/summary/aggregate.js';
import { readRows, resaveCp1258Semicolon, resaveQuotedLf, resaveUtf16Tab } from '../support/excel.js';
import { rowOf, setCell } from '../support/forge.js';

const parsed = parseQuestionnaire(readFileSync(new URL('../../questionnaires/nq4-khoa-xii.yaml', import.meta.url), 'utf8'), 'nq4');
if (!parsed.ok) throw new Error('bundled invalid');
const q = parsed.questionnaire;
const ids = allBehaviours(q).map((b) => b.id);
const responses = Array.from({ length: 6 }, (_, r) => new Map(ids.map((b, i) => [b, (i + r) % 9 === 0 ? 'thuong-xuyen' : (i + 2 * r) % 4 === 0 ? 'thinh-thoang' : 'khong'])));
const summary = summarise(q, responses, { code: 'CB03', name: 'Chi bộ Văn phòng “Số 1”, Sở Nội vụ', level: 'chi-bo', parentCode: 'DU01', members: 7 });
const signer = generateKeyPairSync('ed25519');
const identity: ExportIdentity = {
  tusoiVersion: '0.1.0',
  unit: { code: 'CB03', name: 'Chi bộ Văn phòng “Số 1”, Sở Nội vụ', level: 'chi-bo', parentCode: 'DU01' },
  roundLabel: '2026',
  status: 'final',
  exportedAt: '2026-11-23T09:00:00Z',
  signer,
};
const csv = exportCsv(exportRows(q, summary, identity, 'vi'), ',');
const read = (bytes: Buffer) => readExport(bytes, 'CB03.csv', { questionnaire: q, now: new Date('2026-11-23T10:00:00Z') });
const codesOf = (r: ReturnType<typeof read>) => (r.ok ? [] : r.problems.map((p) => p.code));

/** Edits cells without touching the integrity value or the signature (a careless or hostile edit). */
function edited(edit: (rows: string[][]) => void): Buffer {
  const rows = readRows(csv);
  edit(rows);
  return Buffer.from(exportCsv(rows, ','), 'utf8');
}

describe('signed exports', () => {
  it('verify, naming the signer by the fingerprint of its key', () => {
    const r = read(Buffer.from(csv, 'utf8'));
    expect(r.ok && r.parsed.signer?.fingerprint).toBe(fingerprintOf(signer.publicKey));
    expect(r.ok && r.parsed.format).toBe(2);
  });

  it('still verify after the re-saves a spreadsheet makes (Windows-1258 with ;, UTF-16 with tabs, quoted with LF, rows sorted)', () => {
    const sorted = edited((rows) => {
      const [header, ...rest] = rows;
      rows.splice(0, rows.length, header!, ...rest.reverse());
    });
    for (const bytes of [resaveCp1258Semicolon(csv), resaveUtf16Tab(csv), resaveQuotedLf(csv), sorted]) {
      const r = read(bytes);
      expect(codesOf(r)).toEqual([]);
      expect(r.ok && r.parsed.signer?.fingerprint).toBe(fingerprintOf(signer.publicKey));
    }
  });

  const changes: Array<[string, (rows: string[][]) => void]> = [
    ['exported_at', (rows) => setCell(rows, rowOf(rows, 'export'), 'exported_at', '2026-11-23T09:00:01Z')],
    ['unit_name', (rows) => setCell(rows, rowOf(rows, 'export'), 'unit_name', 'Chi bộ khác')],
    ['unit_level', (rows) => setCell(rows, rowOf(rows, 'export'), 'unit_level', 'dang-uy-co-so')],
    ['parent_code', (rows) => setCell(rows, rowOf(rows, 'export'), 'parent_code', 'DU02')],
    ['questionnaire_version', (rows) => setCell(rows, rowOf(rows, 'export'), 'questionnaire_version', '9.9')],
    ['a covered unit’s name', (rows) => setCell(rows, rowOf(rows, 'unit'), 'item_text', 'Chi bộ khác')],
    ['the public key (another unit’s)', (rows) => setCell(rows, rowOf(rows, 'export'), 'public_key', generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!)],
  ];
  for (const [what, edit] of changes) {
    it(`do not verify with ${what} changed`, () => {
      expect(codesOf(read(edited(edit)))).toEqual(['EXPORT_SIGNATURE']);
    });
  }

  it('refuse a key that is not a key, located on the export row', () => {
    const r = read(edited((rows) => setCell(rows, rowOf(rows, 'export'), 'public_key', 'not-a-key')));
    expect(r.ok ? [] : r.problems.map((p) => [p.code, p.line, p.params.column])).toEqual([['EXPORT_SIGNATURE', 2, 'public_key']]);
  });

  it('read as unsigned with neither a key nor a signature; format 1 files (no such columns) still read', () => {
    const unsigned = read(edited((rows) => {
      setCell(rows, rowOf(rows, 'export'), 'public_key', '');
      setCell(rows, rowOf(rows, 'export'), 'signature', '');
    }));
    expect(unsigned.ok && unsigned.parsed.signer).toBeUndefined();
    const format1 = readFileSync(new URL('../fixtures/csv/export-format-1.csv', import.meta.url));
    const r = read(format1);
    expect(codesOf(r)).toEqual([]);
    expect(r.ok && [r.parsed.format, r.parsed.signer]).toEqual([1, undefined]);
  });

  it('fingerprints: four groups of four characters without look-alikes, read back whatever the case, spaces, O for 0 or I/L for 1', () => {
    const fp = fingerprintOf(signer.publicKey);
    expect(fp).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(normaliseFingerprint(fp.toLowerCase().replace(/-/g, ' '))).toBe(fp);
    expect(normaliseFingerprint(fp.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(fp);
    expect(normaliseFingerprint('ABCD-EFGH')).toBeUndefined();
    expect(normaliseFingerprint('UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
  });
});
