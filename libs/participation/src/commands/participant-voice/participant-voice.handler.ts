import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Forbidden } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { PAYOUT_LEDGER, type PayoutLedger } from '../../application/payout-ledger.port';
import { streams } from '../../application/streams';
import { decideInvolvement, involvementDecider, type ParticipantVoiceCommand } from '../../domain';

/** What a representative says about an involvement logged about them (docs/adr/0028). */
export type ParticipantStatement =
  | { kind: 'confirmation'; confirmed: unknown; reason?: unknown; concerns?: unknown }
  | { kind: 'waiver'; reason: unknown }
  | { kind: 'feedback-acknowledgement'; evidenceId: unknown };

export const REPRESENTATIVE_TOKEN_RULE =
  'only a representative whose token names their participantId speaks for a participant';

export class RecordParticipantStatementCommand {
  constructor(
    readonly involvementId: string,
    /** Who speaks: the `participantId` claim of the representative's token. */
    readonly participantId: string | undefined,
    readonly statement: ParticipantStatement,
    readonly meta: CommandMeta,
  ) {}
}

/**
 * Appends the participant's confirmation, dispute, waiver or feedback
 * acknowledgement to the involvement's own stream, so its version (ETag,
 * If-Match) orders it among the lead's corrections. The decider checks that
 * the involvement is about the one who speaks (403 otherwise).
 */
@CommandHandler(RecordParticipantStatementCommand)
export class RecordParticipantStatementHandler implements ICommandHandler<
  RecordParticipantStatementCommand,
  { version: number }
> {
  constructor(
    private readonly repository: EventSourcedRepository,
    @Inject(PAYOUT_LEDGER) private readonly payouts: PayoutLedger,
  ) {}

  async execute({ involvementId, participantId, statement, meta }: RecordParticipantStatementCommand) {
    if (participantId === undefined) throw new Forbidden(REPRESENTATIVE_TOKEN_RULE);
    const command = commandOf(involvementId, participantId, statement);
    const context =
      command.type === 'WaiveHonorarium'
        ? { honorariumInBatch: await this.timePayInBatch(participantId, involvementId) }
        : undefined;
    const { version } = await this.repository.execute(
      streams.involvement(involvementId),
      involvementDecider,
      (state) => decideInvolvement(command, state, context as never),
      meta,
    );
    return { version };
  }

  /** A time-pay line of the involvement held by a draft, approved or paid batch (the payout read model). */
  private async timePayInBatch(participantId: string, involvementId: string): Promise<boolean> {
    const lines = await this.payouts.ofParticipant(participantId);
    return lines.some(
      (l) =>
        l.involvementId === involvementId &&
        TIME_PAY_KINDS.includes(l.kind) &&
        ['draft', 'approved', 'paid'].includes(l.status) &&
        l.amountOre !== 0,
    );
  }
}

/** The honorarium proper: what a waiver stops paying (expenses and lost income stay). */
const TIME_PAY_KINDS = ['meeting', 'preparation', 'travel-time'];

function commandOf(
  involvementId: string,
  participantId: string,
  statement: ParticipantStatement,
): ParticipantVoiceCommand {
  const ids = { involvementId, participantId };
  switch (statement.kind) {
    case 'confirmation':
      return {
        type: 'RespondToInvolvement',
        data: {
          ...ids,
          confirmed: statement.confirmed,
          reason: statement.reason,
          concerns: statement.concerns,
        },
      };
    case 'waiver':
      return { type: 'WaiveHonorarium', data: { ...ids, reason: statement.reason } };
    case 'feedback-acknowledgement':
      return { type: 'AcknowledgeFeedback', data: { ...ids, evidenceId: statement.evidenceId } };
  }
}
