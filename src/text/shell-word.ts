/** Safe inside double quotes for sh and cmd alike (a backslash at the end would escape the closing quote). */
const quotable = (value: string): boolean => /^[^"$`!]*$/.test(value) && !value.endsWith('\\');

/**
 * A value as a hint in a message types it, so that the hint pastes into a
 * shell as printed. The message catalogues cannot know the platform (they
 * are pure), so the quoting is one that sh, bash, cmd and PowerShell all
 * read alike: a plain word as it is (letters with diacritics, digits and
 * `_ . / : @ % + = , -`), else in double quotes, as the help's examples
 * write names ("Nguyễn Văn An"); only a value holding `"`, `$`, a backtick
 * or `!` falls back to POSIX single quotes. (`cli/shell-arg.ts` quotes for
 * the platform at hand, where the CLI knows it.)
 */
export function shellWord(value: string): string {
  if (/^[\p{L}\p{N}_./:@%+=,-]+$/u.test(value)) return value;
  if (quotable(value)) return `"${value}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A name in a hint: always in double quotes where that is safe, as the help writes names. */
export function shellName(value: string): string {
  return quotable(value) ? `"${value}"` : shellWord(value);
}
