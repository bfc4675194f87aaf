import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model: one row per payout batch (libs/payouts/src/read-models/payout-lines.projection.ts). */
export class PayoutBatches1732300000009 implements MigrationInterface {
  name = 'PayoutBatches1732300000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payout_batches (
        batch_id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('draft', 'approved', 'settled', 'cancelled')),
        period_end text NOT NULL,
        organization_id text,
        created_by text NOT NULL,
        approved_by text,
        line_count integer NOT NULL,
        total_ore bigint NOT NULL,
        drafted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX payout_batches_status_idx ON payout_batches (status, drafted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payout_batches`);
  }
}
