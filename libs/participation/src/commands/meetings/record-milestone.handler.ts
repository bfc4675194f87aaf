import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, NotFound, type Clock } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { newAggregateId } from '../../application/new-id';
import { assertMayActOnProject } from '../../application/project-access';
import { streams } from '../../application/streams';
import { decideProject, projectDecider } from '../../domain';

export class RecordMilestoneCommand {
  constructor(
    readonly projectId: string,
    readonly body: { kind: string; at: string; ref?: string | null },
    readonly meta: CommandMeta,
  ) {}
}

/** A decision milestone on the project's own stream: "involved early" is judged against them. */
@CommandHandler(RecordMilestoneCommand)
export class RecordMilestoneHandler implements ICommandHandler<
  RecordMilestoneCommand,
  { id: string; version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, body, meta }: RecordMilestoneCommand): Promise<{ id: string; version: number }> {
    const milestoneId = newAggregateId('milestone', meta);
    const { version } = await this.repository.execute(
      streams.project(projectId),
      projectDecider,
      (state) => {
        if (state.status === 'unregistered') throw new NotFound('Project', projectId);
        assertMayActOnProject(meta, state);
        return decideProject({ type: 'RecordMilestone', data: { ...body, projectId, milestoneId } }, state, {
          now: this.clock.now().toISOString(),
        });
      },
      meta,
    );
    return { id: milestoneId, version };
  }
}
