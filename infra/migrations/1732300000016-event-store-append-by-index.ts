import { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_APPEND_V1 } from './1732300000015-event-store-append-function';

/**
 * `event_store_append` without table scans (docs/adr/0002-gap-free-global-order.md).
 *
 * The first version checked the batch's event ids with `IN (SELECT …)`. PL/pgSQL
 * caches that plan per connection from the first calls, when `events` is nearly
 * empty, as a hash join over a sequential scan, and keeps it until the table is
 * next analysed: every append then read the whole table (the bench fell from
 * 5k to 2k events/s between 20,000 and 60,000 events).
 *
 * Now the unique indexes do the checking as the rows go in: an event id already
 * stored, or a stream already past the assumed version, is a unique violation,
 * which rolls the insert back and reports what was found, looked up one row at
 * a time. What a unique index cannot see, a stream not yet at its assumed
 * version, is one index probe per stream whose assumed version is not 0.
 *
 * `event_store_append_durably` runs a batch and its durability barrier in one
 * CALL, with the batch as a bound parameter (no quoting in Node, no lexing of
 * a large literal in PostgreSQL).
 */
export class EventStoreAppendByIndex1732300000016 implements MigrationInterface {
  name = 'EventStoreAppendByIndex1732300000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION event_store_append(batch jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        head bigint;
        written bigint;
      BEGIN
        -- Held to COMMIT: positions are dense and become visible in order.
        SELECT position INTO head FROM event_store_head FOR UPDATE;
        -- A stream behind its assumed version (0 is "no stream yet": the insert checks that).
        IF EXISTS (SELECT 1 FROM jsonb_array_elements(batch->'checks') x
                    WHERE (x->>'version')::integer <> 0
                      AND (SELECT e.version FROM events e
                            WHERE e.stream_id = x->>'streamId' AND e.version = (x->>'version')::integer) IS NULL) THEN
          RETURN event_store_append_conflicts(batch);
        END IF;
        BEGIN
          INSERT INTO events (global_position, stream_id, version, event_id, type, data, metadata, hash, recorded_at)
          SELECT head + r.ordinal, r.stream_id, r.version, r.event_id, r.type, r.data, r.metadata, r.hash, r.recorded_at
            FROM jsonb_to_recordset(batch->'rows') AS r(ordinal bigint, stream_id text, version integer, event_id uuid,
                 type text, data jsonb, metadata jsonb, hash text, recorded_at timestamptz);
        EXCEPTION WHEN unique_violation THEN
          RETURN event_store_append_conflicts(batch);
        END;
        GET DIAGNOSTICS written = ROW_COUNT;
        UPDATE event_store_head SET position = head + written;
        PERFORM pg_notify('bm_events_appended', (head + written)::text);
        RETURN jsonb_build_object('firstPosition', head + 1, 'head', head + written);
      END $$`);
    // Scalar subqueries run per element through the unique indexes; LIMIT keeps them from becoming joins.
    await q.query(`
      CREATE FUNCTION event_store_append_conflicts(batch jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object(
          'storedIds', COALESCE((
            SELECT jsonb_agg(stored) FROM (
              SELECT (SELECT jsonb_build_object('eventId', e.event_id, 'streamId', e.stream_id,
                                                'version', e.version, 'position', e.global_position)
                        FROM events e WHERE e.event_id = (r->>'event_id')::uuid LIMIT 1) AS stored
                FROM jsonb_array_elements(batch->'rows') r) s
             WHERE stored IS NOT NULL), '[]'::jsonb),
          'movedStreams', COALESCE((
            SELECT jsonb_agg(jsonb_build_object('streamId', c.stream_id, 'version', c.current)) FROM (
              SELECT x->>'streamId' AS stream_id, (x->>'version')::integer AS assumed,
                     COALESCE((SELECT e.version FROM events e WHERE e.stream_id = x->>'streamId'
                                ORDER BY e.version DESC LIMIT 1), 0) AS current
                FROM jsonb_array_elements(batch->'checks') x) c
             WHERE c.current <> c.assumed), '[]'::jsonb))
      $$`);
    // One CALL per batch, the batch as a parameter: commit without waiting for the disk (the lock
    // goes to the next batch), then the durability barrier, a transaction that writes one WAL
    // record and so is flushed at commit, covering every earlier record.
    await q.query(`
      CREATE PROCEDURE event_store_append_durably(batch jsonb, INOUT outcome jsonb DEFAULT NULL) LANGUAGE plpgsql AS $$
      BEGIN
        SET LOCAL synchronous_commit TO OFF;
        outcome := event_store_append(batch);
        COMMIT;
        -- Also after a conflict: a retry is answered from rows another batch may have only just
        -- committed, and must not be told "appended" before they are on disk either.
        PERFORM pg_logical_emit_message(true, 'bm-durable', '');
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP PROCEDURE event_store_append_durably(jsonb, jsonb)`);
    await q.query(`DROP FUNCTION event_store_append_conflicts(jsonb)`);
    await q.query(`DROP FUNCTION event_store_append(jsonb)`);
    await q.query(EVENT_STORE_APPEND_V1);
  }
}
