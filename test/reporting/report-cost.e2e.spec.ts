import { ProjectionRuntime } from '@app/platform';
import { BACKGROUND_STATEMENTS, StatementCounter, TRANSACTION_BRACKETS } from '../support/statement-counter';
import { ParticipationApi } from '../participation/support/builders';

/**
 * Issue 13 item 4 (docs/adr/0031): the annual report's counts are SQL
 * aggregates over the reporting read model and its reality classification
 * reads every project's involvements, meetings and appointments in one
 * statement each; the yearly account's money per month is one GROUP BY over
 * the priced-involvement read model. Before, the report loaded each project's
 * stream (and its appointments) and the yearly account priced every
 * involvement from its stream: more projects or involvements, more statements.
 */
describe('the annual report and the yearly account cost the same statements for any year', () => {
  let api: ParticipationApi;
  const statements = StatementCounter.ignoring(BACKGROUND_STATEMENTS, TRANSACTION_BRACKETS);

  beforeAll(async () => {
    api = await ParticipationApi.start();
    statements.install();
  });
  afterAll(async () => {
    statements.uninstall();
    await api.close();
  });

  /** Statements sent while one request is answered, with the projections caught up and stopped. */
  const statementsOf = async (path: string) => {
    const res = await statements.during(() => api.get(path, 'auditor'));
    expect(res.status).toBe(200);
    // The yearly account reads its parts side by side: the order of their statements is not part of the cost.
    return [...statements.sent].sort();
  };

  it('sends as many statements for 20 involvements in 4 projects as for 4 in 1', async () => {
    const runtime = api.t.app.get(ProjectionRuntime);
    const projectWithPeople = async () => {
      const projectId = await api.project({ organizationId: 'helse-nord' });
      const people = [await api.participant(), await api.participant()];
      for (const person of people) await api.appoint(projectId, person);
      return { projectId, people };
    };
    let day = 1;
    const logTwice = async ({ projectId, people }: { projectId: string; people: string[] }) => {
      for (const person of people)
        await api.involvement(projectId, person, { occurredOn: `2025-03-${String(day).padStart(2, '0')}` });
      day += 1;
    };
    const measure = async () => {
      await api.t.settled();
      await runtime.beforeApplicationShutdown();
      const costs = {
        report: await statementsOf('/v1/reports/annual?year=2025'),
        account: await statementsOf('/v1/reports/yearly-account?year=2025&organizationId=helse-nord'),
      };
      runtime.onApplicationBootstrap();
      return costs;
    };

    const first = await projectWithPeople();
    for (let i = 0; i < 2; i += 1) await logTwice(first);
    const few = await measure();

    const projects = [first, await projectWithPeople(), await projectWithPeople(), await projectWithPeople()];
    for (let i = 0; i < 2; i += 1) await logTwice(first);
    for (const project of projects.slice(1)) for (let i = 0; i < 2; i += 1) await logTwice(project);
    const many = await measure();

    expect((await api.get('/v1/reports/annual?year=2025', 'auditor')).body.involvements.total).toBe(20);
    expect(many).toEqual(few);
  });
});
