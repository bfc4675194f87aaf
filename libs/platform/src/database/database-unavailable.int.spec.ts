import { Client, Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { isDatabaseUnavailable } from './database-unavailable';

/** Real errors from node-postgres and a real server, as the HTTP layer meets them (503, not 500). */
describe('isDatabaseUnavailable', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const errorOf = async (work: () => Promise<unknown>): Promise<unknown> => {
    try {
      await work();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error');
  };

  it('recognises a refused connection', async () => {
    const client = new Client({ connectionString: 'postgres://nobody:x@127.0.0.1:1/none' });
    expect(isDatabaseUnavailable(await errorOf(() => client.connect()))).toBe(true);
  });

  it('recognises a connection the server ended (57P01), also wrapped by TypeORM, and the query after it', async () => {
    const client = new Client({ connectionString: db.url });
    client.on('error', () => undefined);
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const terminated = errorOf(() => client.query('SELECT pg_sleep(5)'));
    await new Promise((r) => setTimeout(r, 100));
    await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    const error = await terminated;
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT pg_sleep(5)', [], error as Error))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(() => client.query('SELECT 1')))).toBe(true);
  });

  it('recognises a pool that cannot hand out a connection in time', async () => {
    // The one connection is opened without a deadline (on a loaded machine that can take longer than 50 ms);
    // only the second request, which must wait for it, gets the short one.
    const pool = new Pool({ connectionString: db.url, max: 1 });
    const held = await pool.connect();
    pool.options.connectionTimeoutMillis = 50;
    try {
      expect(isDatabaseUnavailable(await errorOf(() => pool.connect()))).toBe(true);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('does not take a wrong query, a broken rule or an application error for an outage', async () => {
    expect(isDatabaseUnavailable(await errorOf(() => db.pool.query('SELEC 1')))).toBe(false);
    expect(isDatabaseUnavailable(await errorOf(() => db.pool.query('SELECT 1/0')))).toBe(false);
    expect(isDatabaseUnavailable(new Error('participant not found'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
