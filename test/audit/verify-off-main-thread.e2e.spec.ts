import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Notary } from '@app/audit';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRuntime } from '@app/platform';
import type { FixedClock } from '@app/shared-kernel';
import { startTestApp, type TestApp } from '../support/test-app';
import { rewriteStoredEvent } from './support/tamper';

const EVENTS = 1_200;
/** About 12 KB of JSON: rehashing one on the event loop took over a millisecond, a page of them over a second. */
const bulky = (n: number) => ({
  n,
  lines: Array.from({ length: 200 }, (_, i) => ({ kind: 'line', i, note: 'notat-xxxxxx', tags: ['a', 'b'] })),
});

/** Issue 12 item 10 / issue 13 item 5: verification hashes on a worker thread; the API keeps answering. */
describe('POST /v1/audit/verify off the main thread', () => {
  let t: TestApp;
  let auditor: Record<string, string>;
  let tampered: { position: number; streamId: string; version: number };

  beforeAll(async () => {
    t = await startTestApp();
    auditor = { Authorization: `Bearer ${await t.token({ sub: 'aud', roles: ['auditor'] })}` };
    const store = t.app.get<EventStore>(EVENT_STORE);
    for (let n = 0; n < EVENTS; n += 100) {
      const events = Array.from({ length: 100 }, (_, i) => ({
        eventId: randomUUID(),
        type: 'BulkRecorded',
        data: bulky(n + i),
      }));
      await store.append(`bulk-${n}`, events, 'no-stream', { actor: 'seed', correlationId: 'seed' });
    }
    await t.app.get(ProjectionRuntime).caughtUp(120_000);
    (t.clock as FixedClock).advance(61_000);
    await t.app.get(Notary).checkpointIfDue();
    const [target] = await store.readAll({ after: 777, limit: 1 });
    tampered = { position: target.position, streamId: target.streamId, version: target.version };
    await rewriteStoredEvent(t.db.pool, target.position, { data: { ...target.data, n: -1 } });
    // The hashing thread starts on first use (under ts-jest it compiles TypeScript as it loads): start it now.
    expect((await t.http.post('/v1/audit/verify').set(auditor)).status).toBe(200);
    // Seeding 1,200 large events and catching every projection up takes a while on a busy 2-core machine.
  }, 240_000);
  afterAll(() => t.close());

  it('never blocks the event loop for long, keeps /health answering, and still names the changed event', async () => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let verifying = true;
    const verification = t.http
      .post('/v1/audit/verify')
      .set(auditor)
      .then((res) => {
        verifying = false;
        return res;
      });
    const waits: number[] = [];
    while (verifying) {
      const started = performance.now();
      expect((await t.http.get('/health')).status).toBe(200);
      waits.push(performance.now() - started);
    }
    const res = await verification;
    loop.disable();

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ verified: false, events: expect.any(Number) });
    expect(res.body.events).toBeGreaterThanOrEqual(EVENTS);
    expect(res.body.failures).toEqual([
      {
        ...tampered,
        reason: expect.stringContaining('the stored content no longer matches its stored hash'),
      },
    ]);
    expect(waits.length).toBeGreaterThan(3);
    // Generous bounds for a loaded 2-core CI machine (another jest worker and PostgreSQL share the cores, so
    // the OS alone can delay a timer by a few hundred ms); hashing on the event loop blocked it for seconds.
    expect(loop.max / 1e6).toBeLessThan(1_000);
    expect(Math.max(...waits)).toBeLessThan(3_000);
  });
});
