import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, NotFound, type Clock } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { todayInOslo } from '../../application/oslo-calendar';
import { assertMayActOnProject } from '../../application/project-access';
import { streams } from '../../application/streams';
import { decideMeeting, meetingDecider, projectDecider, type MeetingUpdateInput } from '../../domain';

export class UpdateMeetingCommand {
  constructor(
    readonly meetingId: string,
    readonly body: MeetingUpdateInput,
    readonly meta: CommandMeta,
  ) {}
}

/** Invitation sent, documents shared, minutes, feedback given, cancelled: each a new event, with If-Match. */
@CommandHandler(UpdateMeetingCommand)
export class UpdateMeetingHandler implements ICommandHandler<UpdateMeetingCommand, { version: number }> {
  constructor(
    private readonly repository: EventSourcedRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ meetingId, body, meta }: UpdateMeetingCommand): Promise<{ version: number }> {
    const current = await this.repository.load(streams.meeting(meetingId), meetingDecider);
    if (current.state.status === 'none') throw new NotFound('Meeting', meetingId);
    const project = await this.repository.load(streams.project(current.state.projectId), projectDecider);
    assertMayActOnProject(meta, project.state);
    const { version } = await this.repository.execute(
      streams.meeting(meetingId),
      meetingDecider,
      (state) =>
        decideMeeting({ type: 'UpdateMeeting', data: { ...body, meetingId } }, state, {
          now: this.clock.now().toISOString(),
          today: todayInOslo(this.clock),
        }),
      meta,
    );
    return { version };
  }
}
