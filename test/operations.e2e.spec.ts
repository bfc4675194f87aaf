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
      state: 'active',
      checkpoint: 1,
      lag: 0,
      lastError: null,
    });
    for (const projection of res.body.projections)
      expect(projection).toMatchObject({ active: true, state: 'active', lag: 0, lastError: null });
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

  it('describes every endpoint of the API contract (docs/api.md) in the OpenAPI document', async () => {
    const contract = [
      'post /v1/projects',
      'get /v1/projects/{id}',
      'post /v1/projects/{id}/leads',
      'post /v1/participants',
      'get /v1/participants/{id}',
      'post /v1/participants/{id}/forget',
      'post /v1/projects/{id}/appointments',
      'post /v1/projects/{id}/involvements',
      'get /v1/projects/{id}/involvements',
      'get /v1/involvements/{id}',
      'post /v1/involvements/{id}/corrections',
      'post /v1/involvements/{id}/void',
      'post /v1/involvements/{id}/evidence',
      'get /v1/participants/{id}/honorarium',
      'post /v1/payout-batches',
      'get /v1/payout-batches/{id}',
      'post /v1/payout-batches/{id}/approve',
      'get /v1/payout-batches/{id}/export',
      'post /v1/payout-batches/{id}/payments',
      'post /v1/payout-batches/{id}/cancel',
      'get /v1/audit/events',
      'get /v1/audit/streams/{streamId}',
      'get /v1/audit/participants/{id}/history',
      'get /v1/audit/projects/{id}/participation',
      'get /v1/audit/checkpoints/latest',
      'get /v1/audit/events/{position}/proof',
      'get /v1/audit/consistency',
      'post /v1/audit/verify',
      'get /v1/audit/access-log',
      'get /v1/reports/annual',
      'get /v1/guidelines',
      'post /v1/guidelines/{region}/versions',
      'get /health',
      'get /metrics',
    ];
    const doc = await t.http.get('/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    // Parameter names may differ ({id} vs {projectId}); the shape of the path is the contract.
    const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
    const described = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${shape(path)}`),
    );
    const missing = contract.filter((endpoint) => {
      const [method, path] = endpoint.split(' ');
      return !described.includes(`${method} ${shape(path)}`);
    });
    expect(missing).toEqual([]);
  });

  it('answers an unknown path with problem+json 404', async () => {
    const res = await t.http.get('/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', instance: '/v1/nothing-here' });
  });
});
