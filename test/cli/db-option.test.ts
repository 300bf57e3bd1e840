import { describe, expect, it } from 'vitest';
import { dbOption } from '../../src/cli/interview.js';
import type { Context } from '../../src/cli/context.js';

const ctx = (db: string, env: Record<string, string> = {}) => ({ db, io: { cwd: '/home/an/hop', env } }) as unknown as Context;

describe('dbOption (the resume hint reopens the same database)', () => {
  it('is empty for the database tusoi opens anyway, else --db relative to the folder, quoted where needed', () => {
    expect(dbOption(ctx('/home/an/hop/tusoi.sqlite'))).toBe('');
    expect(dbOption(ctx('/data/cb03.sqlite', { TUSOI_DB: '/data/cb03.sqlite' }))).toBe('');
    expect(dbOption(ctx('/home/an/hop/cell.sqlite'))).toBe('--db cell.sqlite ');
    expect(dbOption(ctx('/home/an/hop/Tài liệu/cb 03.sqlite'))).toBe(`--db 'Tài liệu/cb 03.sqlite' `);
    expect(dbOption(ctx('/data/cb03.sqlite'))).toBe('--db /data/cb03.sqlite ');
  });
});
