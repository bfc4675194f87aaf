import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedRepository, type CommandMeta } from '@app/participation';
import { NotFound } from '@app/shared-kernel';
import { decidePayoutBatch, payoutBatchDecider, payoutBatchStream, type PayoutBatchCommand } from '../domain';

export interface BatchChanged {
  id: string;
  status: string;
  version: number;
}

async function change(
  repository: EventSourcedRepository,
  batchId: string,
  command: PayoutBatchCommand,
  meta: CommandMeta,
): Promise<BatchChanged> {
  const stream = payoutBatchStream(batchId);
  const { version } = await repository.execute(
    stream,
    payoutBatchDecider,
    (state) => {
      if (state.status === 'none') throw new NotFound('PayoutBatch', batchId);
      return decidePayoutBatch(command, state);
    },
    meta,
  );
  const { state } = await repository.load(stream, payoutBatchDecider);
  return { id: batchId, status: state.status, version };
}

export class ApprovePayoutBatchCommand {
  constructor(
    readonly batchId: string,
    readonly meta: CommandMeta,
  ) {}
}

/** Approval by a second finance user (the creator gets 403). */
@CommandHandler(ApprovePayoutBatchCommand)
export class ApprovePayoutBatchHandler implements ICommandHandler<ApprovePayoutBatchCommand, BatchChanged> {
  constructor(private readonly repository: EventSourcedRepository) {}

  execute({ batchId, meta }: ApprovePayoutBatchCommand): Promise<BatchChanged> {
    return change(
      this.repository,
      batchId,
      { type: 'ApprovePayoutBatch', data: { approvedBy: meta.actor } },
      meta,
    );
  }
}

export class CancelPayoutBatchCommand {
  constructor(
    readonly batchId: string,
    readonly reason: unknown,
    readonly meta: CommandMeta,
  ) {}
}

/** Cancels a batch whose lines are not paid; its amounts become payable again. */
@CommandHandler(CancelPayoutBatchCommand)
export class CancelPayoutBatchHandler implements ICommandHandler<CancelPayoutBatchCommand, BatchChanged> {
  constructor(private readonly repository: EventSourcedRepository) {}

  execute({ batchId, reason, meta }: CancelPayoutBatchCommand): Promise<BatchChanged> {
    return change(
      this.repository,
      batchId,
      { type: 'CancelPayoutBatch', data: { cancelledBy: meta.actor, reason: reason as string } },
      meta,
    );
  }
}

export class RecordPaymentResultsCommand {
  constructor(
    readonly batchId: string,
    readonly results: unknown,
    readonly meta: CommandMeta,
  ) {}
}

/**
 * Paid (with reference) or failed (with reason) per line; repeats change
 * nothing. Used by POST …/payments and the payouts.payment-results.v1 consumer.
 */
@CommandHandler(RecordPaymentResultsCommand)
export class RecordPaymentResultsHandler implements ICommandHandler<
  RecordPaymentResultsCommand,
  BatchChanged
> {
  constructor(private readonly repository: EventSourcedRepository) {}

  execute({ batchId, results, meta }: RecordPaymentResultsCommand): Promise<BatchChanged> {
    return change(this.repository, batchId, { type: 'RecordPaymentResults', data: { results } }, meta);
  }
}
