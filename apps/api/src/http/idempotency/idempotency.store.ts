import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@app/platform';
import { OWNER_LOCK_SPACE } from './idempotency-owner';

/** One key as the client used it: its own, on one route. */
export interface IdempotencyScope {
  caller: string;
  method: string;
  path: string;
  key: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Claim =
  | { kind: 'claimed'; claimId: string }
  | { kind: 'completed'; requestHash: string; response: StoredResponse }
  | { kind: 'running'; requestHash: string }
  | { kind: 'vanished' };

interface RecordRow {
  request_hash: string;
  status: number | null;
  response_body: unknown;
  response_headers: Record<string, string>;
}

const PK = 'caller = $1 AND method = $2 AND path = $3 AND key = $4';

/**
 * `idempotency_records` in PostgreSQL, shared by every API replica. A row
 * without a status is a claim: its request is running. A claim may be taken
 * over at once when its owner (a process incarnation, IdempotencyOwner) no
 * longer holds its lock, or after the lease when the owner is unknown.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async claim(
    scope: IdempotencyScope,
    requestHash: string,
    owner: number,
    leaseSeconds: number,
  ): Promise<Claim> {
    const claimId = randomUUID();
    // pg_try_advisory_xact_lock succeeds only when no live session holds the owner's lock
    // (its process died); it is given back when this statement's transaction ends.
    const inserted = await this.pool.query(
      `INSERT INTO idempotency_records (caller, method, path, key, request_hash, claim_id, owner)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (caller, method, path, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, claim_id = EXCLUDED.claim_id,
             owner = EXCLUDED.owner, started_at = now()
         WHERE idempotency_records.status IS NULL
           AND (idempotency_records.started_at < now() - make_interval(secs => $8)
                OR (idempotency_records.owner IS NOT NULL
                    AND pg_try_advisory_xact_lock(${OWNER_LOCK_SPACE}, idempotency_records.owner)))
       RETURNING claim_id`,
      [...values(scope), requestHash, claimId, owner, leaseSeconds],
    );
    if (inserted.rowCount === 1) return { kind: 'claimed', claimId };
    const found = await this.pool.query<RecordRow>(
      `SELECT request_hash, status, response_body, response_headers FROM idempotency_records WHERE ${PK}`,
      values(scope),
    );
    const row = found.rows[0];
    if (!row) return { kind: 'vanished' };
    if (row.status === null) return { kind: 'running', requestHash: row.request_hash };
    return {
      kind: 'completed',
      requestHash: row.request_hash,
      response: { status: row.status, body: row.response_body, headers: row.response_headers },
    };
  }

  /** Stores the first response; a claim taken over meanwhile is left to its new owner. */
  async complete(scope: IdempotencyScope, claimId: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE idempotency_records
          SET status = $6, response_body = $7::json, response_headers = $8::jsonb, completed_at = now()
        WHERE ${PK} AND claim_id = $5 AND status IS NULL`,
      [
        ...values(scope),
        claimId,
        response.status,
        response.body === undefined ? null : JSON.stringify(response.body),
        JSON.stringify(response.headers),
      ],
    );
  }

  /** Forgets a claim whose request failed, so a corrected retry may use the key. */
  async release(scope: IdempotencyScope, claimId: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM idempotency_records WHERE ${PK} AND claim_id = $5 AND status IS NULL`,
      [...values(scope), claimId],
    );
  }
}

function values(scope: IdempotencyScope): string[] {
  return [scope.caller, scope.method, scope.path, scope.key];
}
