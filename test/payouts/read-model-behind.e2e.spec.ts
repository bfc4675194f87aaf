import { ProjectionRuntime } from '@app/platform';
import { expectProblem } from '../participation/support/builders';
import { PayoutsApi } from './support/payouts-api';

/**
 * While the priced-involvement read model is more than 10 s behind the log,
 * the money views answer 503 problem+json (docs/adr/0023), and like every 503
 * the OpenAPI document lists, it says when to try again: Retry-After.
 */
describe('money views while the priced read model is behind', () => {
  let api: PayoutsApi;

  beforeAll(async () => {
    api = await PayoutsApi.start();
  });
  afterAll(() => api.close());

  it('answers the ledger, the draft and the annual report with 503 and Retry-After, then answers once it catches up', async () => {
    const runtime = api.p.t.app.get(ProjectionRuntime);
    const projectId = await api.p.project();
    const participantId = await api.p.participant();
    await api.p.appoint(projectId, participantId);
    await api.p.t.settled();
    await runtime.beforeApplicationShutdown();
    try {
      await api.p.involvement(projectId, participantId, { occurredOn: '2025-03-10' });
      const [ledger, draft, report] = await Promise.all([
        api.p.get(`/v1/participants/${participantId}/honorarium`, 'finance'),
        api.post('/v1/payout-batches', 'frode', { periodEnd: '2025-12-31' }),
        api.p.get('/v1/reports/annual?year=2025', 'auditor'),
      ]);
      for (const res of [ledger, draft, report]) {
        expectProblem(res, 503);
        expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
        expect(res.body.detail).toMatch(/honorarium read model/);
      }
    } finally {
      runtime.onApplicationBootstrap();
    }
    await api.p.t.settled();
    const ledger = await api.p.get(`/v1/participants/${participantId}/honorarium`, 'finance');
    expect(ledger.status).toBe(200);
    expect(ledger.body.lines.length).toBeGreaterThan(0);
  }, 60_000);
});
