/**
 * The opened commitment keys of the network form, in memory only: bound to
 * one session and its member, dropped after the idle time, on lock and when
 * the server stops, their bytes overwritten when dropped.
 */
import { describe, expect, it } from 'vitest';
import type { MemberKey } from '../../src/services/commitments.js';
import { IDLE_MS, OpenKeys } from '../../src/web/open-keys.js';

const key = (memberId: number): MemberKey => ({ memberId, key: { aes: Buffer.alloc(32, 7) }, pendingRecord: undefined });

describe('open commitment keys', () => {
  it('are bound to the session and its member, and wiped when dropped, idle or cleared', () => {
    let now = 1_000_000;
    const keys = new OpenKeys(() => now);
    const a = key(1);
    keys.ensure('token-a', 1).key = a;
    expect(keys.get('token-a', 1).entry?.key).toBe(a);
    // Another member with the same cookie (cannot happen, but must open nothing) drops it.
    expect(keys.get('token-a', 2).entry).toBeUndefined();
    expect(a.key.aes.equals(Buffer.alloc(32))).toBe(true);
    expect(keys.get('token-a', 1).entry).toBeUndefined();

    const b = key(1);
    keys.ensure('token-b', 1).key = b;
    now += IDLE_MS - 1;
    expect(keys.get('token-b', 1)).toMatchObject({ idle: false });
    now += IDLE_MS + 1;
    expect(keys.get('token-b', 1)).toEqual({ entry: undefined, idle: true });
    expect(b.key.aes.equals(Buffer.alloc(32))).toBe(true);

    const c = key(3);
    keys.ensure('token-c', 3, true).key = c;
    expect(keys.held()).toBe(1);
    keys.clear();
    expect(keys.held()).toBe(0);
    expect(c.key.aes.equals(Buffer.alloc(32))).toBe(true);
  });
});
