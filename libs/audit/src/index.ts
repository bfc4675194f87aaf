export * from './notary';
export * from './access-log/access-log';
export * from './audit.module';
export type { AuditEvent, AuditPage } from './history/audit-event';
export { AuditHistoryQueries } from './history/audit-history.queries';
export { AuditIndexProjection } from './history/audit-index.projection';
export { participantsNamedIn } from './history/domain/participants-of-event';
export { parseHistoryFilter, parsePaging, type HistoryFilter } from './history/history-filter';
export { Notary, type EventInclusionProof } from './notary-service/notary.service';
export { NotaryLeavesProjection } from './notary-service/notary-leaves.projection';
export {
  NOTARY_ORIGIN,
  NOTARY_SETTINGS,
  notarySettings,
  type NotarySettings,
} from './notary-service/notary-settings';
export { NotYetNotarised } from './notary-service/notary-errors';
export { LogVerifier, type VerificationProgress, type VerifyOptions } from './verification/log-verifier';
export type { VerificationFailure, VerificationReport } from './verification/verification-report';
