import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { WrongExpectedVersion } from '../errors';
import { PostgresEventStore } from './postgres-event-store';

const ctx = { actor: 'tester', correlationId: 'scans' };
const event = (n: number, eventId: string = randomUUID()) => ({ eventId, type: 'Counted', data: { n } });

/**
 * An append costs the same on a log of a thousand events as on a log of a
 * billion: it reaches existing rows through the unique indexes only. (The
 * first `event_store_append` had PostgreSQL cache a hash join over the whole
 * table while the table was small, and kept using it as the table grew.)
 * PostgreSQL counts every sequential scan of `events`; after appends of every
 * kind, fast path and conflicts, that count must still be zero.
 */
describe('PostgresEventStore appends never scan the events table', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('new streams, expected versions, retries and wrong expected versions all go through the indexes', async () => {
    const pool = new Pool({ connectionString: db.url, max: 2 });
    const store = new PostgresEventStore({ pool });
    let appended = 0;
    for (let n = 0; n < 30; n++) {
      const first = randomUUID();
      await store.append(`scan-${n}`, [event(n, first)], 'no-stream', ctx);
      await store.append(`scan-${n}`, [event(n)], 1, ctx);
      await store.append(`scan-${n}`, [event(n)], 'any', ctx);
      appended += 3;
      const retry = await store.append(`scan-${n}`, [event(n, first)], 'no-stream', ctx);
      expect(retry.duplicate).toBe(true);
      await expect(store.append(`scan-${n}`, [event(n)], 1, ctx)).rejects.toBeInstanceOf(
        WrongExpectedVersion,
      );
    }
    await store.close();
    await pool.end(); // the server sends a backend's statistics when it ends

    const stats = async () => {
      await db.pool.query(`SELECT pg_stat_clear_snapshot()`);
      const { rows } = await db.pool.query<{ stored: string; seq_scans: string }>(
        `SELECT n_live_tup AS stored, seq_scan AS seq_scans FROM pg_stat_user_tables WHERE relname = 'events'`,
      );
      return rows[0];
    };
    const deadline = Date.now() + 10_000;
    while (Number((await stats()).stored) < appended && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await stats()).toEqual({ stored: String(appended), seq_scans: '0' });
  });
});
