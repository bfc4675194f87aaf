import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { newAggregateId } from '../../application/new-id';
import { PersonalDataAccess, registrantOf } from '../../application/personal-data-access';
import { assertMayActOnProject } from '../../application/project-access';
import { streams } from '../../application/streams';
import { appointmentDecider, decideAppointment, participantDecider, projectDecider } from '../../domain';

export class AppointCommand {
  constructor(
    readonly projectId: string,
    readonly body: {
      participantId: string;
      role: string;
      nominatedBy: string;
      appointedBy: string;
      from: string;
      to?: string;
      exceptionReason?: string;
      form?: string;
      nominatedByKind?: string;
      decisionRef?: string;
      mandate?: string;
    },
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(AppointCommand)
export class AppointHandler implements ICommandHandler<AppointCommand, { id: string; version: number }> {
  constructor(
    @Inject(EventSourcedRepository) private readonly repository: EventSourcedRepository,
    private readonly access: PersonalDataAccess,
  ) {}

  async execute({ projectId, body, meta }: AppointCommand): Promise<{ id: string; version: number }> {
    const [project, participant] = await Promise.all([
      this.repository.load(streams.project(projectId), projectDecider),
      this.repository.load(streams.participant(body.participantId), participantDecider),
    ]);
    if (project.state.status === 'unregistered') throw new NotFound('Project', projectId);
    assertMayActOnProject(meta, project.state);
    // An appointment opens the person's data to the project's leads: only someone who reads it already may make one.
    if (participant.state.status !== 'unregistered')
      await this.access.assertMayAppoint(body.participantId, registrantOf(participant), meta);
    const appointmentId = newAggregateId('appointment', meta);
    const { version } = await this.repository.execute(
      streams.appointment(appointmentId),
      appointmentDecider,
      (state) =>
        decideAppointment({ type: 'Appoint', data: { appointmentId, projectId, ...body } }, state, {
          project: project.state,
          participant: participant.state,
        }),
      meta,
    );
    return { id: appointmentId, version };
  }
}
