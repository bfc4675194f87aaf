import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { assertMayActOnProject } from '../../application/project-access';
import { streams } from '../../application/streams';
import { decideProject, projectDecider } from '../../domain';
import { PersonalDataVault } from '../../personal-data';

export class AddProjectLeadCommand {
  constructor(
    readonly projectId: string,
    readonly body: { sub: string; name?: string },
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(AddProjectLeadCommand)
export class AddProjectLeadHandler implements ICommandHandler<
  AddProjectLeadCommand,
  { id: string; version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ projectId, body, meta }: AddProjectLeadCommand): Promise<{ id: string; version: number }> {
    // A lead's name is personal data too: sealed under a key of the lead's own.
    const sealed = body.name ? await this.vault.seal(`lead-${body.sub}`, { name: body.name }) : undefined;
    // The project's id and new version, never the events: they carry the sealed name.
    const { version } = await this.repository.execute(
      streams.project(projectId),
      projectDecider,
      (state) => {
        if (state.status === 'unregistered') throw new NotFound('Project', projectId);
        assertMayActOnProject(meta, state);
        return decideProject({ type: 'AddProjectLead', data: { projectId, sub: body.sub, sealed } }, state);
      },
      meta,
    );
    return { id: projectId, version };
  }
}
