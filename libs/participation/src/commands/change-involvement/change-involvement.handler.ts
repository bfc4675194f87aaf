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
import {
  decideInvolvement,
  involvementDecider,
  meetingDecider,
  participantDecider,
  projectDecider,
  type DetailsInput,
  type EvidenceInput,
} from '../../domain';
import { AppointmentTerms } from '../../application/appointment-terms';

/** What can happen to a logged involvement: each is a new event; the logged one stays in the history. */
export type InvolvementChange =
  | { kind: 'correct'; changes: Partial<DetailsInput>; reason: string }
  | { kind: 'void'; reason: string }
  | { kind: 'evidence'; evidence: EvidenceInput };

export class ChangeInvolvementCommand {
  constructor(
    readonly involvementId: string,
    readonly change: InvolvementChange,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(ChangeInvolvementCommand)
export class ChangeInvolvementHandler implements ICommandHandler<
  ChangeInvolvementCommand,
  { id?: string; version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly appointmentTerms: AppointmentTerms,
    private readonly personDays: PersonDayHours,
    private readonly access: PersonalDataAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    involvementId,
    change,
    meta,
  }: ChangeInvolvementCommand): Promise<{ id?: string; version: number }> {
    const current = await this.repository.load(streams.involvement(involvementId), involvementDecider);
    if (current.state.status === 'none') throw new NotFound('Involvement', involvementId);
    const project = await this.repository.load(streams.project(current.state.projectId), projectDecider);
    assertMayActOnProject(meta, project.state);
    // A correction can fill the person's day or raise what they are paid, like a log (ADR 0011).
    // A void only takes hours and money away, and evidence records what happened: leads of the project.
    if (change.kind === 'correct') await this.assertMayCorrect(current.state.participantId, meta);
    const appointments =
      change.kind === 'correct'
        ? await this.appointmentTerms.of(current.state.projectId, current.state.participantId)
        : [];
    // The meeting an involvement belongs to holds the rules a correction must keep (same form and day).
    const { meetingId } = current.state;
    const meeting =
      change.kind === 'correct' && meetingId !== undefined
        ? (await this.repository.load(streams.meeting(meetingId), meetingDecider)).state
        : undefined;
    const evidenceId = change.kind === 'evidence' ? newAggregateId('evidence', meta) : undefined;
    const apply = (otherInvolvementsByDay: OtherInvolvementsByDay) =>
      this.repository.execute(
        streams.involvement(involvementId),
        involvementDecider,
        (state) => {
          switch (change.kind) {
            case 'correct':
              return decideInvolvement(
                {
                  type: 'CorrectInvolvement',
                  data: { involvementId, changes: change.changes, reason: change.reason },
                },
                state,
                { today: todayInOslo(this.clock), appointments, otherInvolvementsByDay, meeting },
              );
            case 'void':
              return decideInvolvement(
                { type: 'VoidInvolvement', data: { involvementId, reason: change.reason } },
                state,
                undefined,
              );
            case 'evidence':
              return decideInvolvement(
                {
                  type: 'AddEvidence',
                  data: { involvementId, evidenceId: evidenceId as string, evidence: change.evidence },
                },
                state,
                { now: this.clock.now().toISOString() },
              );
          }
        },
        meta,
      );
    // Only new hours or a new day can overfill a day: those corrections run under the day's lock.
    const changes: Record<string, unknown> =
      change.kind === 'correct' && typeof change.changes === 'object' && change.changes !== null
        ? change.changes
        : {};
    const { version } =
      'hours' in changes || 'occurredOn' in changes
        ? await this.personDays.onDay(
            current.state.participantId,
            changes.occurredOn ?? current.state.occurredOn,
            involvementId,
            apply,
          )
        : await apply({});
    return evidenceId ? { id: evidenceId, version } : { version };
  }

  private async assertMayCorrect(participantId: string, meta: CommandMeta): Promise<void> {
    const participant = await this.repository.load(streams.participant(participantId), participantDecider);
    await this.access.assertMayLogFor(participantId, registrantOf(participant), meta);
  }
}
