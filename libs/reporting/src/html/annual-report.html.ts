import { createHash } from 'node:crypto';
import { formatNok } from '@app/shared-kernel';
import type { AnnualReport, EconomyFigures, MeetingCounts } from '../domain';
import { escapeHtml as e } from './escape-html';
import { involvementsChartSvg } from './involvements-chart.svg';

const PRINT_CSS = `
  @page { size: A4; margin: 16mm; }
  body { font-family: "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; line-height: 1.4; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #999; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; } th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  .bar { fill: #2f5f8f; } svg text { font-size: 12px; fill: #222; }
  .note { color: #555; font-size: 0.9rem; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
`;

/**
 * The page's Content-Security-Policy: nothing may load or run (no script at
 * all), except its own <style> element, allowed by hash rather than
 * 'unsafe-inline', so injected markup could not style the page either. The
 * SVG chart is inline markup, not a resource.
 */
export const ANNUAL_REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(PRINT_CSS, 'utf8').digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const kr = (ore: number) => `${formatNok(ore)} kr`;
const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
/** Cells are text, escaped here. */
const row = (cells: Array<string | number>, numeric: boolean[] = []) =>
  `<tr>${cells.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${e(c)}</td>`).join('')}</tr>`;

function countTable(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts).map(([k, n]) => row([k, n], [false, true]));
  return `<table><thead><tr><th>${e(title)}</th><th class="n">count</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function economyTable(accrued: EconomyFigures, paid: EconomyFigures): string {
  const parts: Array<[string, keyof EconomyFigures]> = [
    ['Honorarium (honorar)', 'honorariumOre'],
    ['Expenses (reise, kost, overnatting)', 'expensesOre'],
    ['Lost income (tapt arbeidsinntekt)', 'lostIncomeOre'],
    ['Total', 'totalOre'],
  ];
  const rows = parts.map(([label, key]) =>
    row([label, kr(accrued[key]), kr(paid[key])], [false, true, true]),
  );
  return `<table><thead><tr><th></th><th class="n">accrued</th><th class="n">paid</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Involvements left out of `accrued` because they could not be priced, each with its reason. */
function unpricedNote(unpriced: AnnualReport['economy']['unpriced']): string {
  if (unpriced.length === 0) return '';
  const items = unpriced.map((u) => `<li>${e(u.reason)}</li>`).join('');
  return `<p class="note">${e(`${unpriced.length} involvement(s) could not be priced and are not in accrued:`)}</p><ul class="note">${items}</ul>`;
}

/** The annual report as a printable page: UTF-8, every value escaped, print CSS, one inline SVG chart. */
/** Meetings (møter) by level and form, cancelled ones left out; person-meetings are the involvements in them. */
function meetingsSection(meetings: MeetingCounts | undefined): string {
  if (!meetings) return '';
  return `<h2>Meetings (møter)</h2>
<table><tbody>
${row(['Meetings held', meetings.total], [false, true])}
${row(['Person-meetings (participants present in them)', meetings.personMeetings], [false, true])}
${row(['Cancelled meetings (not counted)', meetings.cancelled], [false, true])}
</tbody></table>
${countTable('meetings by level', meetings.byLevel)}
${countTable('meetings by form', meetings.byForm)}`;
}

export function renderAnnualReportHtml(report: AnnualReport & { meetings?: MeetingCounts }): string {
  const scope = report.organizationId ? `organisation ${report.organizationId}` : 'all organisations';
  const risk = report.symbolicRisk.items.map(
    (p) =>
      `<li><strong>${e(p.name)}</strong> (${e(p.level)}): ${e(p.reasons.join(', '))}<br><span class="note">${e(p.explanations.join('; '))}</span></li>`,
  );
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`Brukermedvirkning ${report.year} – ${scope}`)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<h1>${e(`User participation (brukermedvirkning) ${report.year}`)}</h1>
<p class="note">${e(scope)} · generated ${e(report.generatedAt)} · peer support, absences and voided involvements are not counted as participation</p>

<h2>Summary</h2>
<table><tbody>
${row(['Projects with participation', report.projects.total], [false, true])}
${row(['Involvements', report.involvements.total], [false, true])}
${row(['People (distinct participants)', report.people], [false, true])}
${row(['Hours (meeting + preparation + travel)', report.hours.total], [false, true])}
${row(['Involvements with feedback', `${report.feedback.involvements} (${pct(report.feedback.share)})`], [false, true])}
${row(['Involvements with documented influence', `${report.influence.involvements} (${pct(report.influence.share)})`], [false, true])}
${row(['Projects at symbolic risk', `${report.symbolicRisk.projects} of ${report.symbolicRisk.of}`], [false, true])}
</tbody></table>

<h2>Involvements per month</h2>
${involvementsChartSvg(report.involvements.byMonth, report.year)}

<h2>By level and form</h2>
${countTable('projects by level', report.projects.byLevel)}
${countTable('involvements by level', report.involvements.byLevel)}
${countTable('involvements by form', report.involvements.byForm)}

${meetingsSection(report.meetings)}

<h2>Economy</h2>
${economyTable(report.economy.accrued, report.economy.paid)}
${'note' in report.economy && report.economy.note ? `<p class="note">${e(report.economy.note)}</p>` : ''}
${unpricedNote(report.economy.unpriced)}

<h2>Projects at symbolic risk (skyggemedvirkning)</h2>
${risk.length > 0 ? `<ul>${risk.join('')}</ul>` : '<p>None.</p>'}
</body>
</html>
`;
}
