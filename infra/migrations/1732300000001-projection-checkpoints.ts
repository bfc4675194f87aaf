import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each projection has got to; written in the same transaction as its read-model rows. */
export class ProjectionCheckpoints1732300000001 implements MigrationInterface {
  name = 'ProjectionCheckpoints1732300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL CHECK (position >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_checkpoints`);
  }
}
