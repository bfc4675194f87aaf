// Public surface of the payouts context.
export * from './domain';
export * from './payouts.module';
export * from './commands/draft-payout-batch.handler';
export * from './commands/change-payout-batch.handlers';
export * from './queries/payout-batch.queries';
export * from './queries/payout-line.queries';
export * from './export/payout-export';
export * from './export/payout-export.types';
export { payoutCsv, CSV_COLUMNS, CSV_TOTALS_LABEL } from './export/payout-csv';
export { exportText } from './export/payout-export-stream';
export { parseLinePaging, DEFAULT_LINE_LIMIT, MAX_LINE_LIMIT, type LinePaging } from './queries/line-paging';
export { PAYOUT_LINES_PROJECTION, PayoutLinesProjection } from './read-models/payout-lines.projection';
export { ClaimLedgerReader } from './application/claim-ledger.reader';
export {
  PaymentResultsConsumer,
  FINANCE_SYSTEM_ACTOR,
  PAYMENT_RESULTS_GROUP,
} from './messaging/payment-results.consumer';
