import type { PayoutLine } from './payout-line';

export type DraftPayoutBatch = {
  type: 'DraftPayoutBatch';
  data: {
    batchId: string;
    periodEnd: string;
    organizationId: string | null;
    createdBy: string;
    lines: PayoutLine[];
  };
};
export type ApprovePayoutBatch = { type: 'ApprovePayoutBatch'; data: { approvedBy: string } };
export type CancelPayoutBatch = { type: 'CancelPayoutBatch'; data: { cancelledBy: string; reason: string } };
/** Unchecked input: the decider validates each result and names the field. */
export type RecordPaymentResults = { type: 'RecordPaymentResults'; data: { results: unknown } };

export type PayoutBatchCommand =
  DraftPayoutBatch | ApprovePayoutBatch | CancelPayoutBatch | RecordPaymentResults;
