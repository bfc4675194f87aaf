import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds an Idempotency-Key claim: the incarnation id of the process that
 * made it, held by that process as a session-level advisory lock
 * (apps/api/src/http/idempotency/idempotency-owner.ts). A claim whose owner's
 * lock is free belongs to a process that died and is taken over at once.
 * Rows from before have no owner and keep the lease.
 */
export class IdempotencyClaimOwners1732300000020 implements MigrationInterface {
  name = 'IdempotencyClaimOwners1732300000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_records ADD COLUMN owner integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_records DROP COLUMN owner`);
  }
}
