import { describe, expect, it } from 'vitest';
import { CountsPacker, PACKED_FORMAT, unpackCounts } from '../../src/summary/packed.js';

const rest = { questionnaire: { id: 'q', version: '1', sha256: 'abc' }, members: 4, respondents: 3, units: [] };

function packed(): string {
  const p = new CountsPacker(['khong', 'co']);
  p.add('overall', '', [1, 2]);
  p.add('group', 'A', [1, 2]);
  p.add('manifestation', 'A1', [0, 3]);
  p.add('behaviour', 'A1.1', [3, 0]);
  return p.done();
}

describe('packed counts', () => {
  it('are written with the format stamp as their first key', () => {
    expect(packed().startsWith(`{"storeFormat":${PACKED_FORMAT},"levels":["khong","co"],"rows":[`)).toBe(true);
    expect(PACKED_FORMAT).toBe(1);
  });

  it('read back as written', () => {
    const s = unpackCounts(packed(), rest);
    expect(s.levels).toEqual(['khong', 'co']);
    expect(s.overall).toEqual({ khong: 1, co: 2 });
    expect(s.groups.get('A')).toEqual({ khong: 1, co: 2 });
    expect(s.manifestations.get('A1')).toEqual({ khong: 0, co: 3 });
    expect(s.behaviours.get('A1.1')).toEqual({ khong: 3, co: 0 });
  });

  it('written before the stamp (no storeFormat) read as format 1', () => {
    const old = packed().replace('"storeFormat":1,', '');
    expect(old.startsWith('{"levels"')).toBe(true);
    expect(unpackCounts(old, rest)).toEqual(unpackCounts(packed(), rest));
  });

  it.each([2, 0, '1', null])('with an unknown stamp (%j) are refused: written by a newer tusoi', (stamp) => {
    const newer = packed().replace('"storeFormat":1,', `"storeFormat":${JSON.stringify(stamp)},`);
    expect(() => unpackCounts(newer, rest, 'khoi.sqlite')).toThrow(
      expect.objectContaining({ name: 'UserError', code: 'DB_DATA_TOO_NEW', params: { file: 'khoi.sqlite', what: 'counts', format: String(stamp), supported: 1 } }),
    );
  });
});
