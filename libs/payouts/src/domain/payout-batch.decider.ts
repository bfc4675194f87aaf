import { decidePayoutBatch } from './payout-batch.decide';
import { evolvePayoutBatch } from './payout-batch.evolve';
import { initialPayoutBatchState } from './payout-batch.state';

/** The PayoutBatch aggregate as `{ decide, evolve, initialState }`. */
export const payoutBatchDecider = {
  decide: decidePayoutBatch,
  evolve: evolvePayoutBatch,
  initialState: initialPayoutBatchState,
};
