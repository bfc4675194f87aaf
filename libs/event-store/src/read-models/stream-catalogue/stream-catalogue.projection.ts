import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../event-store.port';
import type { Projection } from '../../projections/projection';

/**
 * StreamCatalogue: one row per stream (category, version, first and last
 * recorded), so operators and auditors can list what the log holds without
 * scanning it.
 */
export class StreamCatalogueProjection implements Projection {
  readonly name = 'stream-catalogue';
  readonly handles = '*';

  async apply(event: StoredEvent, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO stream_catalogue (stream_id, category, version, first_recorded_at, last_recorded_at, last_position)
       VALUES ($1, $2, $3, $4, $4, $5)
       ON CONFLICT (stream_id) DO UPDATE
         SET version = EXCLUDED.version, last_recorded_at = EXCLUDED.last_recorded_at, last_position = EXCLUDED.last_position`,
      [event.streamId, categoryOf(event.streamId), event.version, event.metadata.recordedAt, event.position],
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM stream_catalogue');
  }
}

/** Stream ids are `<category>-<id>`; the category is what comes before the first dash. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}
