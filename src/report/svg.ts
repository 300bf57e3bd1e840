/**
 * A stacked horizontal bar per item (e.g. the 27 manifestations): the share of
 * respondents at each level, hand-written SVG with no script, which prints
 * crisply and needs no library. Hidden (suppressed) items show a grey bar.
 */
import { escapeHtml } from './escape.js';

export interface Bar {
  readonly id: string;
  readonly title: string;
  /** Percent per level, in level order; null where hidden. */
  readonly parts: ReadonlyArray<number | null>;
}

export const LEVEL_COLOURS = ['#d9e7d2', '#f2b134', '#c0392b'];

export function stackedBars(bars: ReadonlyArray<Bar>, legend: ReadonlyArray<string>, options: { title: string; hiddenLabel: string }): string {
  const rowH = 16;
  const labelW = 52;
  const barW = 560;
  const top = 28;
  const height = top + bars.length * rowH + 8;
  const colour = (i: number) => LEVEL_COLOURS[Math.min(i, LEVEL_COLOURS.length - 1)]!;
  const rows = bars
    .map((b, i) => {
      const y = top + i * rowH;
      const label = `<text x="0" y="${y + 11}" class="lbl">${escapeHtml(b.id)}</text>`;
      if (b.parts.some((p) => p === null)) {
        return `${label}<rect x="${labelW}" y="${y + 2}" width="${barW}" height="${rowH - 4}" fill="#ddd"><title>${escapeHtml(`${b.id}: ${options.hiddenLabel}`)}</title></rect>`;
      }
      let x = labelW;
      const segs = b.parts
        .map((p, k) => {
          const w = ((p ?? 0) / 100) * barW;
          const seg = w > 0 ? `<rect x="${x.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 4}" fill="${colour(k)}"><title>${escapeHtml(`${b.id} — ${legend[k] ?? ''}: ${p}%`)}</title></rect>` : '';
          x += w;
          return seg;
        })
        .join('');
      return `${label}${segs}`;
    })
    .join('\n');
  const legendItems = legend
    .map((l, k) => `<rect x="${labelW + k * 150}" y="4" width="12" height="12" fill="${colour(k)}"/><text x="${labelW + k * 150 + 16}" y="14" class="lbl">${escapeHtml(l)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + 4} ${height}" width="100%" role="img" aria-label="${escapeHtml(options.title)}">
<style>.lbl{font:10px sans-serif;fill:#222}</style>
${legendItems}
${rows}
</svg>`;
}
