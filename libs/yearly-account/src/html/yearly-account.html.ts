import { createHash } from 'node:crypto';
import type { YearlyAccount } from '../domain/account/yearly-account';
import { esc, tidspunkt } from './norwegian';
import {
  breadthSection,
  economySection,
  measuresSection,
  meetingsSection,
  riskSection,
  sharesSection,
  trainingSection,
} from './yearly-account-sections.html';

const PRINT_CSS = `
  @page { size: A4; margin: 16mm; }
  body { font-family: "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; line-height: 1.4; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #999; } h3 { font-size: 1rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; } th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .bar { fill: #2f5f8f; } svg text { font-size: 12px; fill: #222; } svg .axis-title { font-size: 13px; font-weight: bold; }
  .note { color: #444; font-size: 0.9rem; }
  section.kapittel { break-before: page; page-break-before: always; }
  @media screen { section.kapittel { margin-top: 2.5rem; } }
  @media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } table, svg { break-inside: avoid; } }
`;

/** Nothing may load or run; only this page's own <style>, allowed by its hash (as for the annual report). */
export const YEARLY_ACCOUNT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(PRINT_CSS, 'utf8').digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The yearly account as a printable page in bokmål: nb-NO numbers and dates, A4, a page break before each section. */
export function renderYearlyAccountHtml(a: YearlyAccount): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Årlig rapport om brukermedvirkning ${a.year} – ${a.organizationId}`)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(`Årlig rapport om brukermedvirkning ${a.year}`)}</h1>
<p>${esc(`Organisasjon: ${a.organizationId}`)} · ${esc(`laget ${tidspunkt(a.generatedAt)}`)}</p>
<p class="note">Etter handlingsplanen for brukermedvirkning i Helse Midt-Norge, punkt 2.2.1.1: status for tiltak, planlagte tiltak, møter, mangfold, opplæring og økonomi.</p>
</header>
${measuresSection(a)}
${meetingsSection(a)}
${breadthSection(a)}
${trainingSection(a)}
${sharesSection(a)}
${riskSection(a)}
${economySection(a)}
</body>
</html>
`;
}
