/**
 * How the user started tusoi, so that every command a message suggests can be
 * pasted back into the same shell. After the Quick start (`npm ci && npx tusoi
 * demo`) tusoi is not on PATH: a hint saying `tusoi report` would fail, while
 * `npx tusoi report` works. npm says how it ran us in its environment
 * (`npm_command` is `exec` for npx and npm exec, `run-script` for npm run);
 * PATH cannot tell, because npx puts the package's bin folder on it.
 */
import type { Messages } from '../i18n/messages.js';

export type Invocation = 'tusoi' | 'npx tusoi';

export function invocationFrom(env: Readonly<Record<string, string | undefined>>): Invocation {
  return env.npm_command === 'exec' || env.npm_command === 'run-script' ? 'npx tusoi' : 'tusoi';
}

/**
 * The words "tusoi" that start a command in a text: followed by a global
 * option or one of the command names. Prose ("tusoi không ghi đè", "tusoi —
 * công cụ…") is left alone, as is a word inside a path or a file name.
 */
export function commandPattern(commandNames: ReadonlyArray<string>): RegExp {
  return new RegExp(`(?<![\\w./\\\\-])tusoi(?= +(?:--[a-z]|-[hV]\\b|(?:${commandNames.join('|')})\\b))`, 'g');
}

/**
 * The catalogue with every suggested command starting with `invocation`:
 * strings, and whatever the catalogue's functions return, rewritten. Done
 * here once rather than at each message, so a new message cannot forget it.
 */
export function withInvocation(m: Messages, invocation: Invocation, commandNames: ReadonlyArray<string>): Messages {
  if (invocation === 'tusoi') return m;
  const pattern = commandPattern(commandNames);
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, invocation);
    if (typeof value === 'function') return (...args: unknown[]) => rewrite((value as (...a: unknown[]) => unknown)(...args));
    if (Array.isArray(value)) return value.map(rewrite);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  return rewrite(m) as Messages;
}
