/**
 * The committed fixture databases (test/fixtures/db). The solid-ground sets
 * (bloc, named cell, anonymous cell and the expected.json their build
 * printed; scripts/make-fixture-db.mjs) are every folder with an
 * expected.json; other folders hold fixtures with tests of their own.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURE_DB_ROOT = resolve(import.meta.dirname, '..', 'fixtures', 'db');

export const SOLID_GROUND_BUILDS: ReadonlyArray<string> = readdirSync(FIXTURE_DB_ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(FIXTURE_DB_ROOT, e.name, 'expected.json')))
  .map((e) => e.name)
  .sort();
