import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessLog } from '@app/audit';
import { HonorariumModule } from '@app/honorarium';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, devSecret, PG_POOL, ProjectionRegistry, type AppConfig } from '@app/platform';
import { AppointmentTerms } from './application/appointment-terms';
import { EventSourcedRepository } from './application/event-sourced-repository';
import { PersonalTextSeal } from './application/personal-text-seal';
import { NationalIdBackfill } from './application/national-id-backfill';
import { NationalIdRegistry } from './application/national-id-registry';
import { PersonalDataAccess } from './application/personal-data-access';
import { PersonDayHours } from './application/person-day-hours';
import { PersonLocks } from './application/person-locks';
import {
  PERSONAL_DATA_POOL,
  PostgresPersonalDataKeyStore,
} from './application/postgres-personal-data-key-store';
import { AddProjectLeadHandler } from './commands/add-project-lead/add-project-lead.handler';
import { AppointHandler } from './commands/appoint/appoint.handler';
import {
  ChangeBankAccountHandler,
  ChangeContactHandler,
  ChangeEmploymentHandler,
} from './commands/change-participant/change-participant.handler';
import { ChangeInvolvementHandler } from './commands/change-involvement/change-involvement.handler';
import { EndAppointmentHandler } from './commands/end-appointment/end-appointment.handler';
import { ForgetParticipantHandler } from './commands/forget-participant/forget-participant.handler';
import { LogInvolvementHandler } from './commands/log-involvement/log-involvement.handler';
import { RecordParticipantStatementHandler } from './commands/participant-voice/participant-voice.handler';
import { RegisterParticipantHandler } from './commands/register-participant/register-participant.handler';
import { RegisterProjectHandler } from './commands/register-project/register-project.handler';
import { parseMasterKey, PersonalDataVault } from './personal-data';
import { AppointmentQueries } from './queries/appointment.queries';
import { ParticipationQueries } from './queries/participation.queries';
import { AppointmentsProjection } from './read-models/appointments/appointments.projection';
import { InvolvementSummariesProjection } from './read-models/involvement-summaries/involvement-summaries.projection';
import { InvolvementSummary } from './read-models/involvement-summaries/involvement-summary.entity';
import { InvolvementsIntegrationProjection } from './integration/involvements-integration.projection';
import { DisputedInvolvementsProjection } from './read-models/disputed-involvements/disputed-involvements.projection';
import { DisputedInvolvements } from './read-models/disputed-involvements/disputed-involvements.reader';
import { InvolvementListQueries } from './queries/involvement-list.queries';
import { InvolvementHonorarium } from './queries/involvement-honorarium';
import { ParticipantHonorariumQueries } from './queries/participant-honorarium.queries';
import { PricedInvolvementQueries } from './queries/priced-involvement.queries';
import { PricedInvolvementsProjection } from './read-models/priced-involvements/priced-involvements.projection';
import { RegisterMeetingHandler } from './commands/meetings/register-meeting.handler';
import { UpdateMeetingHandler } from './commands/meetings/update-meeting.handler';
import { RecordMilestoneHandler } from './commands/meetings/record-milestone.handler';
import { MeetingQueries } from './queries/meeting.queries';
import { MeetingsProjection } from './read-models/meetings/meetings.projection';
import { InvolvementPreviewQueries } from './queries/involvement-preview.queries';
import { ProjectListQueries } from './queries/project-list.queries';
import { ProjectListProjection } from './read-models/project-list/project-list.projection';

/** Projects, participants, appointments and involvements: command handlers, queries, read models. */
@Module({
  imports: [CqrsModule, HonorariumModule, TypeOrmModule.forFeature([InvolvementSummary])],
  providers: [
    EventSourcedRepository,
    PersonalTextSeal,
    AccessLog,
    { provide: PERSONAL_DATA_POOL, useExisting: PG_POOL },
    PostgresPersonalDataKeyStore,
    {
      provide: PersonalDataVault,
      inject: [PostgresPersonalDataKeyStore, APP_CONFIG],
      // PII_MASTER_KEY in production; generated into DATA_DIR in embedded mode.
      useFactory: (keys: PostgresPersonalDataKeyStore, config: AppConfig) =>
        new PersonalDataVault(
          keys,
          parseMasterKey(config.piiMasterKey ?? devSecret(config.dataDir, 'pii-master')),
        ),
    },
    AppointmentQueries,
    AppointmentTerms,
    PersonalDataAccess,
    PersonLocks,
    NationalIdRegistry,
    NationalIdBackfill,
    PersonDayHours,
    ParticipationQueries,
    InvolvementListQueries,
    InvolvementHonorarium,
    ParticipantHonorariumQueries,
    PricedInvolvementQueries,
    DisputedInvolvements,
    InvolvementPreviewQueries,
    ProjectListQueries,
    RegisterProjectHandler,
    AddProjectLeadHandler,
    RegisterParticipantHandler,
    AppointHandler,
    LogInvolvementHandler,
    ChangeInvolvementHandler,
    RecordParticipantStatementHandler,
    ForgetParticipantHandler,
    EndAppointmentHandler,
    ChangeEmploymentHandler,
    ChangeBankAccountHandler,
    ChangeContactHandler,
    RegisterMeetingHandler,
    UpdateMeetingHandler,
    RecordMilestoneHandler,
    MeetingQueries,
  ],
  exports: [
    ParticipationQueries,
    InvolvementListQueries,
    ParticipantHonorariumQueries,
    PricedInvolvementQueries,
    InvolvementHonorarium,
    MeetingQueries,
    InvolvementPreviewQueries,
    ProjectListQueries,
    PersonalDataVault,
    EventSourcedRepository,
    DisputedInvolvements,
  ],
})
export class ParticipationModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(new AppointmentsProjection());
    this.projections.register(new InvolvementSummariesProjection());
    this.projections.register(new InvolvementsIntegrationProjection());
    this.projections.register(new PricedInvolvementsProjection());
    this.projections.register(new DisputedInvolvementsProjection());
    this.projections.register(new MeetingsProjection());
    this.projections.register(new ProjectListProjection());
  }
}
