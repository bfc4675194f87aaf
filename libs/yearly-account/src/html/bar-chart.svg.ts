import { esc, MONTHS } from './norwegian';

const WIDTH = 760;
const HEIGHT = 280;
const TOP = 28;
const BOTTOM = 52;
const LEFT = 96;
const RIGHT = 12;

/** Round axis steps: 1, 2 or 5 times a power of ten, four steps or so to the top. */
function niceStep(max: number): number {
  const rough = Math.max(max, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) as number;
}

export interface MonthChart {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  values: readonly number[];
  /** How a value and an axis tick read (nb-NO). */
  format: (value: number) => string;
}

/**
 * Twelve months as an inline SVG bar chart with labelled axes (a title on
 * each), ticks on the value axis and each bar's value: no script, no external
 * asset, prints as vector.
 */
export function monthBarChartSvg(chart: MonthChart): string {
  const step = niceStep(Math.max(0, ...chart.values));
  const top = Math.max(step, Math.ceil(Math.max(0, ...chart.values) / step) * step);
  const plot = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT - RIGHT) / 12;
  const y = (v: number) => Math.round(TOP + plot - (v / top) * plot);
  const ticks = [];
  for (let v = 0; v <= top; v += step)
    ticks.push(
      `<line x1="${LEFT - 4}" y1="${y(v)}" x2="${WIDTH - RIGHT}" y2="${y(v)}" stroke="#ddd"/>` +
        `<text class="tick" x="${LEFT - 8}" y="${y(v) + 4}" text-anchor="end">${esc(chart.format(v))}</text>`,
    );
  const bars = chart.values.map((v, i) => {
    const x = Math.round(LEFT + i * slot + slot * 0.15);
    const centre = Math.round(LEFT + i * slot + slot / 2);
    return (
      `<rect class="bar" x="${x}" y="${y(v)}" width="${Math.round(slot * 0.7)}" height="${y(0) - y(v)}">` +
      `<title>${esc(`${MONTHS[i]}: ${chart.format(v)}`)}</title></rect>` +
      `<text class="month" x="${centre}" y="${TOP + plot + 16}" text-anchor="middle">${MONTHS[i]}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${esc(chart.id)}" role="img" aria-label="${esc(chart.title)}" ` +
    `viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" height="${HEIGHT}">` +
    `<title>${esc(chart.title)}</title>` +
    ticks.join('') +
    `<line x1="${LEFT}" y1="${y(0)}" x2="${WIDTH - RIGHT}" y2="${y(0)}" stroke="#444"/>` +
    `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${y(0)}" stroke="#444"/>` +
    bars.join('') +
    `<text class="axis-title x-axis" x="${Math.round(LEFT + (WIDTH - LEFT - RIGHT) / 2)}" y="${HEIGHT - 8}" text-anchor="middle">${esc(chart.xLabel)}</text>` +
    `<text class="axis-title y-axis" x="14" y="${Math.round(TOP + plot / 2)}" text-anchor="middle" transform="rotate(-90 14 ${Math.round(TOP + plot / 2)})">${esc(chart.yLabel)}</text>` +
    `</svg>`
  );
}
