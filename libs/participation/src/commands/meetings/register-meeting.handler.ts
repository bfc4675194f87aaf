import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, NotFound, type Clock } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { newAggregateId } from '../../application/new-id';
import { todayInOslo } from '../../application/oslo-calendar';
import { assertMayActOnProject } from '../../application/project-access';
import { streams } from '../../application/streams';
import { decideMeeting, meetingDecider, projectDecider, type MeetingInput } from '../../domain';

export class RegisterMeetingCommand {
  constructor(
    readonly projectId: string,
    readonly body: MeetingInput,
    readonly meta: CommandMeta,
  ) {}
}

/** A project's meeting (møte): admins and leads of the project register it, before or after it is held. */
@CommandHandler(RegisterMeetingCommand)
export class RegisterMeetingHandler implements ICommandHandler<
  RegisterMeetingCommand,
  { id: string; version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, body, meta }: RegisterMeetingCommand): Promise<{ id: string; version: number }> {
    const project = await this.repository.load(streams.project(projectId), projectDecider);
    if (project.state.status === 'unregistered') throw new NotFound('Project', projectId);
    assertMayActOnProject(meta, project.state);
    const meetingId = newAggregateId('meeting', meta);
    const now = this.clock.now();
    const { version } = await this.repository.start(
      streams.meeting(meetingId),
      meetingDecider,
      (state) =>
        decideMeeting({ type: 'RegisterMeeting', data: { ...body, meetingId, projectId } }, state, {
          now: now.toISOString(),
          today: todayInOslo(this.clock),
          project: project.state,
        }),
      meta,
    );
    return { id: meetingId, version };
  }
}
