import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-person data keys, wrapped by PII_MASTER_KEY; a NULL key is a forgotten person (tombstone). */
export class PersonalDataKeys1732300000004 implements MigrationInterface {
  name = 'PersonalDataKeys1732300000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_keys (
        person_id text PRIMARY KEY,
        wrapped_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz,
        CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE personal_data_keys`);
  }
}
