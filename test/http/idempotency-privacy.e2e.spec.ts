import { randomBytes, randomUUID } from 'node:crypto';
import { contentHash } from '@app/shared-kernel';
import { IdempotencyRetention } from '@app/platform';
import { RequestHasher } from '../../apps/api/src/http/idempotency/request-hash';
import { startTestApp, type TestApp } from '../support/test-app';
import { CommandProbeController } from './support/probe.controllers';

/**
 * Issue 12, item 5: a stored request hash must not give a body back. With a
 * plain SHA-256, a body holding a national id was found again by trying every
 * id, even after the person was forgotten; records were also kept forever.
 */
describe('Idempotency records keep no reversible trace of a body', () => {
  const masterKey = randomBytes(32);
  let t: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({
      extraControllers: [CommandProbeController],
      env: { PII_MASTER_KEY: masterKey.toString('base64') },
    });
    auth = { Authorization: `Bearer ${await t.token({ sub: 'kari', roles: ['admin'] })}` };
  });
  afterAll(() => t.close());

  const post = (key: string, body: object) =>
    t.http.post('/test/commands').set(auth).set('Idempotency-Key', key).send(body);
  const storedHash = async (key: string): Promise<string> =>
    (await t.db.pool.query('SELECT request_hash FROM idempotency_records WHERE key = $1', [key])).rows[0]
      .request_hash;

  it('stores a keyed hash: not the plain SHA-256 of the body, and another with another secret', async () => {
    const key = randomUUID();
    const body = { text: 'fødselsnummer 15076500565' };
    await post(key, body).expect(201);
    const stored = await storedHash(key);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toBe(contentHash(body));
    expect(stored).toBe(new RequestHasher(masterKey).hash(body));
    expect(stored).not.toBe(new RequestHasher(randomBytes(32)).hash(body));
  });

  it('still replays a repeat with the same body and refuses another body with 422', async () => {
    const key = randomUUID();
    const first = await post(key, { text: 'a', delayMs: 0 }).expect(201);
    const again = await post(key, { delayMs: 0, text: 'a' }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await post(key, { text: 'b' }).expect(422);
    expect(other.body.rule).toBe('idempotency-key-reused');
  });

  it('purges records older than IDEMPOTENCY_RETENTION_HOURS (default 24) and keeps younger ones', async () => {
    const [old, young] = [randomUUID(), randomUUID()];
    await post(old, { text: 'old' }).expect(201);
    await post(young, { text: 'young' }).expect(201);
    await t.db.pool.query(
      `UPDATE idempotency_records SET started_at = now() - interval '25 hours' WHERE key = $1`,
      [old],
    );
    await t.db.pool.query(
      `UPDATE idempotency_records SET started_at = now() - interval '23 hours' WHERE key = $1`,
      [young],
    );
    expect(await t.app.get(IdempotencyRetention).purge()).toBeGreaterThanOrEqual(1);
    const { rows } = await t.db.pool.query('SELECT key FROM idempotency_records WHERE key = ANY($1)', [
      [old, young],
    ]);
    expect(rows).toEqual([{ key: young }]);
    // A purged key runs again: the client's retry window is the retention.
    await post(old, { text: 'old' })
      .expect(201)
      .expect((res) => {
        expect(res.headers['idempotent-replayed']).toBeUndefined();
      });
  });
});

describe('The idempotency retention job', () => {
  let t: TestApp;

  // 0.0005 h = 1.8 s, so the job (which runs at least four times per retention, at most every second) is seen working.
  beforeAll(async () => {
    t = await startTestApp({
      extraControllers: [CommandProbeController],
      env: { IDEMPOTENCY_RETENTION_HOURS: '0.0005' },
    });
  });
  afterAll(() => t.close());

  it('runs by itself in the process that runs workers', async () => {
    const auth = { Authorization: `Bearer ${await t.token({ sub: 'kari', roles: ['admin'] })}` };
    const key = randomUUID();
    await t.http.post('/test/commands').set(auth).set('Idempotency-Key', key).send({ text: 'x' }).expect(201);
    const count = async () =>
      Number(
        (await t.db.pool.query('SELECT count(*) FROM idempotency_records WHERE key = $1', [key])).rows[0]
          .count,
      );
    expect(await count()).toBe(1);
    const deadline = Date.now() + 20_000;
    while ((await count()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await count()).toBe(0);
  });
});
