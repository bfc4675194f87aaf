import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integration messaging (libs/messaging): the transactional outbox, the log
 * and per-key progress of the in-process bus, and the involvement snapshots
 * the participation.involvements.v1 projection keeps to key and fill its messages.
 */
export class IntegrationMessaging1732300000010 implements MigrationInterface {
  name = 'IntegrationMessaging1732300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE integration_outbox (
        seq bigserial PRIMARY KEY,
        message_id text NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        occurred_at text NOT NULL,
        payload jsonb NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        sent_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX integration_outbox_pending_idx ON integration_outbox (seq) WHERE sent_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE integration_bus_messages (
        position bigserial PRIMARY KEY,
        topic text NOT NULL,
        message_key text NOT NULL,
        message jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX integration_bus_messages_topic_idx ON integration_bus_messages (topic, position)`,
    );
    await q.query(`
      CREATE TABLE integration_bus_progress (
        group_id text NOT NULL,
        topic text NOT NULL,
        message_key text NOT NULL,
        position bigint NOT NULL,
        PRIMARY KEY (group_id, topic, message_key)
      )`);
    await q.query(`
      CREATE TABLE integration_involvement_snapshots (
        involvement_id text PRIMARY KEY,
        participant_id text NOT NULL,
        snapshot jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE integration_involvement_snapshots`);
    await q.query(`DROP TABLE integration_bus_progress`);
    await q.query(`DROP TABLE integration_bus_messages`);
    await q.query(`DROP TABLE integration_outbox`);
  }
}
