import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model: payout lines with their status (libs/payouts/src/read-models/payout-lines.projection.ts). */
export class PayoutLines1732300000008 implements MigrationInterface {
  name = 'PayoutLines1732300000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payout_lines (
        line_id text PRIMARY KEY,
        batch_id text NOT NULL,
        participant_id text NOT NULL,
        involvement_id text NOT NULL,
        project_id text NOT NULL,
        organization_id text NOT NULL,
        occurred_on text NOT NULL,
        kind text NOT NULL,
        amount_ore bigint NOT NULL,
        taxable boolean NOT NULL,
        income_type text NOT NULL,
        adjusts_line_id text,
        status text NOT NULL CHECK (status IN ('draft', 'approved', 'paid', 'failed', 'cancelled')),
        reference text,
        reason text,
        paid_at timestamptz,
        drafted_position bigint NOT NULL,
        drafted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX payout_lines_batch_idx ON payout_lines (batch_id)`);
    await q.query(`CREATE INDEX payout_lines_participant_idx ON payout_lines (participant_id, status)`);
    await q.query(`CREATE INDEX payout_lines_involvement_idx ON payout_lines (involvement_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payout_lines`);
  }
}
