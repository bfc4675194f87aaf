import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `request_hash` was a plain SHA-256 of the request body: one that held a
 * national id could be reversed by trying every id, even after the person was
 * forgotten. Hashes are now keyed (HMAC, apps/api/src/http/idempotency/request-hash.ts)
 * and old records purged after IDEMPOTENCY_RETENTION_HOURS. The unkeyed rows
 * cannot be rehashed (the bodies are not kept), so they go now: a client that
 * retries such a key runs its command again, which the deterministic event ids
 * of every command make harmless.
 */
export class IdempotencyUnkeyedHashes1732300000021 implements MigrationInterface {
  name = 'IdempotencyUnkeyedHashes1732300000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_records`);
  }

  async down(): Promise<void> {
    // Deleted hashes are not brought back.
  }
}
