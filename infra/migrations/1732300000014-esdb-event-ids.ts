import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The EventStoreDB adapter's index of appended event ids (docs/adr/0009):
 * ESDB deduplicates ids only per stream, the port across the whole log.
 * Empty when EVENT_STORE=postgres.
 */
export class EsdbEventIds1732300000014 implements MigrationInterface {
  name = 'EsdbEventIds1732300000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE esdb_event_ids (
        event_id uuid PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        global_position bigint NOT NULL CHECK (global_position >= 0),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE esdb_event_ids`);
  }
}
