/** The CLI shell in-process: language, help, usage errors, the error mapper. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handleError, langFromArgv, main } from '../../src/cli/main.js';
import { UserError } from '../../src/errors.js';
import { vi as viMessages } from '../../src/i18n/vi.js';
import { memoryIo } from '../support/memory-io.js';

const BROKEN = fileURLToPath(new URL('../fixtures/questionnaires/broken-several.yaml', import.meta.url));

describe('language', () => {
  it('is Vietnamese by default, even under an English system locale', async () => {
    const io = memoryIo({ env: { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' } });
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Cách dùng:');
    expect(io.out()).toContain('Lệnh:');
  });

  it('is English with --lang en or TUSOI_LANG=en, and --lang wins over the variable', async () => {
    const a = memoryIo();
    await main(['--lang', 'en', '--help'], a);
    expect(a.out()).toContain('Usage:');
    const b = memoryIo({ env: { TUSOI_LANG: 'en' } });
    await main(['questionnaire', '--help'], b);
    expect(b.out()).toContain('Commands:');
    const c = memoryIo({ env: { TUSOI_LANG: 'en' } });
    await main(['--lang=vi', '--help'], c);
    expect(c.out()).toContain('Cách dùng:');
  });

  it('refuses an unknown language as a usage error', async () => {
    const io = memoryIo();
    expect(await main(['--lang', 'fr', '--help'], io)).toBe(2);
    expect(io.err()).toContain('--lang');
  });

  it('finds --lang anywhere before "--"', () => {
    expect(langFromArgv(['questionnaire', 'show', 'x', '--lang', 'en'])).toBe('en');
    expect(langFromArgv(['--lang=en'])).toBe('en');
    expect(langFromArgv(['--', '--lang', 'en'])).toBeUndefined();
  });
});

describe('usage errors', () => {
  it('exit 2 with a Vietnamese message and the help to read', async () => {
    const io = memoryIo();
    expect(await main(['questionnaire', 'show', 'nq4-khoa-xii', '--colour'], io)).toBe(2);
    expect(io.err()).toBe('tusoi: Không có tùy chọn --colour.\nXem hướng dẫn:\n  tusoi questionnaire show --help\n');
  });

  it('cover unknown commands and missing arguments', async () => {
    const a = memoryIo();
    expect(await main(['frobnicate'], a)).toBe(2);
    expect(a.err()).toContain('Không có lệnh frobnicate.');
    const b = memoryIo({ env: { TUSOI_LANG: 'en' } });
    expect(await main(['questionnaire', 'validate'], b)).toBe(2);
    expect(b.err()).toContain('Missing required argument: files.');
  });

  it('suggest the nearest command or option ("did you mean"), in both languages', async () => {
    const a = memoryIo();
    expect(await main(['satus'], a)).toBe(2);
    expect(a.err()).toContain('Không có lệnh satus. Có phải đồng chí định gõ status?');
    const b = memoryIo({ env: { TUSOI_LANG: 'en' } });
    expect(await main(['report', '--fromat', 'html'], b)).toBe(2);
    expect(b.err()).toContain('Unknown option: --fromat. Did you mean --format?');
  });

  it('a bad option value is a usage error too (exit 2), whichever layer finds it', async () => {
    for (const argv of [['report', '--format', 'htm'], ['--lang', 'fr', 'status'], ['report', '--suppress-below', '1']]) {
      const io = memoryIo();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toMatch(/^tusoi: /);
    }
  });

  it('help and version exit 0; no arguments prints the help', async () => {
    const a = memoryIo();
    expect(await main(['--version'], a)).toBe(0);
    expect(a.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
    const b = memoryIo();
    expect(await main([], b)).toBe(0);
    expect(b.out()).toContain('questionnaire');
  });
});

describe('questionnaire commands in-process', () => {
  it('validate: every problem with file:line:col and code on stderr, exit 1, no stack', async () => {
    const io = memoryIo();
    expect(await main(['questionnaire', 'validate', BROKEN], io)).toBe(1);
    expect(io.err()).toContain(`${BROKEN}:23:9  groups[0].manifestations[0].behavours`);
    for (const code of ['WRONG_TYPE', 'NO_NONE_LEVEL', 'DUPLICATE_ID', 'MISSING_FIELD', 'UNKNOWN_KEY', 'BAD_STATUS', 'DUPLICATE_ID_CASE', 'EMPTY_LIST', 'MISSING_TRANSLATION']) {
      expect(io.err()).toContain(`[${code}]`);
    }
    expect(io.err()).not.toMatch(/^\s+at /m);
    expect(io.out()).toBe('');
  });

  it('validate --json: one document on stdout with codes and positions', async () => {
    const io = memoryIo();
    expect(await main(['questionnaire', 'validate', BROKEN, '--json'], io)).toBe(1);
    const doc = JSON.parse(io.out()) as { files: Array<{ valid: boolean; problems: Array<{ code: string; line: number; col: number }> }> };
    expect(doc.files[0]!.valid).toBe(false);
    expect(doc.files[0]!.problems.find((p) => p.code === 'BAD_STATUS')).toMatchObject({ line: 27, col: 17 });
    expect(io.err()).toBe('');
  });

  it('show of an unknown id: a clear message naming the bundled ones, exit 1', async () => {
    const io = memoryIo();
    expect(await main(['questionnaire', 'show', 'nq4'], io)).toBe(1);
    expect(io.err()).toContain('nq4-khoa-xii');
  });

  it('show marks manifestations whose wording is not confirmed, in both languages', async () => {
    const a = memoryIo();
    await main(['questionnaire', 'show', 'nq4-khoa-xii'], a);
    expect(a.out().match(/\[lời văn chưa được đối chiếu với văn bản chính thức\]/g)).toHaveLength(6);
    expect(a.out().match(/\[lời văn mới đối chiếu được một phần với văn bản chính thức\]/g)).toHaveLength(6);
    const b = memoryIo();
    await main(['questionnaire', 'show', 'nq4-khoa-xii', '--lang', 'en'], b);
    expect(b.out().match(/\[wording not yet checked against the official text\]/g)).toHaveLength(6);
    expect(b.out()).toContain('TT4.3');
  });

  it('list: the bundled questionnaire, and exit 1 when a given file is invalid', async () => {
    const io = memoryIo();
    expect(await main(['questionnaire', 'list', BROKEN, '--json'], io)).toBe(1);
    const doc = JSON.parse(io.out()) as { questionnaires: Array<{ id: string; counts: unknown; bundled: boolean }> };
    expect(doc.questionnaires).toEqual([
      expect.objectContaining({ id: 'nq4-khoa-xii', bundled: true, counts: { groups: 3, manifestations: 27, behaviours: 111 } }),
    ]);
    expect(io.err()).toContain(BROKEN);
  });
});

describe('the error mapper', () => {
  it('prints a user error in the user language, without a stack, exit 1', () => {
    const io = memoryIo();
    expect(handleError(new UserError('FILE_NOT_FOUND', { file: 'x.yaml' }), viMessages, io, 'tusoi')).toBe(1);
    expect(io.err()).toBe('tusoi: Không tìm thấy tệp x.yaml. Kiểm tra lại đường dẫn.\n');
  });

  it('prints a bug with its stack and a request to report it, exit 1', () => {
    const io = memoryIo();
    expect(handleError(new TypeError('boom'), viMessages, io, 'tusoi')).toBe(1);
    expect(io.err()).toContain('TypeError: boom');
    expect(io.err()).toMatch(/^\s+at /m);
    expect(io.err()).toContain(viMessages.internal.report);
  });

  it('maps Ctrl+C in a prompt to 130', () => {
    const io = memoryIo();
    const interrupt = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    expect(handleError(interrupt, viMessages, io, 'tusoi')).toBe(130);
  });
});
