/**
 * Test-only readers of the QR codes tusoi draws, back to their module matrix
 * (dark = true, quiet zone removed), to compare with uqr's encoding of the
 * text they should hold: the SVG of the slips (its path of 1-module-high
 * runs) and the half-block lines of the terminal.
 */

/** The matrix of one `<svg class="qr">…</svg>`, its quiet zone (4) removed. */
export function svgMatrix(svg: string, quiet = 4): boolean[][] {
  const n = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]) - 2 * quiet;
  const m = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)![1]!;
  for (const [, x, y, run, back] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    if (run !== back) throw new Error('not a closed run');
    for (let i = 0; i < Number(run); i++) m[Number(y) - quiet]![Number(x) - quiet + i] = true;
  }
  if (d.replace(/M\d+ \d+h\d+v1h-\d+z/g, '') !== '') throw new Error('unexpected path data');
  return m;
}

/** The matrix of terminal lines (escape codes removed) drawn with ▀ ▄ █ and spaces, quiet zone `quiet` modules. */
export function blockMatrix(lines: ReadonlyArray<string>, quiet = 2): boolean[][] {
  const rows: boolean[][] = [];
  for (const line of lines) {
    const chars = [...line];
    rows.push(chars.map((c) => c === '▀' || c === '█'));
    rows.push(chars.map((c) => c === '▄' || c === '█'));
  }
  const size = [...lines[0]!].length - 2 * quiet;
  return rows.slice(quiet, quiet + size).map((r) => r.slice(quiet, quiet + size));
}
