import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { AdvisoryLock } from './advisory-lock';

/**
 * A standby process (`npm run start:worker` beside `npm start`) asks for each
 * lock every round; the pooled connection it is lent must come back as it was.
 */
describe('AdvisoryLock on a standby process', () => {
  let db: TestDatabase;
  let standbyPool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    standbyPool = new Pool({ connectionString: db.url, max: 1 });
  });
  afterAll(async () => {
    await standbyPool.end();
    await db.drop();
  });

  it('leaves no listener behind on the pooled connection, however often it tries', async () => {
    const holder = new AdvisoryLock(db.pool, 'relay');
    const standby = new AdvisoryLock(standbyPool, 'relay');
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      expect(await holder.acquire()).toBe(true);
      for (let round = 0; round < 15; round += 1) expect(await standby.acquire()).toBe(false);
      const client = await standbyPool.connect();
      try {
        expect(client.listenerCount('error')).toBeLessThanOrEqual(1);
      } finally {
        client.release();
      }
      await holder.release();
      expect(await standby.acquire()).toBe(true);
      await standby.release();
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      await holder.release();
      await standby.release();
    }
  });
});
