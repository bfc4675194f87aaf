import { startTestApp, type TestApp } from '../support/test-app';
import { AuthProbeController, PublicProbeController } from './support/probe.controllers';

type Res = { status: number; headers: Record<string, string>; body: any };

function expectTooMany(res: Res, perWhat: RegExp) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 429, title: 'Too many requests' });
  expect(res.body.detail).toMatch(perWhat);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
}

/** Issue 12 item 10: per-caller rate limits with @nestjs/throttler, by token sub, else by client IP. */
describe('per-caller rate limits', () => {
  describe('RATE_LIMIT_PER_MINUTE=5', () => {
    let t: TestApp;
    const bearer = async (sub: string) => ({
      Authorization: `Bearer ${await t.token({ sub, roles: ['auditor'] })}`,
    });

    beforeAll(async () => {
      t = await startTestApp({
        env: { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_BURST: 'off' },
        extraControllers: [AuthProbeController, PublicProbeController],
      });
    });
    afterAll(() => t.close());

    it('answers the sixth request of a caller within a minute with 429 problem+json and Retry-After', async () => {
      const kari = await bearer('kari');
      // One budget across the API, not one per route.
      const paths = ['/v1/guidelines', '/test/auth/me', '/v1/guidelines', '/test/auth/me', '/v1/guidelines'];
      for (const path of paths) expect((await t.http.get(path).set(kari)).status).toBe(200);
      const refused = await t.http.get('/v1/guidelines').set(kari);
      expectTooMany(refused, /at most 5 per minute/);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    });

    it('keys by the verified caller: another sub from the same address keeps its own budget', async () => {
      const ola = await bearer('ola');
      for (let i = 0; i < 5; i += 1) expect((await t.http.get('/v1/guidelines').set(ola)).status).toBe(200);
      expectTooMany(await t.http.get('/v1/guidelines').set(ola), /per minute/);
      expect((await t.http.get('/v1/guidelines').set(await bearer('per'))).status).toBe(200);
    });

    it('keys a request without a caller by its client address', async () => {
      for (let i = 0; i < 5; i += 1) expect((await t.http.get('/test/public')).status).toBe(200);
      expectTooMany(await t.http.get('/test/public'), /per minute/);
      // The address's budget is not a token holder's.
      expect((await t.http.get('/test/auth/me').set(await bearer('siri'))).status).toBe(200);
    });

    it('never limits /health, /metrics or /docs', async () => {
      for (let i = 0; i < 12; i += 1) {
        expect((await t.http.get('/health')).status).toBe(200);
        expect((await t.http.get('/metrics')).status).toBe(200);
      }
      for (let i = 0; i < 7; i += 1) expect((await t.http.get('/docs-json')).status).toBe(200);
    });
  });

  describe('RATE_LIMIT_BURST=3', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: 'off' } });
    });
    afterAll(() => t.close());

    it('refuses a fourth request fired in the same second', async () => {
      const token = await t.token({ sub: 'burst', roles: ['auditor'] });
      const responses = await Promise.all(
        Array.from({ length: 4 }, () => t.http.get('/v1/guidelines').set('Authorization', `Bearer ${token}`)),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 429]);
      expectTooMany(responses.find((r) => r.status === 429) as Res, /at most 3 per second/);
    });
  });
});
