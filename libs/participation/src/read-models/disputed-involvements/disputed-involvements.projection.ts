import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import { DISPUTE_HOLD_EVENT_TYPES, disputeHoldChange } from './dispute-hold';

export const DISPUTED_INVOLVEMENTS_PROJECTION = 'participation-disputed-involvements';

/**
 * `disputed_involvements`: one row per involvement whose dispute is open.
 * The payout draft leaves these out (docs/adr/0028); a set-based draft joins
 * it as `NOT EXISTS (SELECT 1 FROM disputed_involvements d WHERE d.involvement_id = …)`.
 */
export class DisputedInvolvementsProjection implements Projection {
  readonly name = DISPUTED_INVOLVEMENTS_PROJECTION;
  readonly handles = DISPUTE_HOLD_EVENT_TYPES;

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const change = disputeHoldChange({ ...stored, recordedAt: stored.metadata.recordedAt });
    if (!change) return;
    if (change.hold === null) {
      await tx.query('DELETE FROM disputed_involvements WHERE involvement_id = $1', [change.involvementId]);
      return;
    }
    const { involvementId, participantId, concerns, disputedAt } = change.hold;
    await tx.query(
      `INSERT INTO disputed_involvements (involvement_id, participant_id, concerns, disputed_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (involvement_id) DO UPDATE SET concerns = EXCLUDED.concerns, disputed_at = EXCLUDED.disputed_at`,
      [involvementId, participantId, concerns, disputedAt],
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM disputed_involvements');
  }
}
