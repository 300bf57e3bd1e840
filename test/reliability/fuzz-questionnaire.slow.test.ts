/**
 * Broken questionnaires, mutated from valid ones with a fixed seed: parsing
 * never throws, and every problem is located and coded; through the CLI, exit
 * 1 with `file:line:col` and no stack trace, or a clean success for a mutant
 * that is still valid. A failing case is written to a temporary folder, kept
 * (not removed), whose path the failure message gives.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaireBytes } from '../../src/questionnaire/load.js';
import { PROBLEM_CODES } from '../../src/questionnaire/problems.js';
import { seeded } from '../support/random.js';
import { ROOT, runMain, STACK_LINE } from '../support/cli.js';
import { tempCell } from '../support/cell.js';
import { count } from './level.js';
import { mutate } from './mutate.js';
import { inject, longText } from './hostile.js';
import { UNSAFE_BUT_LF } from '../support/hostile-text.js';

const CASES = count(300, 1000);
const SOURCES = ['test/fixtures/questionnaires/small.yaml', 'questionnaires/nq4-khoa-xii.yaml'].map((f) => readFileSync(join(ROOT, f)));

let failures: string | undefined;

/** Keeps a failing case for a person to look at: in a temporary folder that is deliberately not removed. */
function saveFailure(seed: number, bytes: Buffer): string {
  failures ??= mkdtempSync(join(tmpdir(), 'tusoi-fuzz-failures-'));
  const file = join(failures, `questionnaire-${seed}.yaml`);
  writeFileSync(file, bytes);
  return file;
}

describe(`${CASES} broken questionnaires`, () => {
  it('never throw; every problem has a known code and a position', async () => {
    let valid = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const rnd = seeded(seed);
      const { name, bytes } = mutate(SOURCES[seed % SOURCES.length]!, rnd);
      let result;
      try {
        result = parseQuestionnaireBytes(bytes, 'mutant.yaml');
      } catch (error) {
        throw new Error(`seed ${seed} (${name}) threw ${String(error)}; saved as ${saveFailure(seed, bytes)}`);
      }
      if (result.ok) {
        valid++;
        continue;
      }
      expect(result.problems.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const p of result.problems) {
        if (!PROBLEM_CODES.includes(p.code) || p.line < 1 || p.col < 1) {
          throw new Error(`seed ${seed} (${name}): ${JSON.stringify(p)}; saved as ${saveFailure(seed, bytes)}`);
        }
      }
    }
    expect(valid).toBeLessThan(CASES);
  });

  it('through the CLI: exit 1 with file:line:col and no stack trace, or a clean success; round open stores nothing', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'] });
    const n = count(15, 60);
    for (let seed = 1; seed <= n; seed++) {
      const { bytes } = mutate(SOURCES[seed % SOURCES.length]!, seeded(10_000 + seed));
      const file = join(cell.dir, `m${seed}.yaml`);
      writeFileSync(file, bytes);
      const v = await runMain(['questionnaire', 'validate', file]);
      expect([0, 1], `seed ${seed}: ${v.stderr}`).toContain(v.status);
      expect(v.stderr, `seed ${seed}`).not.toMatch(STACK_LINE);
      if (v.status === 1) expect(v.stderr).toMatch(new RegExp(`m${seed}\\.yaml:\\d+:\\d+`));
      const open = await cell.cli(['round', 'open', '--label', `r${seed}`, '--questionnaire', file]);
      expect(open.stderr).not.toMatch(STACK_LINE);
      if (open.status === 0) expect((await cell.cli(['round', 'close'])).status).toBe(0);
      else expect(cell.query('SELECT label FROM round WHERE label = ?', `r${seed}`)).toEqual([]);
    }
  }, 300_000);
});

// Text hygiene (issue 14, part 4): hostile characters at random positions of random strings, or an over-long version.
const HYGIENE_CASES = count(60, 2000);

describe(`${HYGIENE_CASES} questionnaires with hostile characters in their strings`, () => {
  it('are refused with UNSAFE_CHARACTER (or TEXT_TOO_LONG), located; parsing never throws', async () => {
    const started = Date.now();
    const t = { runs: 0, refused: 0 };
    const codes: Record<string, number> = {};
    const texts = SOURCES.map((b) => b.toString('utf8'));
    for (let seed = 1; seed <= HYGIENE_CASES; seed++) {
      const rnd = seeded(40_000 + seed);
      const text = texts[seed % texts.length]!;
      let spoiled: string;
      if (rnd() < 0.15) {
        spoiled = text.replace(/^version: "[^"]*"/m, `version: "${longText('2026.', 65 + Math.floor(rnd() * 500))}"`);
      } else {
        // A double-quoted string of the file (ids, version, texts, notes), spoiled inside its quotes.
        const strings = [...text.matchAll(/"([^"\\\n]+)"/g)];
        const m = strings[Math.floor(rnd() * strings.length)]!;
        spoiled = `${text.slice(0, m.index + 1)}${inject(m[1]!, rnd)}${text.slice(m.index + 1 + m[1]!.length)}`;
      }
      let result;
      try {
        result = parseQuestionnaireBytes(Buffer.from(spoiled), 'hostile.yaml');
      } catch (error) {
        throw new Error(`seed ${seed} threw ${String(error)}; saved as ${saveFailure(seed, Buffer.from(spoiled))}`);
      }
      t.runs++;
      if (result.ok) throw new Error(`seed ${seed}: accepted; saved as ${saveFailure(seed, Buffer.from(spoiled))}`);
      t.refused++;
      const hygiene = result.problems.filter((p) => p.code === 'UNSAFE_CHARACTER' || p.code === 'TEXT_TOO_LONG');
      for (const p of result.problems) codes[p.code] = (codes[p.code] ?? 0) + 1;
      if (hygiene.length === 0 || hygiene.some((p) => p.line < 1 || p.col < 1)) {
        throw new Error(`seed ${seed}: ${JSON.stringify(result.problems)}; saved as ${saveFailure(seed, Buffer.from(spoiled))}`);
      }
    }
    console.log(`questionnaire hygiene: ${JSON.stringify({ ...t, ...codes })} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);

  it('through the CLI: validate shows nothing a terminal acts on, and round open stores nothing', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'] });
    const small = SOURCES[0]!.toString('utf8');
    for (let seed = 1; seed <= count(8, 40); seed++) {
      const rnd = seeded(45_000 + seed);
      const file = join(cell.dir, `h${seed}.yaml`);
      writeFileSync(file, small.replace('"Hành vi thứ hai."', `"${inject('Hành vi thứ hai.', rnd)}"`));
      const v = await runMain(['questionnaire', 'validate', file]);
      expect(v.status, `seed ${seed}`).toBe(1);
      expect(v.stderr, `seed ${seed}`).toMatch(new RegExp(`h${seed}\\.yaml:34:\\d+`));
      expect(v.stderr + v.stdout, `seed ${seed}`).not.toMatch(UNSAFE_BUT_LF);
      const open = await cell.cli(['round', 'open', '--label', `r${seed}`, '--questionnaire', file]);
      expect(open.status, `seed ${seed}`).toBe(1);
      expect(open.stderr).not.toMatch(UNSAFE_BUT_LF);
    }
    expect(cell.query('SELECT COUNT(*) AS n FROM round')).toEqual([{ n: 0 }]);
  }, 300_000);
});
