import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { PG_POOL } from '@app/platform';

/** Advisory-lock key of "one payout draft at a time" (a fixed 63-bit number, distinct from projection keys). */
export const PAYOUT_DRAFT_LOCK = '7305108151515062371';

/**
 * Runs drafts one at a time across every process: an in-process queue (so
 * one process holds at most one waiting connection) and a PostgreSQL
 * session advisory lock held until the draft's event is appended.
 */
@Injectable()
export class DraftSerializer {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  exclusively<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.locked(work));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async locked<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock($1)', [PAYOUT_DRAFT_LOCK]);
      try {
        return await work(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [PAYOUT_DRAFT_LOCK]).catch((error: Error) => {
          broken = error;
        });
      }
    } finally {
      // A connection whose unlock failed is discarded, which ends its session and so its lock.
      client.release(broken);
    }
  }
}
