import { formatNok, neutraliseUnsafeCharacters } from '@app/shared-kernel';
import type { PayoutExport, PayoutExportLine, PayoutExportTotals } from './payout-export.types';

/**
 * The CSV finance opens in a spreadsheet: UTF-8 with a byte-order mark,
 * semicolon-separated, CRLF line ends, a header row in Norwegian, one row per
 * line and a last row whose first cell is SUM. Amounts in kroner with a decimal comma
 * (`1234,50`; negative: `-12,00`). A field is quoted when it holds a
 * semicolon, a quote, a line break or edge spaces; quotes are doubled.
 * Text that a spreadsheet would run as a formula (= + - @ first) is prefixed with '.
 * Control and bidirectional formatting characters (only data stored before
 * names refused them can hold any) become U+FFFD in every cell, so no cell
 * breaks a row or displays in another order than it is stored.
 *
 * The file is written row by row (`csvStart`, `csvLine`, `csvTotals`) so an
 * export streams; `payoutCsv` joins the same pieces for a whole file in memory.
 */

/** Each column's Norwegian header and the JSON export field it holds (docs/api.md lists them). */
export const CSV_COLUMNS = [
  { header: 'Linje-ID', field: 'lineId' },
  { header: 'Deltaker-ID', field: 'participantId' },
  { header: 'Mottaker', field: 'payeeName' },
  { header: 'Fødselsnummer', field: 'nationalId' },
  { header: 'Kontonummer', field: 'bankAccount' },
  { header: 'Personopplysninger slettet', field: 'personalDataErased' },
  { header: 'Inntektstype', field: 'incomeType' },
  { header: 'Type', field: 'kind' },
  { header: 'Medvirknings-ID', field: 'involvementId' },
  { header: 'Dato', field: 'occurredOn' },
  { header: 'Skattepliktig (kr)', field: 'taxableOre' },
  { header: 'Skattefritt (kr)', field: 'taxFreeOre' },
  { header: 'Beløp (kr)', field: 'amountOre' },
  { header: 'Korrigerer linje-ID', field: 'adjustsLineId' },
] as const;

/** The first cell of the last row, which holds the utbetalingsgrunnlag's totals. */
export const CSV_TOTALS_LABEL = 'SUM';

export function kroner(ore: number): string {
  return formatNok(ore).replace('.', ',');
}

/** The byte-order mark and the header row. */
export function csvStart(): string {
  return '\uFEFF' + row(CSV_COLUMNS.map((c) => c.header));
}

export function csvLine(l: PayoutExportLine): string {
  return row([
    l.lineId,
    l.participantId,
    text(l.payeeName ?? ''),
    l.nationalId ?? '',
    l.bankAccount ?? '',
    l.personalDataErased ? 'true' : 'false',
    l.incomeType,
    l.kind,
    l.involvementId,
    l.occurredOn,
    kroner(l.taxableOre),
    kroner(l.taxFreeOre),
    kroner(l.amountOre),
    l.adjustsLineId ?? '',
  ]);
}

export function csvTotals(totals: PayoutExportTotals): string {
  return row([
    CSV_TOTALS_LABEL,
    ...Array<string>(9).fill(''),
    kroner(totals.taxableOre),
    kroner(totals.taxFreeOre),
    kroner(totals.totalOre),
    '',
  ]);
}

export function payoutCsv(file: PayoutExport): string {
  return csvStart() + file.lines.map(csvLine).join('') + csvTotals(file.totals);
}

function row(cells: readonly string[]): string {
  return cells.map((v) => field(neutraliseUnsafeCharacters(v))).join(';') + '\r\n';
}

function text(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
