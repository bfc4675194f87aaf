import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { NationalIdRegistry } from '../../application/national-id-registry';
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

/**
 * Validates the personal data (400 for a bad national id or account), seals
 * it, and records the participant; 409 when the national id is registered
 * already (docs/adr/0011).
 */
@CommandHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<
  RegisterParticipantCommand,
  { id: string; version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly vault: PersonalDataVault,
    private readonly nationalIds: NationalIdRegistry,
  ) {}

  async execute({ body, meta }: RegisterParticipantCommand): Promise<{ id: string; version: number }> {
    const { employedBy, ...personal } = body;
    const data = parseParticipantPersonalData(personal);
    const participantId = newAggregateId('participant', meta);
    const register = async () => {
      const sealed = await this.vault.seal(participantId, data);
      return this.repository.execute(
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
    };
    const { version } =
      data.nationalId === null
        ? await register()
        : await this.nationalIds.registerOnce(data.nationalId, participantId, meta, register);
    return { id: participantId, version };
  }
}
