import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, NotFound, type Clock } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { newAggregateId } from '../../application/new-id';
import { todayInOslo } from '../../application/oslo-calendar';
import { PersonalDataAccess, registrantOf } from '../../application/personal-data-access';
import { PersonDayHours, type OtherInvolvementsByDay } from '../../application/person-day-hours';
import { assertMayActOnProject } from '../../application/project-access';
import { streams } from '../../application/streams';
import { decideInvolvement, involvementDecider, meetingDecider, type DetailsInput } from '../../domain';
import { AppointmentTerms } from '../../application/appointment-terms';

export class LogInvolvementCommand {
  constructor(
    readonly projectId: string,
    readonly body: { participantId: string; meetingId?: string | null } & DetailsInput,
    readonly meta: CommandMeta,
  ) {}
}

/** Loads what the rules need (project, participant, their appointments), then lets the decider judge. */
@CommandHandler(LogInvolvementCommand)
export class LogInvolvementHandler implements ICommandHandler<
  LogInvolvementCommand,
  { id: string; version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly appointmentTerms: AppointmentTerms,
    private readonly personDays: PersonDayHours,
    private readonly access: PersonalDataAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, body, meta }: LogInvolvementCommand): Promise<{ id: string; version: number }> {
    const { project, participant, appointments } = await this.appointmentTerms.withParties(
      projectId,
      body.participantId,
    );
    if (project.state.status === 'unregistered') throw new NotFound('Project', projectId);
    assertMayActOnProject(meta, project.state);
    // An involvement fills the person's day and pays them: only for someone the caller may read (ADR 0011).
    if (participant.state.status !== 'unregistered')
      await this.access.assertMayLogFor(body.participantId, registrantOf(participant), meta);
    // The meeting it names must be of this project, form and day; the decider judges (422 otherwise).
    const meeting =
      typeof body.meetingId === 'string' && body.meetingId !== ''
        ? (await this.repository.load(streams.meeting(body.meetingId), meetingDecider)).state
        : undefined;
    const involvementId = newAggregateId('involvement', meta);
    // A new stream: appended without reading it first (EventSourcedRepository.start).
    const log = (otherInvolvementsByDay: OtherInvolvementsByDay) =>
      this.repository.start(
        streams.involvement(involvementId),
        involvementDecider,
        (state) =>
          decideInvolvement({ type: 'LogInvolvement', data: { involvementId, projectId, ...body } }, state, {
            today: todayInOslo(this.clock),
            project: project.state,
            participant: participant.state,
            appointments,
            otherInvolvementsByDay,
            meeting,
          }),
        meta,
      );
    // Only a registered person has a day to fill; the decider refuses anyone else.
    const { version } =
      participant.state.status === 'registered'
        ? await this.personDays.onDay(body.participantId, body.occurredOn, involvementId, log)
        : await log({});
    return { id: involvementId, version };
  }
}
