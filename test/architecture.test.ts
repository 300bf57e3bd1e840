/**
 * Module boundaries (architecture.md §2.2): one module alone imports each heavy
 * library, and the pure core touches neither the file system nor the process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const files = sources(join(ROOT, 'src')).map((f) => ({ path: relative(join(ROOT, 'src'), f).replaceAll('\\', '/'), text: readFileSync(f, 'utf8') }));

function importers(pattern: RegExp): string[] {
  return files.filter((f) => [...f.text.matchAll(/(?:^import .* from|import\()\s*'([^']+)'/gm)].some((m) => pattern.test(m[1]!))).map((f) => f.path);
}

describe('module boundaries', () => {
  it('each heavy library has a single importer (or a single folder)', () => {
    expect(importers(/^yaml$/)).toEqual(['questionnaire/parse.ts']);
    expect(importers(/^commander$/).every((f) => f.startsWith('cli/'))).toBe(true);
    expect(importers(/^chalk$/)).toEqual(['cli/style.ts']);
    expect(importers(/^@inquirer\//).every((f) => f === 'cli/prompts.ts')).toBe(true);
    expect(importers(/^better-sqlite3$/).every((f) => f.startsWith('store/'))).toBe(true);
    expect(importers(/^csv-/).every((f) => f.startsWith('exchange/'))).toBe(true);
  });

  it('nothing outside cli/ imports cli/ (except types for the style port)', () => {
    const offenders = files.filter((f) => !f.path.startsWith('cli/') && /from '(\.\.\/)+cli\//.test(f.text.replace(/^import type .*$/gm, '')));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('the pure core uses no file system, process or clock', () => {
    const pure = files.filter((f) => /^(questionnaire\/(parse|rules|hash|model|problems)|report\/|summary\/|interview\/engine|exchange\/merge|text\/)/.test(f.path));
    expect(pure.length).toBeGreaterThan(0);
    for (const f of pure) {
      expect(f.text, f.path).not.toMatch(/from 'node:fs'|process\.|Date\.now\(\)|new Date\(\)/);
    }
  });
});
