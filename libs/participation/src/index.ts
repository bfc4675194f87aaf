export * from './domain';
export * from './personal-data';
export * from './participation.module';
export * from './application/event-sourced-repository';
export * from './queries/participation.queries';
export * from './commands/register-project/register-project.handler';
export * from './commands/add-project-lead/add-project-lead.handler';
export * from './commands/register-participant/register-participant.handler';
export * from './commands/appoint/appoint.handler';
export * from './commands/log-involvement/log-involvement.handler';
export * from './commands/change-involvement/change-involvement.handler';
export * from './commands/participant-voice/participant-voice.handler';
export * from './commands/forget-participant/forget-participant.handler';
export * from './commands/end-appointment/end-appointment.handler';
export * from './commands/change-participant/change-participant.handler';
export * from './queries/involvement-list.queries';
export * from './queries/participant-honorarium.queries';
export * from './queries/involvement-preview.queries';
export * from './queries/project-list.queries';
export * from './application/payout-ledger.port';
export * from './queries/unpriced-honorarium';
export * from './queries/priced-involvement.queries';
export * from './queries/involvement-honorarium';
export * from './pricing/price-involvement';
export {
  PRICED_INVOLVEMENTS_PROJECTION,
  PRICE_TRIGGERS,
  PricedInvolvementsProjection,
} from './read-models/priced-involvements/priced-involvements.projection';
export { PricingInputLoader } from './read-models/priced-involvements/pricing-input.loader';
export {
  assertStaffOrOwnData,
  OWN_DATA_RULE,
  readsOwnData,
  type PersonalDataReader,
} from './application/personal-data-access';
export * from './read-models/disputed-involvements/dispute-hold';
export { DisputedInvolvements } from './read-models/disputed-involvements/disputed-involvements.reader';
export { DISPUTED_INVOLVEMENTS_PROJECTION } from './read-models/disputed-involvements/disputed-involvements.projection';
export * from './commands/meetings/register-meeting.handler';
export * from './commands/meetings/update-meeting.handler';
export * from './commands/meetings/record-milestone.handler';
export * from './queries/meeting.queries';
