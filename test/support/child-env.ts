/**
 * The environment of a tusoi child process in tests: this one's, without what
 * would make the output depend on how the tests were started. `TUSOI_LANG`
 * changes the language; `npm_command` (set by `npm test`, `npx vitest`) makes
 * every hint say `npx tusoi` (src/cli/invocation.ts). Tests of either set them.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'TUSOI_LANG' && k !== 'npm_command') env[k] = v;
  return { ...env, NO_COLOR: '1', ...extra };
}
