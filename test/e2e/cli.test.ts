/**
 * The CLI as a user runs it: the real compiled binary (`bin/tusoi.js` →
 * `dist/`) for help, version, start-up cost and exit statuses; the questionnaire
 * commands' output in-process.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runMain, STACK_LINE } from '../support/cli.js';
import { loadedSources } from '../support/loaded-sources.js';
import { tempDir } from '../support/temp.js';

interface ShowJson {
  id: string;
  version: string;
  sha256: string;
  levels: Array<{ id: string; label: { vi: string; en: string } }>;
  groups: Array<{
    id: string;
    manifestations: Array<{ id: string; status: string; text: { vi: string; en: string }; behaviours: Array<{ id: string; text: { vi: string; en: string } }> }>;
  }>;
}
interface RefManifestation {
  id: string;
  status: string;
  vi: string;
  verbatim?: string[];
}

const reference = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/reference/nq4-27.json'), 'utf8')) as {
  groups: Array<{ manifestations: RefManifestation[] }>;
};

describe('tusoi', () => {
  it('--help and --version exit 0', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Cách dùng: tusoi');
    const version = runCli(['--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('--help loads the stored help only; help by the ordinary path (a global option before it) loads neither YAML, SQLite, the prompt library nor chalk', () => {
    const loads = (args: string[]) => {
      const log = join(tempDir('tusoi-imports-'), 'imports.log');
      const r = runCli(args, { env: { TUSOI_IMPORT_LOG: log }, nodeArgs: ['--import', join(ROOT, 'test/support/record-imports.mjs')] });
      expect(r.status).toBe(0);
      return loadedSources(readFileSync(log, 'utf8'));
    };
    const quick = loads(['--help']);
    expect(quick).toContain('dist/cli/quick-help.js');
    expect(quick.filter((s) => s.includes('commander') || s.includes('program.js'))).toEqual([]);
    const ordinary = loads(['--json', '--help']);
    expect(ordinary.some((s) => s.startsWith('node_modules/commander/'))).toBe(true);
    expect(ordinary).toContain('dist/cli/program.js');
    for (const loaded of [quick, ordinary]) for (const heavy of ['/yaml/', 'better-sqlite3', '@inquirer', '/chalk/', 'workbook-writer', 'zip-write', 'report/workbook']) expect(loaded.filter((s) => s.includes(heavy))).toEqual([]);
  });

  it('the stored help is what the ordinary path prints, in each language and invocation, however it is asked for', async () => {
    const cases: Array<[string[], Record<string, string>]> = [
      [['--help'], {}],
      [['-h'], { TUSOI_LANG: 'en' }],
      [['help'], { npm_command: 'exec' }],
      [['--lang', 'en', '--help'], { npm_command: 'exec' }],
      [['--lang=vi', 'help'], { TUSOI_LANG: 'en' }],
      [['-h', '--lang', 'en'], {}],
    ];
    const seen = new Set<string>();
    for (const [args, env] of cases) {
      {
        const bin = runCli(args, { env });
        // The ordinary path: the program built by commander, in-process (`--json` changes nothing in the help).
        const ordinary = await runMain(['--json', ...args], { env });
        expect([bin.status, bin.stderr, bin.stdout], `${JSON.stringify(env)} ${args.join(' ')}`).toEqual([0, '', ordinary.stdout]);
        seen.add(bin.stdout);
      }
    }
    // Both languages were asked for (the invocation changes no word of today's top-level help, but it is keyed by it).
    expect([...seen].map((t) => t.split('\n')[0]).sort()).toEqual(['Cách dùng: tusoi [tùy chọn] [lệnh]', 'Usage: tusoi [options] [command]']);
  });

  it('report --format xlsx loads the workbook writer (so the check above can see it)', async () => {
    const dir = tempDir('tusoi-imports-');
    const log = join(dir, 'imports.log');
    const db = join(dir, 'c.sqlite');
    for (const args of [['init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ'], ['round', 'open', '--label', '2026']]) expect(runCli(['--db', db, ...args]).status).toBe(0);
    const r = runCli(['--db', db, 'report', '--format', 'xlsx', '--out', join(dir, 'r.xlsx')], { env: { TUSOI_IMPORT_LOG: log }, nodeArgs: ['--import', join(ROOT, 'test/support/record-imports.mjs')] });
    expect(r.status, r.stderr).toBe(0);
    const loaded = loadedSources(readFileSync(log, 'utf8'));
    for (const part of ['dist/exchange/workbook-writer.js', 'dist/exchange/zip-write.js', 'dist/report/workbook.js']) expect(loaded).toContain(part);
  });

  it('questionnaire validate: the bundled file from the build’s parse, no YAML loaded; a copy with one byte more is parsed (yaml loaded) and says the same', () => {
    const dir = tempDir('tusoi-known-');
    mkdirSync(join(dir, 'questionnaires'));
    // The same name, one comment line more: other bytes, the same questionnaire (the same content hash).
    writeFileSync(join(dir, 'questionnaires', 'nq4-khoa-xii.yaml'), `${readFileSync(join(ROOT, 'questionnaires/nq4-khoa-xii.yaml'), 'utf8')}# một dòng ghi chú\n`);
    const run = (cwd: string, json: boolean) => {
      const log = join(tempDir('tusoi-imports-'), 'imports.log');
      const r = runCli([...(json ? ['--json'] : []), 'questionnaire', 'validate', 'questionnaires/nq4-khoa-xii.yaml'], { cwd, env: { TUSOI_IMPORT_LOG: log }, nodeArgs: ['--import', join(ROOT, 'test/support/record-imports.mjs')] });
      return { ...r, yaml: loadedSources(readFileSync(log, 'utf8')).some((x) => x.startsWith('node_modules/yaml/')) };
    };
    for (const json of [false, true]) {
      const bundled = run(ROOT, json);
      const copy = run(dir, json);
      expect([bundled.status, bundled.yaml, copy.status, copy.yaml]).toEqual([0, false, 0, true]);
      expect(bundled.stdout).toBe(copy.stdout);
      // Node's own warnings (Node 26 warns about the import logger's module.register) carry the process id.
      const own = (t: string) => t.replace(/^\(node:\d+\) .*\n(\(Use `node --trace-.*\n)?/gm, '');
      expect(own(bundled.stderr)).toBe(own(copy.stderr));
    }
  });

  it('questionnaire show nq4-khoa-xii --json: 3 groups, 27 manifestations, 111 behaviours, faithful to the reference', async () => {
    const r = await runMain(['questionnaire', 'show', 'nq4-khoa-xii', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const q = JSON.parse(r.stdout) as ShowJson;
    expect(q.id).toBe('nq4-khoa-xii');
    expect(q.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(q.levels.map((l) => l.id)).toEqual(['khong', 'thinh-thoang', 'thuong-xuyen']);
    expect(q.groups).toHaveLength(3);
    const ms = q.groups.flatMap((g) => g.manifestations);
    expect(ms).toHaveLength(27);
    const bs = ms.flatMap((m) => m.behaviours);
    expect(bs).toHaveLength(111);
    const ids = [...q.groups.map((g) => g.id), ...ms.map((m) => m.id), ...bs.map((b) => b.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const refs = reference.groups.flatMap((g) => g.manifestations);
    expect(ms.map((m) => [m.id, m.status])).toEqual(refs.map((r) => [r.id, r.status]));
    for (const [i, ref] of refs.entries()) {
      const m = ms[i]!;
      if (ref.status === 'verbatim') expect(m.text.vi).toBe(ref.vi.normalize('NFC'));
      if (ref.status === 'partial') {
        for (const part of ref.verbatim ?? []) expect(m.text.vi.toLowerCase()).toContain(part.normalize('NFC').toLowerCase());
      }
    }
  });

  it('a broken questionnaire: every mistake with file:line:col and code, exit 1, no stack trace', () => {
    const file = 'test/fixtures/questionnaires/broken-several.yaml';
    const r = runCli(['questionnaire', 'validate', file]);
    expect(r.status).toBe(1);
    const located = [...r.stderr.matchAll(/^(\S+):(\d+):(\d+) .*\n .*\[([A-Z_]+)\]$/gm)].map((x) => `${x[4]}@${x[2]}:${x[3]}`);
    expect(located).toEqual([
      'WRONG_TYPE@3:10',
      'MISSING_TRANSLATION@8:3',
      'NO_NONE_LEVEL@12:9',
      'DUPLICATE_ID@14:9',
      'MISSING_FIELD@20:9',
      'UNKNOWN_KEY@23:9',
      'BAD_STATUS@27:17',
      'DUPLICATE_ID_CASE@30:17',
      'EMPTY_LIST@36:21',
    ]);
    expect(r.stderr).toContain(`${file}:23:9`);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('validate of the bundled file exits 0; a file that is not there exits 1 with a message', async () => {
    expect((await runMain(['questionnaire', 'validate', 'questionnaires/nq4-khoa-xii.yaml'])).status).toBe(0);
    const missing = await runMain(['questionnaire', 'validate', 'nope.yaml']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.yaml');
    expect(missing.stderr).not.toMatch(STACK_LINE);
  });

  it('a usage error exits 2 (the real process)', () => {
    const r = runCli(['questionnaire', 'show']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tusoi questionnaire show --help');
  });
});
