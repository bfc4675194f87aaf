import { Injectable } from '@nestjs/common';
import { EventSourcedRepository } from '@app/participation';
import { NotFound } from '@app/shared-kernel';
import { lineStatus, payoutBatchDecider, payoutBatchStream, type ExistingBatch } from '../domain';

/** GET /v1/payout-batches/{id}: the batch folded from its stream (exact, with its version as ETag). */
@Injectable()
export class PayoutBatchQueries {
  constructor(private readonly repository: EventSourcedRepository) {}

  async load(batchId: string): Promise<{ batch: ExistingBatch; version: number }> {
    const { state, version } = await this.repository.load(payoutBatchStream(batchId), payoutBatchDecider);
    if (state.status === 'none') throw new NotFound('PayoutBatch', batchId);
    return { batch: state, version };
  }

  async batch(batchId: string) {
    const { batch, version } = await this.load(batchId);
    return {
      id: batch.batchId,
      status: batch.status,
      periodEnd: batch.periodEnd,
      organizationId: batch.organizationId,
      createdBy: batch.createdBy,
      approvedBy: batch.approvedBy,
      cancelledBy: batch.cancelledBy,
      cancelReason: batch.cancelReason,
      lines: batch.lines.map((l) => {
        const result = batch.results[l.lineId];
        return {
          ...l,
          status: lineStatus(batch, l.lineId),
          reference: result?.reference ?? null,
          reason: result?.reason ?? null,
        };
      }),
      lineCount: batch.lines.length,
      totalOre: batch.totalOre,
      version,
    };
  }
}
