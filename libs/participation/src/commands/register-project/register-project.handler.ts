import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GuidelineCatalogue } from '@app/honorarium';
import { RuleViolation } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { newAggregateId } from '../../application/new-id';
import { streams } from '../../application/streams';
import { decideProject, projectDecider } from '../../domain';

export class RegisterProjectCommand {
  constructor(
    readonly body: {
      name: string;
      organizationId: string;
      region: string;
      level: string;
      description?: string;
    },
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(RegisterProjectCommand)
export class RegisterProjectHandler implements ICommandHandler<
  RegisterProjectCommand,
  { id: string; version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly guidelines: GuidelineCatalogue,
  ) {}

  async execute({ body, meta }: RegisterProjectCommand): Promise<{ id: string; version: number }> {
    // The region picks the honorarium guideline; a project no guideline covers could never be paid.
    if (typeof body.region === 'string' && (await this.guidelines.versionsOf(body.region)).length === 0) {
      const regions = await this.guidelines.regions();
      throw new RuleViolation(
        'unknown-region',
        `No honorarium guideline exists for region "${body.region}"; the regions are: ${regions.join(', ')}`,
      );
    }
    const projectId = newAggregateId('project', meta);
    const firstLead = meta.roles.includes('project-lead') ? { sub: meta.actor } : undefined;
    const { version } = await this.repository.execute(
      streams.project(projectId),
      projectDecider,
      (state) => decideProject({ type: 'RegisterProject', data: { projectId, ...body, firstLead } }, state),
      meta,
    );
    return { id: projectId, version };
  }
}
