import { MigrationInterface, QueryRunner } from 'typeorm';

/** Invariant 7: every read of personal data and every audit query is itself recorded. Insert-only. */
export class AccessLog1732300000007 implements MigrationInterface {
  name = 'AccessLog1732300000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        roles text[] NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX access_log_subject_idx ON access_log (subject, at)`);
    await q.query(`CREATE INDEX access_log_at_idx ON access_log (at)`);
    await q.query(`CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION events_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_log`);
  }
}
