import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '@app/shared-kernel';
import type { LinePaging } from './line-paging';
import { PayoutReadModel } from './payout-read-model';

/**
 * GET /v1/payout-batches/{id}: the batch with one page of its lines in draft
 * order (docs/adr/0024), from the `payout_batches` / `payout_lines` read model
 * once it holds everything written before the read; `version` is the batch
 * stream's version (the ETag). Header and page come from one snapshot.
 */
@Injectable()
export class PayoutBatchQueries {
  constructor(
    private readonly db: DataSource,
    private readonly readModel: PayoutReadModel,
  ) {}

  async batch(batchId: string, paging: LinePaging) {
    await this.readModel.caughtUp();
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const batch = await this.readModel.header(runner, batchId);
      let afterNo = -1;
      if (paging.after !== null) {
        const no = await this.readModel.lineNo(runner, batchId, paging.after);
        if (no === null)
          throw new ValidationFailed([
            {
              field: 'after',
              message: 'must be the lineId of a line of this batch (from `next` of the previous page)',
            },
          ]);
        afterNo = no;
      }
      const page = await this.readModel.lines(runner, batchId, afterNo, paging.limit + 1);
      await runner.commitTransaction();
      const lines = page.slice(0, paging.limit);
      const more = page.length > paging.limit;
      return {
        id: batch.batchId,
        status: batch.status,
        periodEnd: batch.periodEnd,
        organizationId: batch.organizationId,
        createdBy: batch.createdBy,
        approvedBy: batch.approvedBy,
        cancelledBy: batch.cancelledBy,
        cancelReason: batch.cancelReason,
        lines: lines.map(({ lineNo: _lineNo, ...line }) => line),
        lineCount: batch.lineCount,
        totalOre: batch.totalOre,
        version: batch.version,
        next: more ? lines[lines.length - 1].lineId : null,
      };
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}
