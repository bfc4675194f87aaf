import { MigrationInterface, QueryRunner } from 'typeorm';

export class StreamCatalogue1732300000002 implements MigrationInterface {
  name = 'StreamCatalogue1732300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stream_catalogue (
        stream_id text PRIMARY KEY,
        category text NOT NULL,
        version integer NOT NULL,
        first_recorded_at timestamptz NOT NULL,
        last_recorded_at timestamptz NOT NULL,
        last_position bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX stream_catalogue_category_idx ON stream_catalogue (category, stream_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stream_catalogue`);
  }
}
