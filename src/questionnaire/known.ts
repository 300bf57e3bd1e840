/**
 * The parse of a questionnaire file byte for byte identical to one the build
 * parsed (issue 19: `questionnaire validate` of the bundled file ≤ 2.3× a bare
 * start; yaml's load and parse of it alone is 2.4–3.9×). `scripts/bundle.mjs`
 * parses each bundled questionnaire with the real parser and stores the
 * result by the sha256 of the file's bytes (dist/bundle/known-questionnaires.json);
 * a file with the same bytes has the same result, so it is taken from there
 * and the YAML parser is not loaded. Any other byte, anywhere, is a miss and
 * the file is parsed. Only the shipped bundle reads the table (the per-module
 * build and the sources always parse), so a table can never be older than
 * the parser next to it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ParseResult } from './parse.js';
import type { Problem } from './problems.js';

/** What the build stores in place of the file name that messages show. */
export const SOURCE_PLACEHOLDER = '\u0000source\u0000';

let table: Readonly<Record<string, ParseResult>> | undefined;

function knownTable(): Readonly<Record<string, ParseResult>> {
  if (table) return table;
  table = {};
  if (!import.meta.url.includes('/dist/bundle/')) return table;
  try {
    table = JSON.parse(readFileSync(new URL('../bundle/known-questionnaires.json', import.meta.url), 'utf8')) as Record<string, ParseResult>;
  } catch {
    // No table (an unusual build): every file is parsed.
  }
  return table;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The stored parse of `bytes`, its problems naming `source`, or undefined to parse the file. */
export function knownParse(bytes: Uint8Array, source: string): ParseResult | undefined {
  const known = knownTable()[sha256Hex(bytes)];
  if (!known) return undefined;
  const named = (p: Problem): Problem => (p.source === SOURCE_PLACEHOLDER ? { ...p, source } : p);
  return known.ok ? { ...known, warnings: known.warnings.map(named) } : { ...known, problems: known.problems.map(named) };
}
