/**
 * Pure pieces of the report renderers (issue 15, part 5): the change column of
 * `--compare`, the chart's scale and axis, and dates.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/report/format.js';
import { chartScale, stackedBars, type Bar } from '../../src/report/svg.js';
import { changeText } from '../../src/report/text.js';

describe('changeText', () => {
  it('gives the arrow of the shown change in share, with its unit, and the signed count beside it', () => {
    expect(changeText({ count: 2, points: 6.1 }, 'vi', 'điểm %')).toBe('▲ +6,1 điểm % (+2)');
    expect(changeText({ count: -2, points: -50 }, 'vi', 'điểm %')).toBe('▼ −50,0 điểm % (−2)');
    expect(changeText({ count: -2, points: -50 }, 'en', 'pp')).toBe('▼ −50.0 pp (−2)');
    // The two cases the issue saw: "▲ 0" (same count, more respondents) and "▼ 1 (0,0)".
    expect(changeText({ count: 0, points: -3.3 }, 'vi', 'điểm %')).toBe('▼ −3,3 điểm % (0)');
    expect(changeText({ count: -1, points: 0 }, 'vi', 'điểm %')).toBe('= 0,0 điểm % (−1)');
    expect(changeText({ count: 0, points: 0 }, 'vi', 'điểm %')).toBe('= 0,0 điểm % (0)');
  });

  it('never shows an arrow that disagrees with the number beside it', () => {
    for (let count = -3; count <= 3; count++) {
      for (let p = -200; p <= 200; p++) {
        const points = p / 100;
        const t = changeText({ count, points }, 'vi', 'điểm %');
        const m = /^([▲▼=]) ([+−]?)(\d+,\d) điểm % \(([+−]?)(\d+)\)$/.exec(t);
        expect(m, t).not.toBeNull();
        const [, arrow, sign, value, countSign, n] = m!;
        if (value === '0,0') expect([arrow, sign], t).toEqual(['=', '']);
        else expect(arrow, t).toBe(sign === '+' ? '▲' : '▼');
        expect(`${countSign}${n}`, t).toBe(count > 0 ? `+${count}` : count < 0 ? `−${-count}` : '0');
      }
    }
  });
});

describe('the chart', () => {
  const bar = (id: string, ...parts: Array<number | null>): Bar => ({ id, title: id, parts });

  it('is scaled to the data: the smallest axis end at or above the largest bar', () => {
    expect(chartScale([bar('TT1', 1.6, 0.8), bar('TT2', 4.1, 0)])).toEqual({ max: 5, step: 1 });
    expect(chartScale([bar('TT1', 6.6, 4.1)])).toEqual({ max: 15, step: 5 });
    expect(chartScale([bar('TT1', 25, 50)])).toEqual({ max: 80, step: 20 });
    expect(chartScale([bar('TT1', 60, 40)])).toEqual({ max: 100, step: 20 });
    expect(chartScale([bar('TT1', 0, 0)])).toEqual({ max: 5, step: 1 });
    // A hidden bar does not set the scale (its size is not shown).
    expect(chartScale([bar('TT1', null, null), bar('TT2', 2, 1)])).toEqual({ max: 5, step: 1 });
  });

  it('draws an axis with numbered ticks and each bar’s figure, its width in the axis’s units', () => {
    const svg = stackedBars([bar('TT1', 2, 1), bar('TT2', 0.8, 0), bar('TT3', null, null)], ['Thỉnh thoảng', 'Thường xuyên'], {
      title: 't',
      hiddenLabel: '<5',
      number: (n) => String(n).replace('.', ','),
    });
    for (const t of ['0%', '1%', '2%', '3%', '4%', '5%']) expect(svg).toContain(`>${t}</text>`);
    expect(svg).toContain('>3%</text>');
    expect(svg).toContain('>0,8%</text>');
    // 2 % of a 0–5 % axis 520 units wide is 208 units; 1 % is 104 more.
    expect(svg).toMatch(/<rect x="52\.0" y="\d+" width="208\.0"/);
    expect(svg).toMatch(/<rect x="260\.0" y="\d+" width="104\.0"/);
    expect(svg).toContain('>&lt;5<title>');
    expect(svg).toContain('data-scale-max="5"');
  });
});

describe('formatDay', () => {
  it('writes dd/mm/yyyy in Vietnamese, keeps ISO in English', () => {
    expect(formatDay('2026-12-02', 'vi')).toBe('02/12/2026');
    expect(formatDay('2026-12-02', 'en')).toBe('2026-12-02');
    expect(formatDay('not a day', 'vi')).toBe('not a day');
  });
});
