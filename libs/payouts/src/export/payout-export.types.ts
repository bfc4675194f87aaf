import type { Ore } from '@app/shared-kernel';

export interface PayoutExportLine {
  lineId: string;
  participantId: string;
  /** null when the person is forgotten (personalDataErased). */
  payeeName: string | null;
  nationalId: string | null;
  bankAccount: string | null;
  personalDataErased: boolean;
  incomeType: string;
  kind: string;
  involvementId: string;
  occurredOn: string;
  taxable: boolean;
  taxableOre: Ore;
  taxFreeOre: Ore;
  amountOre: Ore;
  adjustsLineId: string | null;
  status: string;
}

/** The JSON export (and the CSV's content): what finance imports to pay and report a batch. */
export interface PayoutExport {
  batchId: string;
  status: string;
  periodEnd: string;
  organizationId: string | null;
  createdBy: string;
  approvedBy: string | null;
  currency: 'NOK';
  amountUnit: 'ore';
  lines: PayoutExportLine[];
  totals: PayoutExportTotals;
}

export interface PayoutExportTotals {
  lineCount: number;
  taxableOre: Ore;
  taxFreeOre: Ore;
  totalOre: Ore;
}
