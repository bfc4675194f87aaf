import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@app/event-store';
import { enqueueIntegrationMessage, integrationMessageId, TOPICS } from '@app/messaging';
import type { PayoutBatchApproved } from '../domain';

/**
 * Puts an approved batch on `payouts.batches.v1` (key = batch id, schema 1)
 * through the outbox, inside the payout-lines projection's transaction. The
 * lines carry ids, amounts, tax split and income type, never personal data:
 * finance joins the payee from the export. The message id comes from the
 * event id, so a rebuilt projection enqueues nothing twice.
 */
export async function enqueueApprovedBatch(stored: StoredEvent, tx: EntityManager): Promise<void> {
  const { data } = { type: stored.type, data: stored.data } as PayoutBatchApproved;
  await enqueueIntegrationMessage(tx, {
    messageId: integrationMessageId(stored.eventId, TOPICS.payoutBatches),
    topic: TOPICS.payoutBatches,
    key: data.batchId,
    type: 'PayoutBatchApproved',
    schemaVersion: 1,
    occurredAt: stored.metadata.recordedAt,
    payload: {
      batchId: data.batchId,
      approvedBy: data.approvedBy,
      totalOre: data.totalOre,
      lines: data.lines.map((l) => ({
        lineId: l.lineId,
        participantId: l.participantId,
        involvementId: l.involvementId,
        projectId: l.projectId,
        organizationId: l.organizationId,
        occurredOn: l.occurredOn,
        kind: l.kind,
        amountOre: l.amountOre,
        taxable: l.taxable,
        incomeType: l.incomeType,
        adjustsLineId: l.adjustsLineId,
      })),
    },
  });
}
