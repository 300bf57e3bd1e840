/**
 * `tusoi --help` without building the program (issue 19: `--help` ≤ 1.2×
 * `node -e 0`). The top-level help depends only on the language, how tusoi
 * was started (`tusoi` or `npx tusoi`) and the width, which tusoi caps at
 * HELP_WIDTH; so the build prints it once for each language and invocation
 * (scripts/bundle.mjs → dist/bundle/help.json) and `bin/tusoi.js` writes the
 * stored text when the command line asks for that help and nothing else.
 * Anything else (another option, an invalid `--lang`, a narrower terminal)
 * takes the ordinary path, which prints the same text (a test holds them equal).
 *
 * Bundled on its own as CommonJS (dist/bundle/quick-help.cjs): the bin
 * requires it before anything else is loaded, so it imports nothing heavy.
 */
import { invocationFrom, type Invocation } from './invocation.js';

/** The help is wrapped at this width at most (commander's default width, and a comfortable line). */
export const HELP_WIDTH = 80;

export type HelpKey = `${'vi' | 'en'} ${Invocation}`;

export const HELP_KEYS: ReadonlyArray<{ readonly key: HelpKey; readonly lang: 'vi' | 'en'; readonly env: Readonly<Record<string, string>> }> = [
  { key: 'vi tusoi', lang: 'vi', env: {} },
  { key: 'vi npx tusoi', lang: 'vi', env: { npm_command: 'exec' } },
  { key: 'en tusoi', lang: 'en', env: {} },
  { key: 'en npx tusoi', lang: 'en', env: { npm_command: 'exec' } },
];

const isLang = (s: string | undefined): s is 'vi' | 'en' => s === 'vi' || s === 'en';

/**
 * The stored help to print for `argv`, or undefined to take the ordinary
 * path: exactly one of `--help`, `-h`, `help`, with at most a valid `--lang`,
 * on a stream at least HELP_WIDTH wide (or not a terminal).
 */
export function quickHelpKey(argv: ReadonlyArray<string>, env: Readonly<Record<string, string | undefined>>, out: { readonly isTTY?: boolean; readonly columns?: number }): HelpKey | undefined {
  let lang: string | undefined;
  let help = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h' || a === 'help') help++;
    else if (a === '--lang' && i + 1 < argv.length) lang = argv[++i];
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else return undefined;
  }
  if (help !== 1 || (lang !== undefined && !isLang(lang))) return undefined;
  if (out.isTTY && !((out.columns ?? 0) >= HELP_WIDTH)) return undefined;
  const chosen = lang ?? (isLang(env.TUSOI_LANG) ? env.TUSOI_LANG : 'vi');
  return `${chosen} ${invocationFrom(env)}`;
}
