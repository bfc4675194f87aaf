import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { newAggregateId } from '../../application/new-id';
import { streams } from '../../application/streams';
import { decideParticipant, participantDecider } from '../../domain';
import {
  parseParticipantPersonalData,
  PersonalDataVault,
  type ParticipantPersonalDataInput,
} from '../../personal-data';

export class RegisterParticipantCommand {
  constructor(
    readonly body: ParticipantPersonalDataInput & { employedBy?: string[] },
    readonly meta: CommandMeta,
  ) {}
}

/** Validates the personal data (400 for a bad national id or account), seals it, and records the participant. */
@CommandHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<
  RegisterParticipantCommand,
  { id: string; version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ body, meta }: RegisterParticipantCommand): Promise<{ id: string; version: number }> {
    const { employedBy, ...personal } = body;
    const data = parseParticipantPersonalData(personal);
    const participantId = newAggregateId('participant', meta);
    const sealed = await this.vault.seal(participantId, data);
    const { version } = await this.repository.execute(
      streams.participant(participantId),
      participantDecider,
      (state) =>
        decideParticipant(
          { type: 'RegisterParticipant', data: { participantId, sealed, employedBy } },
          state,
          undefined,
        ),
      meta,
    );
    return { id: participantId, version };
  }
}
