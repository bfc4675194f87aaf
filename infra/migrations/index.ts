import { EventStore1732300000000 } from './1732300000000-event-store';
import { ProjectionCheckpoints1732300000001 } from './1732300000001-projection-checkpoints';
import { StreamCatalogue1732300000002 } from './1732300000002-stream-catalogue';
import { Idempotency1732300000003 } from './1732300000003-idempotency';
import { PersonalDataKeys1732300000004 } from './1732300000004-personal-data-keys';
import { ParticipationAppointments1732300000005 } from './1732300000005-participation-appointments';
import { ParticipationInvolvements1732300000006 } from './1732300000006-participation-involvements';
import { AccessLog1732300000007 } from './1732300000007-access-log';
import { EventStoreAppendFunction1732300000015 } from './1732300000015-event-store-append-function';

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
  EventStoreAppendFunction1732300000015,
];
