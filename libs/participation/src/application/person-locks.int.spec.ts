import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { lockKey, PersonLocks } from './person-locks';

/** The per-person lock (docs/adr/0011): one holder at a time, and a dead holder's lock is free at once. */
describe('PersonLocks', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let locks: PersonLocks;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url, poolSize: 5 }).initialize();
    locks = new PersonLocks(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  /** Another process holding the lock: a session of its own. */
  async function holder(name: string): Promise<Client> {
    const client = new Client({ connectionString: db.url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1::bigint)', [lockKey(name)]);
    return client;
  }

  it('runs one holder at a time: twenty read-then-write increments lose nothing', async () => {
    let counter = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        locks.withLock('person-day:p-1:2025-03-10', async () => {
          const seen = counter;
          await sleep(2);
          counter = seen + 1;
        }),
      ),
    );
    expect(counter).toBe(20);
  });

  it('waits for a holder in another session, and goes on once that session dies without unlocking', async () => {
    const other = await holder('national-id:abc');
    let ran = false;
    const waiting = locks.withLock('national-id:abc', async () => {
      ran = true;
    });
    await sleep(200);
    expect(ran).toBe(false);
    const pid = (await other.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    await db.pool.query('SELECT pg_terminate_backend($1)', [pid]); // the holder crashed
    await waiting;
    expect(ran).toBe(true);
  });

  it('does not hold up another person', async () => {
    const other = await holder('person-day:p-2:2025-03-10');
    try {
      expect(await locks.withLock('person-day:p-3:2025-03-10', async () => 'ran')).toBe('ran');
    } finally {
      await other.end();
    }
  });

  it('releases the lock when the work fails', async () => {
    await expect(
      locks.withLock('person-day:p-4:2025-03-10', async () => {
        throw new Error('append failed');
      }),
    ).rejects.toThrow('append failed');
    expect(await locks.withLock('person-day:p-4:2025-03-10', async () => 'again')).toBe('again');
    const held = await db.pool.query(
      `SELECT count(*)::int AS n FROM pg_locks
       WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(held.rows[0].n).toBe(0);
  });
});
