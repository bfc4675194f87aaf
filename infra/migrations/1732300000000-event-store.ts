import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL event store. Events are append-only for real: the database
 * itself refuses UPDATE, DELETE and TRUNCATE. `event_store_head` holds the last
 * global position; appenders lock it, so positions are dense and commit in
 * ascending order (docs/adr/0002-gap-free-global-order.md).
 */
export class EventStore1732300000000 implements MigrationInterface {
  name = 'EventStore1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        global_position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        hash char(64) NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version)
      )`);
    await q.query(`CREATE INDEX events_type_position_idx ON events (type, global_position)`);
    await q.query(`CREATE INDEX events_recorded_at_idx ON events (recorded_at)`);
    await q.query(`
      CREATE TABLE event_store_head (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        position bigint NOT NULL CHECK (position >= 0)
      )`);
    await q.query(`INSERT INTO event_store_head (id, position) VALUES (true, 0)`);
    await q.query(`
      CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the event log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_refuse_change()`);
    await q.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change()`);
    await q.query(`
      CREATE FUNCTION event_store_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' OR NEW.position < OLD.position THEN
          RAISE EXCEPTION 'the event store head only moves forward: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER event_store_head_guard BEFORE UPDATE OR DELETE ON event_store_head
      FOR EACH ROW EXECUTE FUNCTION event_store_head_forward_only()`);
    await q.query(`CREATE TRIGGER event_store_head_no_truncate BEFORE TRUNCATE ON event_store_head
      FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_store_head`);
    await q.query(`DROP TABLE events`);
    await q.query(`DROP FUNCTION event_store_head_forward_only`);
    await q.query(`DROP FUNCTION events_refuse_change`);
  }
}
