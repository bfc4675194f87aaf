// The pure domain of payouts: the PayoutBatch decider, lines, the claim ledger. No Nest, no I/O.
export * from './payout-line';
export * from './payout-batch.events';
export * from './payout-batch.commands';
export * from './payout-batch.state';
export * from './payout-batch.evolve';
export * from './payout-batch.decide';
export * from './payout-batch.decider';
export * from './claim-ledger';
export * from './owed-lines';
export * from './within-batch-bound';
export * from './held-back-disputes';
