/**
 * A stacked horizontal bar per item (e.g. the 27 manifestations): the share of
 * respondents at each level other than none, hand-written SVG with no script,
 * which prints crisply and needs no library. The scale is fitted to the data
 * (real rates are often 1–10 %, invisible on a 0–100 % bar), with an axis,
 * gridlines and each bar's figure at its end. Hidden (suppressed) items show
 * the hidden mark instead of a bar.
 */
import { escapeHtml } from './escape.js';

export interface Bar {
  readonly id: string;
  readonly title: string;
  /** Percent per level other than none, in level order; null where hidden. */
  readonly parts: ReadonlyArray<number | null>;
}

/** Colours of the levels by position: none (unused in the chart), occasionally, frequently. */
export const LEVEL_COLOURS = ['#d9e7d2', '#f2b134', '#c0392b'];

/** Axis ends and their tick steps, smallest first. */
const SCALES: ReadonlyArray<readonly [number, number]> = [
  [5, 1],
  [10, 2],
  [15, 5],
  [20, 5],
  [25, 5],
  [30, 10],
  [40, 10],
  [50, 10],
  [60, 20],
  [80, 20],
  [100, 20],
];

/** The axis for the bars: the smallest end at or above the largest bar, and its tick step. */
export function chartScale(bars: ReadonlyArray<Bar>): { readonly max: number; readonly step: number } {
  const largest = Math.max(0, ...bars.map((b) => (b.parts.some((p) => p === null) ? 0 : b.parts.reduce<number>((a, p) => a + (p ?? 0), 0))));
  const [max, step] = SCALES.find(([end]) => end >= largest - 1e-9) ?? SCALES[SCALES.length - 1]!;
  return { max, step };
}

export function stackedBars(
  bars: ReadonlyArray<Bar>,
  legend: ReadonlyArray<string>,
  options: { title: string; hiddenLabel: string; number: (n: number) => string },
): string {
  const rowH = 16;
  const labelW = 52;
  const barW = 520;
  const valueW = 48;
  const top = 40;
  const { max, step } = chartScale(bars);
  const height = top + bars.length * rowH + 20;
  const colour = (k: number) => LEVEL_COLOURS[Math.min(k + 1, LEVEL_COLOURS.length - 1)]!;
  const xOf = (pct: number) => labelW + (Math.min(pct, max) / max) * barW;
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) ticks.push(t);
  const bottom = top + bars.length * rowH;
  const axis = ticks
    .map((t) => {
      const x = xOf(t).toFixed(1);
      const label = `${options.number(t)}%`;
      return `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${bottom}" class="grid"/><text x="${x}" y="${top - 7}" class="tick">${escapeHtml(label)}</text><text x="${x}" y="${bottom + 12}" class="tick">${escapeHtml(label)}</text>`;
    })
    .join('');
  const rows = bars
    .map((b, i) => {
      const y = top + i * rowH;
      const label = `<text x="0" y="${y + 11}" class="lbl">${escapeHtml(b.id)}</text>`;
      if (b.parts.some((p) => p === null)) {
        return `${label}<text x="${labelW + 4}" y="${y + 11}" class="hid">${escapeHtml(options.hiddenLabel)}<title>${escapeHtml(`${b.id}: ${options.hiddenLabel}`)}</title></text>`;
      }
      let x = labelW;
      const segs = b.parts
        .map((p, k) => {
          const w = ((p ?? 0) / max) * barW;
          const seg = w > 0 ? `<rect x="${x.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 4}" fill="${colour(k)}"><title>${escapeHtml(`${b.id} — ${legend[k] ?? ''}: ${options.number(p ?? 0)}%`)}</title></rect>` : '';
          x += w;
          return seg;
        })
        .join('');
      const total = b.parts.reduce<number>((a, p) => a + (p ?? 0), 0);
      const value = `<text x="${(x + 4).toFixed(1)}" y="${y + 11}" class="val">${escapeHtml(`${options.number(total)}%`)}</text>`;
      return `${label}${segs}${value}`;
    })
    .join('\n');
  const legendItems = legend
    .map((l, k) => `<rect x="${labelW + k * 180}" y="4" width="12" height="12" fill="${colour(k)}"/><text x="${labelW + k * 180 + 16}" y="14" class="lbl">${escapeHtml(l)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + valueW} ${height}" width="100%" role="img" aria-label="${escapeHtml(options.title)}" data-scale-max="${max}">
<style>.lbl{font:10px sans-serif;fill:#222}.val{font:9px sans-serif;fill:#222}.hid{font:9px sans-serif;fill:#666}.tick{font:8px sans-serif;fill:#555;text-anchor:middle}.grid{stroke:#ccc;stroke-width:0.5}</style>
${legendItems}
${axis}
${rows}
</svg>`;
}
