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

  /** One statement for the batch: the same dense indexes, in position order, as `apply` on each in turn. */
  async applyBatch(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    await tx.query(
      `WITH fresh AS (
         SELECT x.position, x.event_hash, x.recorded_at FROM jsonb_to_recordset($1::jsonb)
           AS x(position bigint, event_hash text, recorded_at timestamptz)
         WHERE NOT EXISTS (SELECT 1 FROM notary_leaves l WHERE l.position = x.position)
       )
       INSERT INTO notary_leaves (leaf_index, position, event_hash, recorded_at)
       SELECT (SELECT coalesce(max(leaf_index) + 1, 0) FROM notary_leaves) + row_number() OVER (ORDER BY position) - 1,
              position, event_hash, recorded_at
       FROM fresh
       ON CONFLICT (position) DO NOTHING`,
      [
        JSON.stringify(
          events.map((e) => ({
            position: e.position,
            event_hash: e.hash,
            recorded_at: e.metadata.recordedAt,
          })),
        ),
      ],
    );
  }

  /** A rebuild assigns the same indexes again (same order); signed checkpoints stay valid. */
  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM notary_leaves');
  }
}
