/**
 * A part of a file name tusoi makes (the default `--out` of export and of the
 * HTML/PDF report) in plain ASCII: mail clients, zip tools on Windows and
 * some USB sticks mangle "CB03-2026 ẩn danh.csv" (issue 15, part 7), so
 * diacritics are folded (đ → d by hand: it has no decomposition), case is
 * kept (unit codes read as written), and any run of other characters
 * (spaces, punctuation, what Windows refuses) becomes one `-`.
 */
export function asciiFileName(s: string): string {
  const folded = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return folded.replace(/[^A-Za-z0-9._]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').replace(/\.{2,}/g, '.') || 'x';
}
