import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { OWNER_LOCK_SPACE } from '../../apps/api/src/http/idempotency/idempotency-owner';
import { RequestHasher } from '../../apps/api/src/http/idempotency/request-hash';
import { startTestApp, type TestApp } from '../support/test-app';
import { CommandProbeController, commandRuns } from './support/probe.controllers';

/**
 * Issue 12, item 14: a claim left by a process that died is free at once, on
 * any replica; a claim of a live process still makes a repeat wait. The fault
 * suite (test/fault) shows the same with a real kill -9.
 */
describe('Idempotency-Key claims of a process that died', () => {
  const masterKey = randomBytes(32);
  const body = { text: 'gjenopptak' };
  let t: TestApp;
  let auth: Record<string, string>;
  const sessions: Client[] = [];

  beforeAll(async () => {
    // The lease stays at its 120 s default: the takeover must not wait for it.
    t = await startTestApp({
      extraControllers: [CommandProbeController],
      idempotency: { waitMs: 300 },
      env: { PII_MASTER_KEY: masterKey.toString('base64') },
    });
    auth = { Authorization: `Bearer ${await t.token({ sub: 'kari', roles: ['admin'] })}` };
  });
  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.end().catch(() => undefined)));
    await t.close();
  });

  const post = (key: string) =>
    t.http.post('/test/commands').set(auth).set('Idempotency-Key', key).send(body);

  /** A claim as another replica leaves it: owned by the incarnation whose lock `holder` holds (or held). */
  async function claimOf(owner: number, key: string): Promise<void> {
    await t.db.pool.query(
      `INSERT INTO idempotency_records (caller, method, path, key, request_hash, claim_id, owner)
       VALUES ('kari', 'POST', '/test/commands', $1, $2, $3, $4)`,
      [key, new RequestHasher(masterKey).hash(body), randomUUID(), owner],
    );
  }

  async function replica(): Promise<{ owner: number; die: () => Promise<void> }> {
    const session = new Client({ connectionString: t.db.url });
    session.on('error', () => undefined);
    sessions.push(session);
    await session.connect();
    const owner = 1_000_000 + Math.floor(Math.random() * 1_000_000);
    await session.query('SELECT pg_advisory_lock($1, $2)', [OWNER_LOCK_SPACE, owner]);
    return { owner, die: () => session.end() };
  }

  it('runs a key whose owner is gone at once, not after the lease', async () => {
    const other = await replica();
    const key = randomUUID();
    await claimOf(other.owner, key);
    await other.die(); // its connection closes, as a killed process's does
    const before = commandRuns.count;
    const started = Date.now();
    const res = await post(key).expect(201);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(commandRuns.count - before).toBe(1);
    await post(key).expect(201).expect('Idempotent-Replayed', 'true');
  });

  it('keeps a repeat waiting while the owner lives (409 after the wait), and runs it once the owner is gone', async () => {
    const other = await replica();
    const key = randomUUID();
    await claimOf(other.owner, key);
    const waiting = await post(key).expect(409);
    expect(waiting.headers['retry-after']).toBe('1');
    await other.die();
    await post(key).expect(201);
  });

  it('records this process as the owner of its claims', async () => {
    const key = randomUUID();
    await post(key).expect(201);
    const { rows } = await t.db.pool.query<{ owner: number; held: boolean }>(
      `SELECT r.owner, EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.classid = $2
                                 AND l.objid = r.owner AND l.objsubid = 2 AND l.granted) AS held
         FROM idempotency_records r WHERE r.key = $1`,
      [key, OWNER_LOCK_SPACE],
    );
    expect(rows).toEqual([{ owner: expect.any(Number), held: true }]);
  });
});
