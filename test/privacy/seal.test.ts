/** The commitment secret and the sealing of a commitment (pure: node:crypto only). */
import { describe, expect, it } from 'vitest';
import { KDF_PARAMS, newKey, openJson, sealJson, unlockKey } from '../../src/privacy/seal.js';
import { newSecretCode, readSecretCode, SECRET_BITS } from '../../src/privacy/secret-code.js';

describe('the secret', () => {
  it('is 12 characters of the unambiguous alphabet in three groups: 60 bits', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newSecretCode()));
    expect(seen.size).toBe(200);
    for (const s of seen) expect(s).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(SECRET_BITS).toBe(60);
  });

  it('is read whatever its case, spaces and hyphens; an input method’s accents and anything else are refused', () => {
    expect(readSecretCode(' k7qm 2xhd-9prt ')).toEqual({ ok: true, secret: 'K7QM-2XHD-9PRT' });
    expect(readSecretCode('K7QM2XHD9PRT')).toEqual({ ok: true, secret: 'K7QM-2XHD-9PRT' });
    expect(readSecretCode('ÂBCD-EFGH-JKLM')).toEqual({ ok: false, reason: 'accented' });
    expect(readSecretCode('K7QM-2XHD-9PR')).toEqual({ ok: false, reason: 'malformed' });
    expect(readSecretCode('K7QM-2XHD-9PR0')).toEqual({ ok: false, reason: 'malformed' }); // 0 is not in the alphabet
    expect(readSecretCode('123456')).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('a sealed box', () => {
  it('opens with its key and context only; its size does not tell a short behaviour id from a long one', async () => {
    const { key, record } = await newKey('K7QM-2XHD-9PRT');
    expect(record).toMatchObject(KDF_PARAMS);
    expect(await unlockKey('K7QM-2XHD-9PRU', record, 'M001')).toBeUndefined();
    const again = await unlockKey('K7QM-2XHD-9PRT', record, 'M001');
    const box = sealJson(key, 'member=1 round=1 id=5', { b: 'A1.1', a: 'Sửa' });
    expect(openJson(again!, 'member=1 round=1 id=5', box)).toEqual({ b: 'A1.1', a: 'Sửa' });
    expect(openJson(again!, 'member=1 round=1 id=6', box)).toBeUndefined();
    const flipped = Buffer.from(box);
    flipped[20]! ^= 1;
    expect(openJson(again!, 'member=1 round=1 id=5', flipped)).toBeUndefined();
    expect(sealJson(key, 'c', { b: 'TT10.12', a: 'Sửa' }).length).toBe(box.length);
  });

  it('a key record with an impossible cost (edited by hand) is refused before any work', async () => {
    const { record } = await newKey('K7QM-2XHD-9PRT');
    await expect(unlockKey('K7QM-2XHD-9PRT', { ...record, n: 2 ** 30 }, 'M001')).rejects.toMatchObject({ name: 'UserError', code: 'COMMITMENT_KEY_DAMAGED' });
    await expect(unlockKey('K7QM-2XHD-9PRT', { ...record, n: 3000 }, 'M001')).rejects.toMatchObject({ code: 'COMMITMENT_KEY_DAMAGED' });
  });
});
