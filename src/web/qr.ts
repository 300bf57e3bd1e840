/**
 * QR codes of the served address (uqr: zero dependencies, byte mode, error
 * correction M): for the secretary's terminal, as half-block characters in
 * black on white (so the code reads the same on a dark or a light terminal
 * theme: Windows Terminal, conhost with VT, any Linux terminal), and for the
 * slips, as an inline SVG (no script, no style attribute: within the slip
 * sheet's strict CSP).
 */
import { encode } from 'uqr';

/** The module matrix, dark = true, without a quiet zone (callers add their own). */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}

const BLACK_ON_WHITE = '\x1b[30;107m';
const RESET = '\x1b[0m';

/** The terminal's lines of the QR code, with a 2-module white quiet zone; its width in columns. */
export function terminalQr(text: string, quiet = 2): { lines: string[]; width: number } {
  const m = qrModules(text);
  const n = m.length + 2 * quiet;
  const dark = (x: number, y: number) => m[y - quiet]?.[x - quiet] === true;
  const lines: string[] = [];
  for (let y = 0; y < n; y += 2) {
    let row = '';
    for (let x = 0; x < n; x++) {
      const top = dark(x, y);
      const bottom = y + 1 < n && dark(x, y + 1);
      row += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(`${BLACK_ON_WHITE}${row}${RESET}`);
  }
  return { lines, width: n };
}

/** An inline SVG of the QR code (4-module quiet zone), `size` a CSS length; labelled for screen readers. */
export function svgQr(text: string, size: string, label: string): string {
  const m = qrModules(text);
  const quiet = 4;
  const n = m.length + 2 * quiet;
  let d = '';
  m.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x + quiet} ${y + quiet}h${run}v1h-${run}z`;
      x += run;
    }
  });
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${esc(size)}" height="${esc(size)}" role="img" aria-label="${esc(label)}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}
