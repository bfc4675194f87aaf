import type { Ore } from '@app/shared-kernel';
import type { PayoutLine } from './payout-line';

export interface PaymentResult {
  lineId: string;
  status: 'paid' | 'failed';
  reference: string | null;
  reason: string | null;
}

export type PayoutBatchDrafted = {
  type: 'PayoutBatchDrafted';
  data: {
    batchId: string;
    periodEnd: string;
    organizationId: string | null;
    createdBy: string;
    lines: PayoutLine[];
    totalOre: Ore;
  };
};
export type PayoutBatchApproved = {
  type: 'PayoutBatchApproved';
  data: { batchId: string; approvedBy: string; lines: PayoutLine[]; totalOre: Ore };
};
export type PayoutBatchCancelled = {
  type: 'PayoutBatchCancelled';
  data: { batchId: string; cancelledBy: string; reason: string };
};
export type PaymentResultsRecorded = {
  type: 'PaymentResultsRecorded';
  data: { batchId: string; results: PaymentResult[] };
};
export type PayoutBatchSettled = { type: 'PayoutBatchSettled'; data: { batchId: string } };

export type PayoutBatchEvent =
  | PayoutBatchDrafted
  | PayoutBatchApproved
  | PayoutBatchCancelled
  | PaymentResultsRecorded
  | PayoutBatchSettled;

export const PAYOUT_BATCH_EVENT_TYPES: readonly PayoutBatchEvent['type'][] = [
  'PayoutBatchDrafted',
  'PayoutBatchApproved',
  'PayoutBatchCancelled',
  'PaymentResultsRecorded',
  'PayoutBatchSettled',
];

/** Stream id of one batch (docs/adr/0004: `<category>-<id>`). */
export const payoutBatchStream = (batchId: string) => `payout-batch-${batchId}`;
