import { MigrationInterface, QueryRunner } from 'typeorm';

/** The function's first body; migration 1732300000016 replaces it and restores it on the way down. */
export const EVENT_STORE_APPEND_V1 = `
      CREATE FUNCTION event_store_append(batch jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        head bigint;
        stored jsonb;
        moved jsonb;
        written bigint;
      BEGIN
        -- Held to COMMIT: positions are dense and become visible in order.
        SELECT position INTO head FROM event_store_head FOR UPDATE;
        -- Each statement below takes a fresh snapshot, so it sees every earlier holder's rows.
        SELECT jsonb_agg(jsonb_build_object('eventId', e.event_id, 'streamId', e.stream_id,
                                            'version', e.version, 'position', e.global_position))
          INTO stored
          FROM events e
         WHERE e.event_id IN (SELECT (r->>'event_id')::uuid FROM jsonb_array_elements(batch->'rows') r);
        SELECT jsonb_agg(jsonb_build_object('streamId', c.stream_id, 'version', c.current))
          INTO moved
          FROM (SELECT x->>'streamId' AS stream_id, (x->>'version')::integer AS assumed,
                       COALESCE((SELECT max(e.version) FROM events e WHERE e.stream_id = x->>'streamId'), 0) AS current
                  FROM jsonb_array_elements(batch->'checks') x) c
         WHERE c.current <> c.assumed;
        IF stored IS NOT NULL OR moved IS NOT NULL THEN
          RETURN jsonb_build_object('storedIds', COALESCE(stored, '[]'::jsonb), 'movedStreams', COALESCE(moved, '[]'::jsonb));
        END IF;
        INSERT INTO events (global_position, stream_id, version, event_id, type, data, metadata, hash, recorded_at)
        SELECT head + r.ordinal, r.stream_id, r.version, r.event_id, r.type, r.data, r.metadata, r.hash, r.recorded_at
          FROM jsonb_to_recordset(batch->'rows') AS r(ordinal bigint, stream_id text, version integer, event_id uuid,
               type text, data jsonb, metadata jsonb, hash text, recorded_at timestamptz);
        GET DIAGNOSTICS written = ROW_COUNT;
        UPDATE event_store_head SET position = head + written;
        PERFORM pg_notify('bm_events_appended', (head + written)::text);
        RETURN jsonb_build_object('firstPosition', head + 1, 'head', head + written);
      END $$`;

/**
 * Appending becomes one statement under the head lock
 * (docs/adr/0002-gap-free-global-order.md, "One statement under the lock"):
 * `event_store_append(batch)` takes the lock, checks the writer's assumptions
 * (no event id stored yet, each stream at the version the rows were hashed
 * for) and either writes every row with the next positions or writes nothing
 * and reports what moved. It also drops two indexes no query uses: every
 * index on `events` is paid inside the lock.
 */
export class EventStoreAppendFunction1732300000015 implements MigrationInterface {
  name = 'EventStoreAppendFunction1732300000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS events_type_position_idx`);
    await q.query(`DROP INDEX IF EXISTS events_recorded_at_idx`);
    await q.query(EVENT_STORE_APPEND_V1);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION event_store_append(jsonb)`);
    await q.query(`CREATE INDEX events_type_position_idx ON events (type, global_position)`);
    await q.query(`CREATE INDEX events_recorded_at_idx ON events (recorded_at)`);
  }
}
