import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import { PAYOUT_BATCH_EVENT_TYPES, type PayoutBatchEvent } from '../domain';
import { enqueueApprovedBatch } from '../messaging/approved-batch.outbox';

export const PAYOUT_LINES_PROJECTION = 'payout-lines';

/**
 * `payout_lines` (one row per line with its status) and `payout_batches` (one
 * row per batch), and each approval into the outbox (`payouts.batches.v1`).
 * Transitions match ClaimLedger.apply exactly: the draft command replays the
 * events this projection has not applied yet through it. One projection, not
 * two: every runner holds a database connection for its lock.
 */
export class PayoutLinesProjection implements Projection {
  readonly name = PAYOUT_LINES_PROJECTION;
  readonly handles = PAYOUT_BATCH_EVENT_TYPES;

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const event = { type: stored.type, data: stored.data } as PayoutBatchEvent;
    const at = stored.metadata.recordedAt;
    switch (event.type) {
      case 'PayoutBatchDrafted': {
        const d = event.data;
        for (const l of d.lines)
          await tx.query(
            `INSERT INTO payout_lines (line_id, batch_id, participant_id, involvement_id, project_id, organization_id,
               occurred_on, kind, amount_ore, taxable, income_type, adjusts_line_id, status, drafted_position, drafted_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'draft', $13, $14, $14)
             ON CONFLICT (line_id) DO NOTHING`,
            [
              l.lineId,
              d.batchId,
              l.participantId,
              l.involvementId,
              l.projectId,
              l.organizationId,
              l.occurredOn,
              l.kind,
              l.amountOre,
              l.taxable,
              l.incomeType,
              l.adjustsLineId,
              stored.position,
              at,
            ],
          );
        await tx.query(
          `INSERT INTO payout_batches (batch_id, status, period_end, organization_id, created_by, line_count, total_ore, drafted_at, updated_at)
           VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (batch_id) DO NOTHING`,
          [d.batchId, d.periodEnd, d.organizationId, d.createdBy, d.lines.length, d.totalOre, at],
        );
        return;
      }
      case 'PayoutBatchApproved':
        await tx.query(
          `UPDATE payout_lines SET status = 'approved', updated_at = $2 WHERE batch_id = $1 AND status = 'draft'`,
          [event.data.batchId, at],
        );
        await this.batch(tx, event.data.batchId, 'approved', at, event.data.approvedBy);
        await enqueueApprovedBatch(stored, tx);
        return;
      case 'PayoutBatchCancelled':
        await tx.query(
          `UPDATE payout_lines SET status = 'cancelled', updated_at = $2 WHERE batch_id = $1 AND status IN ('draft', 'approved')`,
          [event.data.batchId, at],
        );
        await this.batch(tx, event.data.batchId, 'cancelled', at);
        return;
      case 'PaymentResultsRecorded':
        for (const r of event.data.results)
          await tx.query(
            `UPDATE payout_lines SET status = $2, reference = $3, reason = $4,
               paid_at = CASE WHEN $2 = 'paid' THEN $5::timestamptz ELSE NULL END, updated_at = $5
             WHERE line_id = $1 AND status = 'approved'`,
            [r.lineId, r.status, r.reference, r.reason, at],
          );
        return;
      case 'PayoutBatchSettled':
        await this.batch(tx, event.data.batchId, 'settled', at);
        return;
    }
  }

  private async batch(tx: EntityManager, batchId: string, status: string, at: string, approvedBy?: string) {
    await tx.query(
      `UPDATE payout_batches SET status = $2, updated_at = $3, approved_by = COALESCE($4, approved_by) WHERE batch_id = $1`,
      [batchId, status, at, approvedBy ?? null],
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM payout_lines');
    await tx.query('DELETE FROM payout_batches');
  }
}
