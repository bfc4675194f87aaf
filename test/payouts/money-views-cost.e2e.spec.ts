import { ProjectionRuntime } from '@app/platform';
import { BACKGROUND_STATEMENTS, StatementCounter, TRANSACTION_BRACKETS } from '../support/statement-counter';
import { PayoutsApi } from './support/payouts-api';

/**
 * Issue 13 items 1, 3 and 4: the money views read the priced-involvement
 * read model, so what they cost PostgreSQL does not grow with the history.
 * Before, the draft, the ledger and the annual report folded and priced every
 * involvement on each request (stream, project, same-day involvements, the
 * guideline catalogue): five times the involvements, five times the
 * statements. Now the draft's "what is owed" is one statement (priced lines
 * minus claimed lines), the report's economy one aggregate, the ledger one
 * read: the same statements for 4 involvements as for 20.
 */
describe('money views cost what they read, not all of history', () => {
  let api: PayoutsApi;
  const statements = StatementCounter.ignoring(BACKGROUND_STATEMENTS, TRANSACTION_BRACKETS);

  beforeAll(async () => {
    api = await PayoutsApi.start();
    statements.install();
  });
  afterAll(async () => {
    statements.uninstall();
    await api.close();
  });

  /** Statements sent while one request is answered, with the projections caught up and stopped. */
  const statementsOf = async (request: () => PromiseLike<{ status: number }>, status: number) => {
    const res = await statements.during(request);
    expect(res.status).toBe(status);
    return [...statements.sent];
  };

  it('the draft, the ledger and the annual report send as many statements for 20 involvements as for 4', async () => {
    const runtime = api.p.t.app.get(ProjectionRuntime);
    const projectId = await api.p.project({ organizationId: 'helse-nord' });
    const people = [await api.p.participant(), await api.p.participant()];
    for (const person of people) await api.p.appoint(projectId, person);
    let day = 1;
    const logTwice = async () => {
      for (const person of people)
        await api.p.involvement(projectId, person, { occurredOn: `2025-03-${String(day).padStart(2, '0')}` });
      day += 1;
    };
    const measure = async () => {
      await api.p.t.settled();
      await runtime.beforeApplicationShutdown();
      const costs = {
        ledger: await statementsOf(
          () => api.p.get(`/v1/participants/${people[0]}/honorarium`, 'finance'),
          200,
        ),
        report: await statementsOf(() => api.p.get('/v1/reports/annual?year=2025', 'auditor'), 200),
        draft: await statementsOf(
          () => api.post('/v1/payout-batches', 'frode', { periodEnd: '2025-12-31' }),
          201,
        ),
      };
      runtime.onApplicationBootstrap();
      return costs;
    };

    for (let i = 0; i < 2; i += 1) await logTwice();
    const few = await measure();
    for (let i = 0; i < 8; i += 1) await logTwice();
    const many = await measure();

    expect(many).toEqual(few);
  });
});
