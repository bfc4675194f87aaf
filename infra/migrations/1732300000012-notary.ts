import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notary: one leaf per event in global order (leaf_index dense from 0,
 * mapped to the store's position, which need not be dense), and the signed
 * checkpoints. Checkpoints are signed statements: insert-only.
 */
export class Notary1732300000012 implements MigrationInterface {
  name = 'Notary1732300000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notary_leaves (
        leaf_index bigint PRIMARY KEY,
        position bigint NOT NULL UNIQUE,
        event_hash char(64) NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE notary_checkpoints (
        tree_size bigint PRIMARY KEY,
        origin text NOT NULL,
        root_hash text NOT NULL,
        signed_at text NOT NULL,
        signature text NOT NULL,
        public_key text NOT NULL
      )`);
    await q.query(`CREATE TRIGGER notary_checkpoints_append_only BEFORE UPDATE OR DELETE ON notary_checkpoints
      FOR EACH ROW EXECUTE FUNCTION events_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notary_checkpoints`);
    await q.query(`DROP TABLE notary_leaves`);
  }
}
