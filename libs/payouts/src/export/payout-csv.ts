import { formatNok, neutraliseUnsafeCharacters } from '@app/shared-kernel';
import type { PayoutExport } from './payout-export.types';

/**
 * The CSV finance opens in a spreadsheet: UTF-8 with a byte-order mark,
 * semicolon-separated, CRLF line ends, a header row, one row per line and a
 * last row whose lineId is TOTAL. Amounts in kroner with a decimal comma
 * (`1234,50`; negative: `-12,00`). A field is quoted when it holds a
 * semicolon, a quote, a line break or edge spaces; quotes are doubled.
 * Text that a spreadsheet would run as a formula (= + - @ first) is prefixed with '.
 * Control and bidirectional formatting characters (only data stored before
 * names refused them can hold any) become U+FFFD in every cell, so no cell
 * breaks a row or displays in another order than it is stored.
 */
export const CSV_COLUMNS = [
  'lineId',
  'participantId',
  'payeeName',
  'nationalId',
  'bankAccount',
  'personalDataErased',
  'incomeType',
  'kind',
  'involvementId',
  'occurredOn',
  'taxableNok',
  'taxFreeNok',
  'amountNok',
  'adjustsLineId',
] as const;

export function kroner(ore: number): string {
  return formatNok(ore).replace('.', ',');
}

export function payoutCsv(file: PayoutExport): string {
  const rows: string[][] = [
    [...CSV_COLUMNS],
    ...file.lines.map((l) => [
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
    ]),
    [
      'TOTAL',
      ...Array<string>(9).fill(''),
      kroner(file.totals.taxableOre),
      kroner(file.totals.taxFreeOre),
      kroner(file.totals.totalOre),
      '',
    ],
  ];
  return (
    '\uFEFF' +
    rows.map((r) => r.map((v) => field(neutraliseUnsafeCharacters(v))).join(';')).join('\r\n') +
    '\r\n'
  );
}

function text(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
