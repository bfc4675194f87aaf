import type { Ore } from '@app/shared-kernel';
import type { PaymentResult } from './payout-batch.events';
import type { LineStatus, PayoutLine } from './payout-line';

export type BatchStatus = 'draft' | 'approved' | 'settled' | 'cancelled';

export type PayoutBatchState =
  | { status: 'none' }
  | {
      status: BatchStatus;
      batchId: string;
      periodEnd: string;
      organizationId: string | null;
      createdBy: string;
      approvedBy: string | null;
      cancelledBy: string | null;
      cancelReason: string | null;
      lines: readonly PayoutLine[];
      totalOre: Ore;
      /** The final result of each line that has one, by line id. */
      results: Readonly<Record<string, PaymentResult>>;
    };

export type ExistingBatch = Exclude<PayoutBatchState, { status: 'none' }>;

export const initialPayoutBatchState = (): PayoutBatchState => ({ status: 'none' });

/** A line's status as the batch sees it. */
export function lineStatus(batch: ExistingBatch, lineId: string): LineStatus {
  const result = batch.results[lineId];
  if (result) return result.status;
  if (batch.status === 'cancelled') return 'cancelled';
  return batch.status === 'draft' ? 'draft' : 'approved';
}
