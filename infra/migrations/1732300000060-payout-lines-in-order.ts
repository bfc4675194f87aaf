import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payout batch lines read in pages and exported as a stream (docs/adr/0024):
 * `payout_lines.line_no` is a line's place in its batch (the order the draft
 * gave it), the key pages and exports follow; `payout_batches` gains the
 * batch's stream version (its ETag) and who cancelled it and why, so a page
 * needs no fold of the batch's stream. The rows are emptied and the
 * payout-lines projection's checkpoint set to 0: the projection runner replays
 * the log into them at its next start (approved batches enqueue nothing twice:
 * the outbox message id comes from the event id).
 */
export class PayoutLinesInOrder1732300000060 implements MigrationInterface {
  name = 'PayoutLinesInOrder1732300000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM payout_lines`);
    await q.query(`DELETE FROM payout_batches`);
    await q.query(`ALTER TABLE payout_lines ADD COLUMN line_no integer NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX payout_lines_batch_order_idx ON payout_lines (batch_id, line_no)`);
    await q.query(`ALTER TABLE payout_batches ADD COLUMN version integer NOT NULL`);
    await q.query(`ALTER TABLE payout_batches ADD COLUMN cancelled_by text`);
    await q.query(`ALTER TABLE payout_batches ADD COLUMN cancel_reason text`);
    await q.query(
      `UPDATE projection_checkpoints SET position = 0, updated_at = now() WHERE name = 'payout-lines'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payout_lines_batch_order_idx`);
    await q.query(`ALTER TABLE payout_lines DROP COLUMN line_no`);
    await q.query(`ALTER TABLE payout_batches DROP COLUMN version`);
    await q.query(`ALTER TABLE payout_batches DROP COLUMN cancelled_by`);
    await q.query(`ALTER TABLE payout_batches DROP COLUMN cancel_reason`);
  }
}
