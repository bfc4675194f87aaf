import type { Pool } from 'pg';

/** Where an event id was stored: its stream, version and `$all` position. */
export interface StoredEventId {
  streamId: string;
  version: number;
  position: number;
}

/**
 * EventStoreDB deduplicates event ids only within one stream and one expected
 * revision. The port promises more: an id is stored once in the whole log, a
 * retry gets the first result, and reuse elsewhere is a conflict. This index
 * (table `esdb_event_ids`, in the read-model database) remembers every id the
 * adapter appended. It is written after ESDB accepted the append; the adapter
 * also scans the target stream, so a crash between the two still makes a
 * retry on the same stream a plain duplicate (docs/adr/0009).
 */
export class EventIdIndex {
  constructor(private readonly pool: Pool) {}

  async lookup(eventIds: string[]): Promise<Map<string, StoredEventId>> {
    const result = await this.pool.query<{
      event_id: string;
      stream_id: string;
      version: number;
      global_position: string;
    }>(
      'SELECT event_id, stream_id, version, global_position FROM esdb_event_ids WHERE event_id = ANY($1::uuid[])',
      [eventIds],
    );
    return new Map(
      result.rows.map((r) => [
        r.event_id,
        { streamId: r.stream_id, version: r.version, position: Number(r.global_position) },
      ]),
    );
  }

  /** Records ids; ids already recorded (a concurrent identical append) are left as they are. */
  async record(entries: Array<[string, StoredEventId]>): Promise<void> {
    if (entries.length === 0) return;
    await this.pool.query(
      `INSERT INTO esdb_event_ids (event_id, stream_id, version, global_position)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bigint[])
       ON CONFLICT (event_id) DO NOTHING`,
      [
        entries.map(([id]) => id),
        entries.map(([, e]) => e.streamId),
        entries.map(([, e]) => e.version),
        entries.map(([, e]) => String(e.position)),
      ],
    );
  }
}
