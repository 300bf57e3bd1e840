/** 0 → "A", 25 → "Z", 26 → "AA": a 0-based column as a spreadsheet names it. */
export function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
