import { escapeHtml } from './escape-html';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'];
const WIDTH = 720;
const HEIGHT = 240;
const TOP = 24;
const BOTTOM = 28;
const LEFT = 16;

/** Involvements per month as an inline SVG bar chart: no scripts, no external assets, prints as vector. */
export function involvementsChartSvg(
  byMonth: ReadonlyArray<{ month: number; involvements: number }>,
  year: number,
) {
  const max = Math.max(1, ...byMonth.map((m) => m.involvements));
  const slot = (WIDTH - 2 * LEFT) / 12;
  const plot = HEIGHT - TOP - BOTTOM;
  const bars = byMonth.map((m, i) => {
    const height = Math.round((m.involvements / max) * plot);
    const x = Math.round(LEFT + i * slot + slot * 0.15);
    const y = TOP + plot - height;
    const centre = Math.round(LEFT + i * slot + slot / 2);
    return [
      `<rect class="bar" x="${x}" y="${y}" width="${Math.round(slot * 0.7)}" height="${height}"><title>${escapeHtml(`${MONTHS[i]} ${year}: ${m.involvements}`)}</title></rect>`,
      `<text x="${centre}" y="${y - 6}" text-anchor="middle">${m.involvements}</text>`,
      `<text x="${centre}" y="${HEIGHT - 8}" text-anchor="middle">${MONTHS[i]}</text>`,
    ].join('');
  });
  const label = escapeHtml(`Involvements per month in ${year}`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="involvements-per-month" role="img" aria-label="${label}" ` +
    `viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" height="${HEIGHT}">` +
    `<title>${label}</title>` +
    `<line x1="${LEFT}" y1="${TOP + plot}" x2="${WIDTH - LEFT}" y2="${TOP + plot}" stroke="#444"/>` +
    bars.join('') +
    `</svg>`
  );
}
