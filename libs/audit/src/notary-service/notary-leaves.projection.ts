import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';

/**
 * Gives every event, in global order, the next dense 0-based leafIndex and
 * records its stored content hash: the notary's leaves. Positions need not be
 * dense (EventStoreDB's are not), so position ↔ leafIndex is kept here.
 */
export class NotaryLeavesProjection implements Projection {
  readonly name = 'notary-leaves';
  readonly handles = '*';

  async apply(event: StoredEvent, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO notary_leaves (leaf_index, position, event_hash, recorded_at)
       SELECT coalesce(max(leaf_index) + 1, 0), $1, $2, $3 FROM notary_leaves
       ON CONFLICT (position) DO NOTHING`,
      [event.position, event.hash, event.metadata.recordedAt],
    );
  }

  /** A rebuild assigns the same indexes again (same order); signed checkpoints stay valid. */
  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM notary_leaves');
  }
}
