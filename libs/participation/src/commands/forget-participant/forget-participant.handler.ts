import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { streams } from '../../application/streams';
import { decideParticipant, participantDecider } from '../../domain';
import { PersonalDataVault } from '../../personal-data';

export class ForgetParticipantCommand {
  constructor(
    readonly participantId: string,
    readonly meta: CommandMeta,
  ) {}
}

/**
 * Records ParticipantForgotten, then destroys the person's data key: from then
 * on their sealed data reads as forgotten everywhere, while every event and
 * its hash stay as they were.
 */
@CommandHandler(ForgetParticipantCommand)
export class ForgetParticipantHandler implements ICommandHandler<
  ForgetParticipantCommand,
  { version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ participantId, meta }: ForgetParticipantCommand): Promise<{ version: number }> {
    const result = await this.repository.execute(
      streams.participant(participantId),
      participantDecider,
      (state) => {
        if (state.status === 'unregistered') throw new NotFound('Participant', participantId);
        // Payout batches arrive with the payouts context; until then nothing can await payment.
        return decideParticipant({ type: 'ForgetParticipant', data: { participantId } }, state, {
          approvedLinesAwaitingPayment: 0,
        });
      },
      meta,
    );
    await this.vault.forget(participantId);
    return { version: result.version };
  }
}
