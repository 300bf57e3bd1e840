/**
 * The English interview in a real terminal calls the none level "Never"
 * (tusoi's word, issue 15 part 6), in the choices and in the saved line;
 * the bundled questionnaire's own label ("None") is not shown.
 */
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';

describe('tusoi answer --lang en', () => {
  it('offers "1. Never" and saves it as Never', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    const s = runPty(['--db', cell.db, '--lang', 'en', 'answer', '--member', 'M001'], { cwd: cell.dir });
    let at = await s.waitFor(/\(Y\/n\)|\(y\/N\)/);
    s.type('y');
    s.type(KEYS.enter);
    at = await s.waitFor('Question 1/111', { from: at });
    at = await s.waitFor('1. Never', { from: at });
    s.type('1');
    s.type(KEYS.enter);
    at = await s.waitFor(/✓ Saved \S+: Never · 1 of 111 answered/, { from: at });
    expect(s.text()).not.toMatch(/\bNone\b/);
    // Ctrl+C once the next prompt is drawn: keys typed before a prompt is up are not seen by it.
    at = await s.waitFor('Question 2/111', { from: at });
    await s.waitFor('1. Never', { from: at });
    s.type(KEYS.ctrlC);
    expect((await s.exited).exitCode).toBe(130);
  });
});
