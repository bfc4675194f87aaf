import type { PayoutBatchEvent } from './payout-batch.events';
import type { PayoutBatchState } from './payout-batch.state';

export function evolvePayoutBatch(state: PayoutBatchState, event: PayoutBatchEvent): PayoutBatchState {
  if (event.type === 'PayoutBatchDrafted') {
    const d = event.data;
    return {
      status: 'draft',
      batchId: d.batchId,
      periodEnd: d.periodEnd,
      organizationId: d.organizationId,
      createdBy: d.createdBy,
      approvedBy: null,
      cancelledBy: null,
      cancelReason: null,
      lines: d.lines,
      totalOre: d.totalOre,
      results: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PayoutBatchApproved':
      return { ...state, status: 'approved', approvedBy: event.data.approvedBy };
    case 'PayoutBatchCancelled':
      return {
        ...state,
        status: 'cancelled',
        cancelledBy: event.data.cancelledBy,
        cancelReason: event.data.reason,
      };
    case 'PaymentResultsRecorded':
      return {
        ...state,
        results: {
          ...state.results,
          ...Object.fromEntries(event.data.results.map((r) => [r.lineId, r])),
        },
      };
    case 'PayoutBatchSettled':
      return { ...state, status: 'settled' };
  }
}
