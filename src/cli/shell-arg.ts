/**
 * A path or value as it must be typed in the user's shell for a hint to paste
 * as printed: unchanged when it is plain (letters, with diacritics, digits and
 * `_ . / : @ % + = , -`, and `\` on Windows), else quoted. A temporary folder
 * on Windows is often under "C:\Users\Nguyễn Văn An\…"; on Linux, quoting
 * also keeps `$` and backticks from being expanded.
 */
export function shellArg(value: string, platform: NodeJS.Platform = process.platform): string {
  const windows = platform === 'win32';
  if ((windows ? /^[\p{L}\p{N}_./:@%+=,\\-]+$/u : /^[\p{L}\p{N}_./:@%+=,-]+$/u).test(value)) return value;
  // cmd and PowerShell both take "…" around a path (a path cannot hold `"`).
  if (windows) return `"${value}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
