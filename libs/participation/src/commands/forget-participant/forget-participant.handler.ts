import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { NationalIdRegistry } from '../../application/national-id-registry';
import { streams } from '../../application/streams';
import { decideParticipant, participantDecider } from '../../domain';
import { PersonalDataVault } from '../../personal-data';
import { PAYOUT_LEDGER, type PayoutLedger } from '../../application/payout-ledger.port';

export class ForgetParticipantCommand {
  constructor(
    readonly participantId: string,
    readonly meta: CommandMeta,
  ) {}
}

/**
 * Records ParticipantForgotten, then destroys the person's data key: from then
 * on their sealed data reads as forgotten everywhere, while every event and
 * its hash stay as they were. Their national id's blind index goes too, so
 * they may be registered again.
 */
@CommandHandler(ForgetParticipantCommand)
export class ForgetParticipantHandler implements ICommandHandler<
  ForgetParticipantCommand,
  { version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly vault: PersonalDataVault,
    @Inject(PAYOUT_LEDGER) private readonly payouts: PayoutLedger,
    private readonly nationalIds: NationalIdRegistry,
  ) {}

  async execute({ participantId, meta }: ForgetParticipantCommand): Promise<{ version: number }> {
    // Finance still needs the person's bank account and national id for lines of approved batches.
    const approvedLinesAwaitingPayment = await this.payouts.approvedAwaitingPayment(participantId);
    const result = await this.repository.execute(
      streams.participant(participantId),
      participantDecider,
      (state) => {
        if (state.status === 'unregistered') throw new NotFound('Participant', participantId);
        return decideParticipant({ type: 'ForgetParticipant', data: { participantId } }, state, {
          approvedLinesAwaitingPayment,
        });
      },
      meta,
    );
    await this.vault.forget(participantId);
    await this.nationalIds.release(participantId);
    return { version: result.version };
  }
}
