import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApp, type TestApp } from './support/test-app';

describe('operations endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health reports each dependency and each projection with its lag', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    await store.append(
      `probe-${randomUUID()}`,
      [{ eventId: randomUUID(), type: 'ProbeRecorded', data: {} }],
      'no-stream',
      {
        actor: 'test',
        correlationId: 'c',
      },
    );
    await t.settled();
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, eventStore: { status: 'up', head: 1 } },
    });
    expect(res.body.projections).toContainEqual({
      name: 'stream-catalogue',
      active: true,
      checkpoint: 1,
      lag: 0,
      lastError: null,
    });
    for (const projection of res.body.projections)
      expect(projection).toMatchObject({ active: true, lag: 0, lastError: null });
  });

  it('GET /metrics speaks Prometheus, with the head position and projection lag', async () => {
    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^event_store_head_position \d+$/m);
    expect(res.text).toMatch(/^projection_lag_events\{projection="stream-catalogue"\} 0$/m);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\}/,
    );
  });

  it('serves Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
    const ui = await t.http.get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/health');
  });

  it('answers an unknown path with problem+json 404', async () => {
    const res = await t.http.get('/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', instance: '/v1/nothing-here' });
  });
});
