import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { CommandProbeController, commandRuns, PublicProbeController } from './support/probe.controllers';

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  let kari: Record<string, string>;
  let ola: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ extraControllers: [CommandProbeController, PublicProbeController] });
    kari = { Authorization: `Bearer ${await t.token({ sub: 'kari', roles: ['project-lead'] })}` };
    ola = { Authorization: `Bearer ${await t.token({ sub: 'ola', roles: ['admin'] })}` };
  });
  afterAll(() => t.close());

  const command = (auth: Record<string, string>, key: string | undefined, body: object) => {
    const req = t.http.post('/test/commands').set(auth);
    return key === undefined ? req.send(body) : req.set('Idempotency-Key', key).send(body);
  };

  it('runs a POST without a key every time', async () => {
    const before = commandRuns.count;
    const [a, b] = [
      await command(kari, undefined, { text: 'x' }).expect(201),
      await command(kari, undefined, { text: 'x' }).expect(201),
    ];
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body.key).toBeNull();
    expect(commandRuns.count - before).toBe(2);
  });

  it('answers a repeat with the first status, body and headers, and runs the handler once', async () => {
    const key = randomUUID();
    const before = commandRuns.count;
    const first = await command(kari, key, { text: 'Blåbær på Ærø, Ŋuolja' }).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await command(kari, key, { text: 'Blåbær på Ærø, Ŋuolja' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe('"1"');
    expect(commandRuns.count - before).toBe(1);
    expect(first.body).toMatchObject({ key, eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const key = randomUUID();
    const first = await command(kari, key, { text: 'a', delayMs: 0 }).expect(201);
    const again = await command(kari, key, { delayMs: 0, text: 'a' }).expect(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('stores the first response in PostgreSQL, scoped by caller, method and path', async () => {
    const key = randomUUID();
    await command(kari, key, { text: 'x' }).expect(201);
    const { rows } = await t.db.pool.query(
      'SELECT caller, method, path, status, length(request_hash) AS hash FROM idempotency_records WHERE key = $1',
      [key],
    );
    expect(rows).toEqual([{ caller: 'kari', method: 'POST', path: '/test/commands', status: 201, hash: 64 }]);
  });

  it('answers the same key with another body with 422 idempotency-key-reused, running nothing', async () => {
    const key = randomUUID();
    await command(kari, key, { text: 'first' }).expect(201);
    const before = commandRuns.count;
    const res = await command(kari, key, { text: 'second' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 422,
      rule: 'idempotency-key-reused',
      detail: expect.stringMatching(/different request body/),
    });
    expect(commandRuns.count).toBe(before);
  });

  it('keeps keys of different callers apart', async () => {
    const key = randomUUID();
    const a = await command(kari, key, { text: 'x' }).expect(201);
    const b = await command(ola, key, { text: 'x' }).expect(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.eventId).not.toBe(a.body.eventId);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });

  it('stores no failed response, so a corrected retry may reuse the key', async () => {
    const key = randomUUID();
    const before = commandRuns.count;
    expect((await command(kari, key, { text: 'x', fail: true })).status).toBe(422);
    expect((await command(kari, key, { text: 'x', colour: 'blå' })).status).toBe(400);
    const ok = await command(kari, key, { text: 'x' }).expect(201);
    expect(ok.headers['idempotent-replayed']).toBeUndefined();
    expect(commandRuns.count - before).toBe(2);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM idempotency_records WHERE key = $1',
      [key],
    );
    expect(rows[0].n).toBe(1);
  });

  it('runs the handler once for concurrent requests with the same key; the others wait and get its response', async () => {
    const key = randomUUID();
    const before = commandRuns.count;
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => command(kari, key, { text: 'samtidig', delayMs: 400 })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect(commandRuns.count - before).toBe(1);
  });

  it('refuses a key longer than 64 characters, an empty one or free text, with 400 naming the header', async () => {
    for (const key of ['k'.repeat(65), ' ', 'Kari Nordmann ringte']) {
      const res = await command(kari, key, { text: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    }
    await command(kari, 'k'.repeat(64), { text: 'x' }).expect(201);
  });

  it('checks the token before the key: a repeat without a token is 401', async () => {
    const key = randomUUID();
    await command(kari, key, { text: 'x' }).expect(201);
    await t.http.post('/test/commands').set('Idempotency-Key', key).send({ text: 'x' }).expect(401);
  });

  it('hands the key to public POST handlers too', async () => {
    const res = await t.http.post('/test/public').set('Idempotency-Key', 'public-1').send({}).expect(200);
    expect(res.body).toEqual({ key: 'public-1' });
    await t.http
      .post('/test/public')
      .set('Idempotency-Key', 'public-1')
      .send({})
      .expect(200, { key: 'public-1' });
  });
});

describe('Idempotency-Key when the first request outlasts the wait', () => {
  let t: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ extraControllers: [CommandProbeController], idempotency: { waitMs: 150 } });
    auth = { Authorization: `Bearer ${await t.token({ sub: 'kari', roles: ['admin'] })}` };
  });
  afterAll(() => t.close());

  it('answers the repeat with 409 and Retry-After, and still runs the handler once', async () => {
    const key = randomUUID();
    const before = commandRuns.count;
    const post = () =>
      t.http
        .post('/test/commands')
        .set(auth)
        .set('Idempotency-Key', key)
        .send({ text: 'slow', delayMs: 1000 });
    const first = post().then((res) => res); // supertest sends only once then() is called
    await new Promise((r) => setTimeout(r, 200));
    const second = await post();
    expect(second.status).toBe(409);
    expect(second.headers['retry-after']).toBe('1');
    expect(second.body).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/still being processed/),
    });
    expect((await first).status).toBe(201);
    const third = await post().expect(201);
    expect(third.headers['idempotent-replayed']).toBe('true');
    expect(commandRuns.count - before).toBe(1);
  });
});
