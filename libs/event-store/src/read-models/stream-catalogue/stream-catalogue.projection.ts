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

  /** One statement for the batch: per stream, the first event seen and the last one, as `apply` in turn gives. */
  async applyBatch(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    const streams = new Map<string, { first: StoredEvent; last: StoredEvent }>();
    for (const event of events) {
      const seen = streams.get(event.streamId);
      if (seen) seen.last = event;
      else streams.set(event.streamId, { first: event, last: event });
    }
    const rows = [...streams.values()].map(({ first, last }) => ({
      stream_id: last.streamId,
      category: categoryOf(last.streamId),
      version: last.version,
      first_recorded_at: first.metadata.recordedAt,
      last_recorded_at: last.metadata.recordedAt,
      last_position: last.position,
    }));
    await tx.query(
      `INSERT INTO stream_catalogue (stream_id, category, version, first_recorded_at, last_recorded_at, last_position)
       SELECT stream_id, category, version, first_recorded_at, last_recorded_at, last_position
       FROM jsonb_to_recordset($1::jsonb) AS x(stream_id text, category text, version integer,
         first_recorded_at timestamptz, last_recorded_at timestamptz, last_position bigint)
       ON CONFLICT (stream_id) DO UPDATE
         SET version = EXCLUDED.version, last_recorded_at = EXCLUDED.last_recorded_at, last_position = EXCLUDED.last_position`,
      [JSON.stringify(rows)],
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
