import { payoutCsv } from './payout-csv';
import type { PayoutExport, PayoutExportLine } from './payout-export.types';

const line = (payeeName: string | null): PayoutExportLine => ({
  lineId: 'l1',
  participantId: 'p1',
  payeeName,
  nationalId: '15076500565',
  bankAccount: '12345678903',
  personalDataErased: false,
  incomeType: 'honorar',
  kind: 'meeting',
  involvementId: 'i1',
  occurredOn: '2025-03-10',
  taxable: true,
  taxableOre: 100_00,
  taxFreeOre: 0,
  amountOre: 100_00,
  adjustsLineId: null,
  status: 'approved',
});

const file = (payeeName: string | null): PayoutExport => ({
  batchId: 'b1',
  status: 'approved',
  periodEnd: '2025-05-31',
  organizationId: null,
  createdBy: 'f1',
  approvedBy: 'f2',
  currency: 'NOK',
  amountUnit: 'ore',
  lines: [line(payeeName)],
  totals: { lineCount: 1, taxableOre: 100_00, taxFreeOre: 0, totalOre: 100_00 },
});

/** The payee cell of the only line, as the CSV holds it (no quote handling needed for these names). */
const payeeCell = (csv: string) => csv.split('\r\n')[1].split(';')[2];

describe('payout CSV: names stored before control characters were refused (issue 12, item 13)', () => {
  it.each([
    ['Ola\r\nNordmann', 'Ola\uFFFD\uFFFDNordmann'],
    ['Ola\tNordmann', 'Ola\uFFFDNordmann'],
    ['Ola\u0000Nordmann\u0085', 'Ola\uFFFDNordmann\uFFFD'],
    ['\u202Enamdron alO', '\uFFFDnamdron alO'],
    ['Ola\u2066x\u2069\u200F', 'Ola\uFFFDx\uFFFD\uFFFD'],
  ])('%j becomes one visible cell %j: no extra row, no reordering', (name, cell) => {
    const csv = payoutCsv(file(name));
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(payeeCell(csv)).toBe(cell);
  });

  it('still keeps a spreadsheet from running a name as a formula', () => {
    expect(payeeCell(payoutCsv(file('=HYPERLINK("x")')))).toBe(`"'=HYPERLINK(""x"")"`);
    expect(payeeCell(payoutCsv(file('@SUM(A1)')))).toBe(`'@SUM(A1)`);
    expect(payeeCell(payoutCsv(file('\t=1+1')))).toBe(`\uFFFD=1+1`);
  });

  it('leaves Sami and Norwegian letters alone', () => {
    expect(payeeCell(payoutCsv(file('Máret Ŋuolja-Čoavddáš Østbø')))).toBe('Máret Ŋuolja-Čoavddáš Østbø');
  });
});

describe('payout CSV for finance: Norwegian headers (issue 16, item 5)', () => {
  it('starts with the byte-order mark and the Norwegian header row, and ends with the SUM row', () => {
    const csv = payoutCsv(file('Ola Nordmann'));
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFLinje-ID;Deltaker-ID;Mottaker;Fødselsnummer;Kontonummer;Personopplysninger slettet;' +
        'Inntektstype;Type;Medvirknings-ID;Dato;Skattepliktig (kr);Skattefritt (kr);Beløp (kr);Korrigerer linje-ID',
    );
    expect(csv.split('\r\n')[2]).toBe('SUM;;;;;;;;;;100,00;0,00;100,00;');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
