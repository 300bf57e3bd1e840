/** `tusoi demo --lang en`: the whole demo again in English (7 s, so with the slow tests). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

describe('tusoi demo', () => {
  it('speaks English with --lang en', async () => {
    const dir = join(tempDir('tusoi-demo-en-'), 'demo');
    const r = await runMain(['demo', '--dir', dir, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('11/12 party cells reported');
    expect(r.stdout).toContain('Most reported behaviours');
  }, 60_000);
});
