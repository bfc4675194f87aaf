import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { Conflict } from '@app/shared-kernel';

/** The connection that holds the lock: statements on it commit one by one, outside any transaction. */
export type LockedConnection = Pick<QueryRunner, 'query'>;

const WAIT_MS = 10_000;
const POLL_MS = { min: 5, max: 40 };

/** A stable 63-bit key, namespaced so it never meets a projection's lock (event-store advisoryKey). */
export function lockKey(name: string): string {
  const digest = createHash('sha256').update(`participation-lock:${name}`).digest();
  return (digest.readBigUInt64BE(0) & 0x7fffffffffffffffn).toString();
}

/**
 * Serialises check-and-append per person (docs/adr/0011) with a PostgreSQL
 * session advisory lock, so it holds across API replicas sharing the
 * database, and a dead holder's lock goes with its connection.
 *
 * A waiter polls with `pg_try_advisory_lock` and holds no connection between
 * tries, so waiters can never take every connection from the holder. The
 * holder runs its read-model statements on the locking connection; the event
 * store has a pool of its own.
 */
@Injectable()
export class PersonLocks {
  constructor(private readonly db: DataSource) {}

  async withLock<T>(name: string, work: (connection: LockedConnection) => Promise<T>): Promise<T> {
    return this.withLockTaken(
      name,
      async (connection, key) => {
        const [row] = (await connection.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
          key,
        ])) as [{ locked: boolean }];
        return row.locked ? true : null;
      },
      (connection) => work(connection),
    );
  }

  /**
   * Like `withLock`, where `take` tries the lock (by `pg_try_advisory_lock` on
   * `key`) and does the holder's first work in the same round trip: it
   * answers null, having done nothing, when the lock is busy. A `take` that
   * fails may hold the lock: its connection is closed, not pooled.
   */
  async withLockTaken<R, T>(
    name: string,
    take: (connection: LockedConnection, key: string) => Promise<R | null>,
    work: (connection: LockedConnection, taken: R) => Promise<T>,
  ): Promise<T> {
    const key = lockKey(name);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const runner = this.db.createQueryRunner();
      await runner.connect();
      let taken: R | null;
      try {
        taken = await take(runner, key);
      } catch (error) {
        await closeConnection(runner, error);
        throw error;
      }
      try {
        if (taken !== null) return await work(runner, taken);
      } finally {
        await unlockAndRelease(runner, taken !== null ? key : null);
      }
      if (Date.now() > deadline)
        throw new Conflict('Another request for the same person is still being processed; retry in a moment');
      await sleep(POLL_MS.min + Math.random() * (POLL_MS.max - POLL_MS.min));
    }
  }
}

/** A connection whose unlock failed is closed rather than pooled, so the lock can never outlive the work. */
async function unlockAndRelease(runner: QueryRunner, key: string | null): Promise<void> {
  try {
    if (key !== null) await runner.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
  } catch (error) {
    await closeConnection(runner, error);
    return;
  }
  await runner.release();
}

async function closeConnection(runner: QueryRunner, error: unknown): Promise<void> {
  await (
    runner as QueryRunner & { releasePostgresConnection(err: Error): Promise<void> }
  ).releasePostgresConnection(error instanceof Error ? error : new Error(String(error)));
}
