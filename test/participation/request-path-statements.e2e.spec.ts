import { ProjectionRuntime } from '@app/platform';
import { BACKGROUND_STATEMENTS, StatementCounter } from '../support/statement-counter';
import { ParticipationApi } from './support/builders';

/**
 * What logging an involvement costs PostgreSQL on the request path
 * (docs/adr/0019, levers 2 and 3): every statement the process sends while
 * one log is answered, with the projections stopped so only the request's
 * own statements are counted. Before the levers a log with an
 * Idempotency-Key, one appointment and a new person-day took 14 statements:
 * idempotency 2, four stream reads (one always empty), the data key, the
 * appointment ids, five for the 24-hour rule and the append.
 */
describe('the request path of logging an involvement', () => {
  let api: ParticipationApi;
  const statements = StatementCounter.ignoring(BACKGROUND_STATEMENTS);

  beforeAll(async () => {
    api = await ParticipationApi.start();
    statements.install();
  });
  afterAll(async () => {
    statements.uninstall();
    await api.close();
  });

  it('sends at most 8 statements, and the log is stored once and kept to its rules', async () => {
    const projectId = await api.project();
    const participantId = await api.participant();
    await api.appoint(projectId, participantId);
    await api.t.settled();
    await api.t.app.get(ProjectionRuntime).beforeApplicationShutdown();
    const log = (key = 'request-path-1', occurredOn = '2025-05-20') =>
      api.post(
        `/v1/projects/${projectId}/involvements`,
        'lead',
        {
          participantId,
          form: 'user-council',
          occurredOn,
          attendance: 'remote',
          topic: 'Ventetid',
          hours: { meeting: 2 },
        },
        { 'Idempotency-Key': key },
      );

    // Warm: the process's first keyed request also takes its claim-owner lock, once.
    expect((await log('request-path-warm-up', '2025-05-19')).status).toBe(201);
    const first = await statements.during(() => log());

    expect({ status: first.status, body: first.body }).toMatchObject({ status: 201, body: { version: 1 } });
    const { sent } = statements;
    expect(sent.length <= 8 ? 'at most 8' : sent).toBe('at most 8');
    const again = await log();
    expect({ status: again.status, id: again.body.id }).toEqual({ status: 201, id: first.body.id });
    const stored = await api.t.db.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [
      `involvement-${first.body.id}`,
    ]);
    expect(stored.rows[0].n).toBe(1);
    const tooMuch = await api.post(`/v1/projects/${projectId}/involvements`, 'lead', {
      participantId,
      form: 'user-council',
      occurredOn: '2025-05-20',
      attendance: 'remote',
      hours: { meeting: 22.5 },
    });
    expect(tooMuch.status).toBe(422);
  });
});
