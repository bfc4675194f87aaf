import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import {
  PAYOUT_BATCH_EVENT_TYPES,
  type PaymentResult,
  type PayoutBatchEvent,
  type PayoutLine,
} from '../domain';
import { enqueueApprovedBatch } from '../messaging/approved-batch.outbox';

export const PAYOUT_LINES_PROJECTION = 'payout-lines';

/** Lines per INSERT statement when a draft is projected (a batch may hold tens of thousands). */
const INSERT_CHUNK = 1000;

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
        for (let from = 0; from < d.lines.length; from += INSERT_CHUNK)
          await insertLines(
            tx,
            d.batchId,
            d.lines.slice(from, from + INSERT_CHUNK),
            from,
            stored.position,
            at,
          );
        await tx.query(
          `INSERT INTO payout_batches (batch_id, status, period_end, organization_id, created_by, line_count, total_ore,
             drafted_at, updated_at, version)
           VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $7, $8) ON CONFLICT (batch_id) DO NOTHING`,
          [
            d.batchId,
            d.periodEnd,
            d.organizationId,
            d.createdBy,
            d.lines.length,
            d.totalOre,
            at,
            stored.version,
          ],
        );
        return;
      }
      case 'PayoutBatchApproved':
        await tx.query(
          `UPDATE payout_lines SET status = 'approved', updated_at = $2 WHERE batch_id = $1 AND status = 'draft'`,
          [event.data.batchId, at],
        );
        await this.batch(tx, stored, 'approved', { approvedBy: event.data.approvedBy });
        await enqueueApprovedBatch(stored, tx);
        return;
      case 'PayoutBatchCancelled':
        await tx.query(
          `UPDATE payout_lines SET status = 'cancelled', updated_at = $2 WHERE batch_id = $1 AND status IN ('draft', 'approved')`,
          [event.data.batchId, at],
        );
        await this.batch(tx, stored, 'cancelled', {
          cancelledBy: event.data.cancelledBy,
          cancelReason: event.data.reason,
        });
        return;
      case 'PaymentResultsRecorded':
        await recordResults(tx, event.data.results, at);
        await this.batch(tx, stored);
        return;
      case 'PayoutBatchSettled':
        await this.batch(tx, stored, 'settled');
        return;
    }
  }

  /** The batch row follows its stream: status (when it changes), version (its ETag) and who changed it. */
  private async batch(
    tx: EntityManager,
    stored: StoredEvent,
    status?: string,
    by: { approvedBy?: string; cancelledBy?: string; cancelReason?: string } = {},
  ) {
    const { batchId } = stored.data as { batchId: string };
    await tx.query(
      `UPDATE payout_batches SET status = COALESCE($2, status), updated_at = $3, version = $4,
         approved_by = COALESCE($5, approved_by), cancelled_by = COALESCE($6, cancelled_by),
         cancel_reason = COALESCE($7, cancel_reason)
       WHERE batch_id = $1`,
      [
        batchId,
        status ?? null,
        stored.metadata.recordedAt,
        stored.version,
        by.approvedBy ?? null,
        by.cancelledBy ?? null,
        by.cancelReason ?? null,
      ],
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM payout_lines');
    await tx.query('DELETE FROM payout_batches');
  }
}

/** One statement for a run of a draft's lines; `line_no` is each line's place in the batch (docs/adr/0024). */
async function insertLines(
  tx: EntityManager,
  batchId: string,
  lines: readonly PayoutLine[],
  firstNo: number,
  position: number,
  at: string,
): Promise<void> {
  const column = <T>(pick: (l: PayoutLine) => T) => lines.map(pick);
  await tx.query(
    `INSERT INTO payout_lines (line_id, batch_id, participant_id, involvement_id, project_id, organization_id,
       occurred_on, kind, amount_ore, taxable, income_type, adjusts_line_id, status, drafted_position, drafted_at,
       updated_at, line_no)
     SELECT l.line_id, $1, l.participant_id, l.involvement_id, l.project_id, l.organization_id, l.occurred_on,
       l.kind, l.amount_ore, l.taxable, l.income_type, l.adjusts_line_id, 'draft', $2, $3, $3, $4 + l.n - 1
     FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
       $12::bigint[], $13::boolean[], $14::text[], $15::text[])
       WITH ORDINALITY AS l(line_id, participant_id, involvement_id, project_id, organization_id, occurred_on, kind,
         amount_ore, taxable, income_type, adjusts_line_id, n)
     ON CONFLICT (line_id) DO NOTHING`,
    [
      batchId,
      position,
      at,
      firstNo,
      column((l) => l.lineId),
      column((l) => l.participantId),
      column((l) => l.involvementId),
      column((l) => l.projectId),
      column((l) => l.organizationId),
      column((l) => l.occurredOn),
      column((l) => l.kind),
      column((l) => String(l.amountOre)),
      column((l) => l.taxable),
      column((l) => l.incomeType),
      column((l) => l.adjustsLineId),
    ],
  );
}

/**
 * Every result of one message in one statement (a round of 50,000 lines was
 * 50,000 UPDATEs). The domain records a line's result once per message, so
 * each line appears at most once; only approved lines change, as before.
 */
async function recordResults(
  tx: EntityManager,
  results: readonly PaymentResult[],
  at: string,
): Promise<void> {
  await tx.query(
    `UPDATE payout_lines p SET status = r.status, reference = r.reference, reason = r.reason,
       paid_at = CASE WHEN r.status = 'paid' THEN $5::timestamptz ELSE NULL END, updated_at = $5
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(line_id, status, reference, reason)
     WHERE p.line_id = r.line_id AND p.status = 'approved'`,
    [
      results.map((r) => r.lineId),
      results.map((r) => r.status),
      results.map((r) => r.reference ?? null),
      results.map((r) => r.reason ?? null),
      at,
    ],
  );
}
