import { EventStore1732300000000 } from './1732300000000-event-store';
import { ProjectionCheckpoints1732300000001 } from './1732300000001-projection-checkpoints';
import { StreamCatalogue1732300000002 } from './1732300000002-stream-catalogue';
import { Idempotency1732300000003 } from './1732300000003-idempotency';
import { PersonalDataKeys1732300000004 } from './1732300000004-personal-data-keys';
import { ParticipationAppointments1732300000005 } from './1732300000005-participation-appointments';
import { ParticipationInvolvements1732300000006 } from './1732300000006-participation-involvements';
import { AccessLog1732300000007 } from './1732300000007-access-log';
import { PayoutLines1732300000008 } from './1732300000008-payout-lines';
import { PayoutBatches1732300000009 } from './1732300000009-payout-batches';
import { IntegrationMessaging1732300000010 } from './1732300000010-integration-messaging';
import { AuditIndex1732300000011 } from './1732300000011-audit-index';
import { Notary1732300000012 } from './1732300000012-notary';
import { ReportingParticipationFacts1732300000013 } from './1732300000013-reporting-participation-facts';
import { EsdbEventIds1732300000014 } from './1732300000014-esdb-event-ids';
import { EventStoreAppendFunction1732300000015 } from './1732300000015-event-store-append-function';
import { EventStoreAppendByIndex1732300000016 } from './1732300000016-event-store-append-by-index';
import { ParticipantNationalIds1732300000017 } from './1732300000017-participant-national-ids';
import { ParticipationPersonDays1732300000018 } from './1732300000018-participation-person-days';
import { IdempotencyClaimOwners1732300000020 } from './1732300000020-idempotency-claim-owners';
import { IdempotencyUnkeyedHashes1732300000021 } from './1732300000021-idempotency-unkeyed-hashes';
import { ReportingEvidenceRecordedAt1732300000035 } from './1732300000035-reporting-evidence-recorded-at';
import { ParticipationClaimPersonDay1732300000041 } from './1732300000041-participation-claim-person-day';
import { PricedInvolvements1732300000050 } from './1732300000050-priced-involvements';
import { ParticipationAppointmentRevision21732300000090 } from './1732300000090-participation-appointment-revision-2';
import { DisputedInvolvements1732300000100 } from './1732300000100-disputed-involvements';
import { YearlyAccount1732300000110 } from './1732300000110-yearly-account';
import { MeetingsAndMilestones1732300000080 } from './1732300000080-meetings-and-milestones';
import { ParticipationProjectList1732300000130 } from './1732300000130-participation-project-list';
import { PayoutLinesInOrder1732300000060 } from './1732300000060-payout-lines-in-order';
import { PricedMeetings1732300000051 } from './1732300000051-priced-meetings';

/**
 * Every schema change, in order. Read models use migrations, never `synchronize`.
 * A new context adds its migrations here.
 */
export const migrations = [
  EventStore1732300000000,
  ProjectionCheckpoints1732300000001,
  StreamCatalogue1732300000002,
  Idempotency1732300000003,
  PersonalDataKeys1732300000004,
  ParticipationAppointments1732300000005,
  ParticipationInvolvements1732300000006,
  AccessLog1732300000007,
  PayoutLines1732300000008,
  PayoutBatches1732300000009,
  IntegrationMessaging1732300000010,
  AuditIndex1732300000011,
  Notary1732300000012,
  ReportingParticipationFacts1732300000013,
  EsdbEventIds1732300000014,
  EventStoreAppendFunction1732300000015,
  EventStoreAppendByIndex1732300000016,
  ParticipantNationalIds1732300000017,
  ParticipationPersonDays1732300000018,
  IdempotencyClaimOwners1732300000020,
  IdempotencyUnkeyedHashes1732300000021,
  ReportingEvidenceRecordedAt1732300000035,
  ParticipationClaimPersonDay1732300000041,
  PricedInvolvements1732300000050,
  ParticipationAppointmentRevision21732300000090,
  DisputedInvolvements1732300000100,
  YearlyAccount1732300000110,
  MeetingsAndMilestones1732300000080,
  ParticipationProjectList1732300000130,
  PayoutLinesInOrder1732300000060,
  PricedMeetings1732300000051,
];
