import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit index: every event as stored, fed by a projection from the
 * EventStore port (so it works whichever adapter runs), with who it is about.
 */
export class AuditIndex1732300000011 implements MigrationInterface {
  name = 'AuditIndex1732300000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        hash char(64) NOT NULL,
        actor text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX audit_events_stream_idx ON audit_events (stream_id, version)`);
    await q.query(`CREATE INDEX audit_events_type_idx ON audit_events (type, position)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor, position)`);
    await q.query(`CREATE INDEX audit_events_recorded_at_idx ON audit_events (recorded_at, position)`);
    await q.query(`
      CREATE TABLE audit_stream_participants (
        stream_id text NOT NULL,
        participant_id text NOT NULL,
        PRIMARY KEY (stream_id, participant_id)
      )`);
    await q.query(`
      CREATE TABLE audit_event_participants (
        participant_id text NOT NULL,
        position bigint NOT NULL,
        PRIMARY KEY (participant_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event_participants`);
    await q.query(`DROP TABLE audit_stream_participants`);
    await q.query(`DROP TABLE audit_events`);
  }
}
