import { LogVerifier } from '@app/audit';
import { AnnualReportQueries } from '@app/reporting';
import { startTestApp, type TestApp } from '../support/test-app';

type Res = { status: number; headers: Record<string, string>; body: any };

/** Holds every call of `object[method]` until released; `entered` resolves when the first call has begun. */
function hold<T extends object>(object: T, method: keyof T & string) {
  const original = (object as any)[method].bind(object);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const first = new Promise<void>((resolve) => (entered = resolve));
  (object as any)[method] = async (...args: unknown[]) => {
    entered();
    await released;
    return original(...args);
  };
  return { entered: first, release };
}

function expectBusy(res: Res, kind: string) {
  expect(res.status).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 503, title: 'Service unavailable' });
  expect(res.body.detail).toContain(kind);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
}

/** Issue 12 item 10: bounded concurrency for expensive operations, 503 with Retry-After when busy. */
describe('expensive operations, EXPENSIVE_CONCURRENCY=1 and EXPENSIVE_QUEUE=1', () => {
  let t: TestApp;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ env: { EXPENSIVE_CONCURRENCY: '1', EXPENSIVE_QUEUE: '1' } });
    auditor = { Authorization: `Bearer ${await t.token({ sub: 'aud', roles: ['auditor', 'admin'] })}` };
  });
  afterAll(() => t.close());

  it('runs one annual report, queues one, refuses the rest with 503 and Retry-After; /health answers meanwhile', async () => {
    const report = () => t.http.get('/v1/reports/annual?year=2025').set(auditor);
    const held = hold(t.app.get(AnnualReportQueries, { strict: false }), 'annual');
    const first = report().then((r) => r);
    await held.entered;
    const queued = report().then((r) => r);
    const refused = await Promise.all([report(), report(), report()]);
    for (const res of refused) expectBusy(res, 'annual-report');
    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    // Another kind has a gate of its own.
    expect((await t.http.post('/v1/audit/verify').set(auditor)).status).toBe(200);

    held.release();
    expect((await first).status).toBe(200);
    expect((await queued).status).toBe(200);
    expect((await report()).status).toBe(200);
  });

  it('gates POST /v1/audit/verify the same way', async () => {
    const verifier = t.app.get(LogVerifier, { strict: false });
    const held = hold(verifier, 'verify');
    const verify = () => t.http.post('/v1/audit/verify').set(auditor);
    const first = verify().then((r) => r);
    await held.entered;
    const queued = verify().then((r) => r);
    expectBusy(await verify(), 'audit-verify');
    held.release();
    expect((await first).status).toBe(200);
    expect((await queued).status).toBe(200);
  });
});
