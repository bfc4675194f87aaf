import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first response to each Idempotency-Key, per caller, method and path
 * (apps/api/src/http/idempotency). A row without a status is a claim: the
 * first request is still running (or its process died: `started_at` tells,
 * and the claim can be taken over after a lease). Only successful responses
 * are kept; a failed request deletes its claim. `response_body` is `json`,
 * not `jsonb`, so a replay keeps the first response's key order.
 */
export class Idempotency1732300000003 implements MigrationInterface {
  name = 'Idempotency1732300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_records (
        caller text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_hash char(64) NOT NULL,
        claim_id uuid NOT NULL,
        status integer CHECK (status BETWEEN 100 AND 599),
        response_body json,
        response_headers jsonb NOT NULL DEFAULT '{}',
        started_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (caller, method, path, key),
        CHECK ((status IS NULL) = (completed_at IS NULL))
      )`);
    // For a retention job that purges old keys.
    await q.query(`CREATE INDEX idempotency_records_started_at_idx ON idempotency_records (started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_records`);
  }
}
