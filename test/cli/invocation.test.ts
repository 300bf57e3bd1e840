import { describe, expect, it } from 'vitest';
import { vi as viMessages } from '../../src/i18n/vi.js';
import { en as enMessages } from '../../src/i18n/en.js';
import { commandPattern, invocationFrom, withInvocation } from '../../src/cli/invocation.js';
import { COMMAND_NAMES } from '../../src/cli/program.js';
import { shellArg } from '../../src/cli/shell-arg.js';
import { runMain } from '../support/cli.js';

describe('the invocation hints are written with', () => {
  it('is npx tusoi under npx / npm exec and npm run, bare tusoi otherwise (npm says so in npm_command)', () => {
    expect(invocationFrom({ npm_command: 'exec' })).toBe('npx tusoi');
    expect(invocationFrom({ npm_command: 'run-script' })).toBe('npx tusoi');
    expect(invocationFrom({})).toBe('tusoi');
    expect(invocationFrom({ PATH: '/x/node_modules/.bin:/usr/bin' })).toBe('tusoi');
  });

  it('rewrites commands, never prose, paths or file names', () => {
    const rewrite = (s: string) => s.replace(commandPattern(COMMAND_NAMES), 'npx tusoi');
    expect(rewrite('Mở đợt: tusoi round open --label 2026')).toBe('Mở đợt: npx tusoi round open --label 2026');
    expect(rewrite('  tusoi --db a.sqlite status')).toBe('  npx tusoi --db a.sqlite status');
    expect(rewrite('Xem hướng dẫn: tusoi questionnaire show --help')).toBe('Xem hướng dẫn: npx tusoi questionnaire show --help');
    expect(rewrite('tusoi không ghi đè lên tệp này')).toBe('tusoi không ghi đè lên tệp này');
    expect(rewrite('tusoi — công cụ')).toBe('tusoi — công cụ');
    expect(rewrite('./tusoi.sqlite, /opt/tusoi report, C:\\tusoi init')).toBe('./tusoi.sqlite, /opt/tusoi report, C:\\tusoi init');
    expect(rewrite('Lỗi nội bộ của tusoi.')).toBe('Lỗi nội bộ của tusoi.');
  });

  it('reaches every string and function result of both catalogues, and leaves them alone for bare tusoi', () => {
    for (const m of [viMessages, enMessages]) {
      expect(withInvocation(m, 'tusoi', COMMAND_NAMES)).toBe(m);
      const npx = withInvocation(m, 'npx tusoi', COMMAND_NAMES);
      expect(npx.errors.NO_OPEN_ROUND({ year: '2026' })).toContain('npx tusoi round open --label 2026');
      expect(npx.demo.next('k.sqlite', 'c.sqlite').match(/npx tusoi/g)).toHaveLength(5);
      expect(JSON.stringify(npx.help)).not.toMatch(/(?<!npx )tusoi (init|member|round|report) /);
    }
  });

  it('an error message and the help say npx tusoi when run through npx', async () => {
    const bare = await runMain(['status'], { env: { TUSOI_DB: '/nonexistent/x.sqlite' } });
    expect(bare.stderr).toMatch(/(?<!npx )tusoi init/);
    const npx = await runMain(['status'], { env: { TUSOI_DB: '/nonexistent/x.sqlite', npm_command: 'exec' } });
    expect(npx.stderr).toContain('npx tusoi init');
    const help = await runMain(['round', 'open', '--help'], { env: { npm_command: 'exec' } });
    expect(help.stdout).toContain('npx tusoi round open --label 2026');
  });
});

describe('shellArg', () => {
  it('leaves plain paths, Vietnamese letters included, and quotes the rest for the platform', () => {
    expect(shellArg('/tmp/tusoi-demo-x/khoi.sqlite', 'linux')).toBe('/tmp/tusoi-demo-x/khoi.sqlite');
    expect(shellArg('/home/an/Tài liệu/khoi.sqlite', 'linux')).toBe("'/home/an/Tài liệu/khoi.sqlite'");
    expect(shellArg("/tmp/it's/$HOME", 'linux')).toBe("'/tmp/it'\\''s/$HOME'");
    expect(shellArg('C:\\Users\\An\\khoi.sqlite', 'win32')).toBe('C:\\Users\\An\\khoi.sqlite');
    expect(shellArg('C:\\Users\\Nguyễn Văn An\\Temp\\khoi.sqlite', 'win32')).toBe('"C:\\Users\\Nguyễn Văn An\\Temp\\khoi.sqlite"');
  });
});
