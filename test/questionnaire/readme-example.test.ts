/** The documented example must stay the tested one, and valid. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';

it('questionnaires/README.md shows the small example fixture, and it is valid', () => {
  const readme = readFileSync(new URL('../../questionnaires/README.md', import.meta.url), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const fixture = readFileSync(new URL('../fixtures/questionnaires/small.yaml', import.meta.url), 'utf8').replace(/^# .*\n/, '');
  expect(block.trim()).toBe(fixture.trim());
  const r = parseQuestionnaire(block, 'README.md');
  expect(r.ok).toBe(true);
});
