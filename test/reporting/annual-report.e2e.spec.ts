import { DataSource } from 'typeorm';
import { EVENT_STORE, rebuildProjection, type EventStore } from '@app/event-store';
import { ProjectionRegistry } from '@app/platform';
import { ReportingEvidenceRecordedAt1732300000035 } from '../../infra/migrations/1732300000035-reporting-evidence-recorded-at';
import {
  ParticipationApi,
  expectFieldErrors,
  expectProblem,
  type Actor,
} from '../participation/support/builders';
import { evidenceAsItHappened, feedback, influence } from './support/evidence';

const NAUGHTY = 'Barn & unge <script>alert("x")</script>';
const SHORT_HOURS = { meeting: 1.5, preparation: 0, travel: 0 };

/**
 * GET /v1/reports/annual after a realistic year: two organisations, several
 * forms and levels, a correction that moves an involvement to another month,
 * a voided involvement, peer support and one involvement of the year before.
 */
describe('annual report', () => {
  let api: ParticipationApi;
  let counted: string[];
  let pasientreiser: string;
  let barn: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    pasientreiser = await api.project({
      name: 'Pasientreiser',
      organizationId: 'helse-nord',
      level: 'service',
    });
    const a = await api.participant();
    const b = await api.participant({ name: 'Ola Åsen' });
    await api.appoint(pasientreiser, a);
    await api.appoint(pasientreiser, b, { role: 'deputy' });
    const march = await api.involvement(pasientreiser, a, { occurredOn: '2025-03-10' });
    await evidenceAsItHappened(api, march, feedback('2025-03-20T10:00:00Z'));
    await evidenceAsItHappened(api, march, influence('2025-04-01T10:00:00Z'));
    const april = await api.involvement(pasientreiser, b, {
      occurredOn: '2025-04-07',
      lostIncome: { documented: true, amountOre: 150000 },
    });
    await evidenceAsItHappened(api, april, feedback('2025-04-20T10:00:00Z'));
    await evidenceAsItHappened(api, april, influence('2025-05-01T10:00:00Z'));
    // Absent: not participation, not a person in the count; its expenses still belong to the economy.
    const absentee = await api.participant({ name: 'Kari Borte' });
    await api.appoint(pasientreiser, absentee, { role: 'deputy' });
    const absent = await api.involvement(pasientreiser, absentee, {
      occurredOn: '2025-05-13',
      attendance: 'absent',
      hours: { meeting: 0, preparation: 1, travel: 0 },
    });
    await evidenceAsItHappened(api, absent, feedback('2025-05-14T10:00:00Z'));
    await api.involvement(pasientreiser, a, { form: 'peer-support', occurredOn: '2025-04-08' });
    const voided = await api.involvement(pasientreiser, b, { occurredOn: '2025-05-05' });
    expect((await api.post(`/v1/involvements/${voided}/void`, 'lead', { reason: 'Feilført' })).status).toBe(
      200,
    );
    const moved = await api.involvement(pasientreiser, a, { occurredOn: '2025-02-03' });
    const correction = { changes: { occurredOn: '2025-05-12' }, reason: 'Feil dato' };
    expect((await api.post(`/v1/involvements/${moved}/corrections`, 'lead', correction)).status).toBe(200);
    await api.involvement(pasientreiser, a, { form: 'user-conversation', occurredOn: '2024-11-05' });

    barn = await api.project({ name: NAUGHTY, organizationId: 'helse-vest', level: 'system' });
    const c = await api.participant({ name: 'Siri Sámi' });
    const gathering = await api.involvement(barn, c, {
      form: 'user-gathering',
      occurredOn: '2025-05-20',
      honorariumDecision: 'paid',
      hours: SHORT_HOURS,
    });
    const interview = await api.involvement(barn, a, {
      form: 'user-interview',
      occurredOn: '2025-05-21',
      hours: SHORT_HOURS,
      expenses: [],
    });
    counted = [march, april, moved, gathering, interview, absent];
    await api.t.settled();
  }, 120_000);

  afterAll(() => api.close());

  const annual = (query: string, who: Actor = 'auditor') => api.get(`/v1/reports/annual?${query}`, who);

  it('counts projects and involvements by level and form, people and hours', async () => {
    const res = await annual('year=2025');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2025,
      organizationId: null,
      projects: { total: 2, byLevel: { individual: 0, service: 1, system: 1 } },
      involvements: {
        total: 5,
        byLevel: { individual: 0, service: 3, system: 2 },
        byForm: { 'user-council': 3, 'user-gathering': 1, 'user-interview': 1, dialogue: 0 },
        byLevelAndForm: {
          service: { 'user-council': 3 },
          system: { 'user-gathering': 1, 'user-interview': 1 },
        },
      },
      excluded: { voided: 1, peerSupport: 1, absent: 1 },
      people: 3,
      hours: { meeting: 11.01, preparation: 3.51, travel: 4.5, total: 19.02 },
      feedback: { involvements: 2, share: 0.4 },
      influence: { involvements: 2, share: 0.4 },
    });
    expect(res.body.involvements.byForm).not.toHaveProperty('peer-support');
    expect(res.body.involvements.byMonth.map((m: { involvements: number }) => m.involvements)).toEqual([
      0, 0, 1, 1, 3, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('economy: accrued equals the honorarium of each counted involvement; paid is 0 before any batch is paid', async () => {
    const priced = await Promise.all(counted.map((id) => api.get(`/v1/involvements/${id}`, 'auditor')));
    const lines = priced.flatMap(
      (r) => r.body.honorarium.lines as Array<{ kind: string; amountOre: number }>,
    );
    const sum = (kinds: string[]) =>
      lines.filter((l) => kinds.includes(l.kind)).reduce((s, l) => s + l.amountOre, 0);
    const { economy } = (await annual('year=2025')).body;
    expect(economy.accrued).toEqual({
      honorariumOre: sum(['meeting', 'preparation', 'travel-time']),
      expensesOre: sum(['mileage', 'ticket', 'lodging', 'meals', 'other']),
      lostIncomeOre: sum(['lost-income-documented', 'lost-income-undocumented']),
      totalOre: priced.reduce((s, r) => s + (r.body.honorarium.totalOre as number), 0),
    });
    expect(economy.accrued.lostIncomeOre).toBeGreaterThan(0);
    expect(economy.accrued.expensesOre).toBeGreaterThan(0);
    // Paid comes from the payouts context, and no batch has been paid.
    expect(economy).toMatchObject({
      paid: { honorariumOre: 0, expensesOre: 0, lostIncomeOre: 0, totalOre: 0, lineCount: 0 },
      paidSource: 'payouts',
    });
    expect(economy).not.toHaveProperty('note');
  });

  it('lists the projects at symbolic risk with their reasons', async () => {
    const { symbolicRisk } = (await annual('year=2025')).body;
    // Neither project has invitation or attendance records. The council has one seated member (and two
    // deputies) on its meeting days; the gathering and the interview have no appointed members at all.
    expect(symbolicRisk).toMatchObject({
      projects: 2,
      of: 2,
      items: expect.arrayContaining([
        {
          projectId: pasientreiser,
          name: 'Pasientreiser',
          level: 'service',
          reasons: ['not-documented', 'not-attended', 'too-few-representatives'],
          explanations: expect.any(Array),
        },
        {
          projectId: barn,
          name: NAUGHTY,
          level: 'system',
          reasons: ['not-documented', 'not-heard', 'no-influence'],
          explanations: expect.any(Array),
        },
      ]),
    });
  });

  it('organizationId narrows it to that organisation; another year has its own figures', async () => {
    const vest = (await annual('year=2025&organizationId=helse-vest')).body;
    expect(vest).toMatchObject({ organizationId: 'helse-vest', people: 2, involvements: { total: 2 } });
    const lastYear = (await annual('year=2024')).body;
    expect(lastYear).toMatchObject({
      people: 1,
      involvements: { total: 1, byForm: { 'user-conversation': 1 } },
    });
    expect((await annual('year=2023')).body).toMatchObject({ people: 0, projects: { total: 0 } });
  });

  it('as a printable page: UTF-8 HTML with the monthly chart and every name escaped', async () => {
    const res = await annual('year=2025&format=html', 'finance');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<svg xmlns="http://www.w3.org/2000/svg" id="involvements-per-month"');
    expect(res.text.match(/<rect class="bar"/g)).toHaveLength(12);
    expect(res.text).toContain('<title>mai 2025: 3</title>');
    expect(res.text).toContain('Barn &amp; unge &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(res.text).not.toContain('<script');
    expect(res.text).toContain('@media print');
    expect(res.text).not.toMatch(/(src|href)=/);
  });

  it('admins, auditors and finance may read it; project leads may not', async () => {
    expect((await annual('year=2025', 'admin')).status).toBe(200);
    expect((await annual('year=2025', 'finance')).status).toBe(200);
    expectProblem(await annual('year=2025', 'lead'), 403);
    expectProblem(await annual('year=2025', 'none'), 401);
  });

  it.each(['', 'year=abc', 'year=20250', 'year=2025.5', 'year=2025&year=2026'])(
    'a bad year (%s) is 400 naming year',
    async (query) => {
      expectFieldErrors(await annual(query), 'year');
    },
  );

  it('a bad format or organizationId is 400 naming it', async () => {
    expectFieldErrors(await annual('year=2025&format=pdf'), 'format');
    expectFieldErrors(await annual('year=2025&organizationId='), 'organizationId');
  });

  it('is the same after the read model is dropped and rebuilt from the log', async () => {
    const before = (await annual('year=2025')).body;
    const projection = api.t.app.get(ProjectionRegistry).get('reporting-participation-facts');
    if (!projection) throw new Error('the reporting read model is not registered');
    await rebuildProjection(api.t.app.get<EventStore>(EVENT_STORE), api.t.app.get(DataSource), projection);
    const after = (await annual('year=2025')).body;
    expect({ ...after, generatedAt: null }).toEqual({ ...before, generatedAt: null });
    expect(after.involvements.total).toBe(5);
  });

  it('migration 1732300000035 empties the read model and the running projection replays it from the log', async () => {
    const before = (await annual('year=2025')).body;
    const runner = api.t.app.get(DataSource).createQueryRunner();
    try {
      await new ReportingEvidenceRecordedAt1732300000035().up(runner);
    } finally {
      await runner.release();
    }
    await api.t.settled();
    const after = (await annual('year=2025')).body;
    expect({ ...after, generatedAt: null }).toEqual({ ...before, generatedAt: null });
    const { rows } = await api.t.db.pool.query(
      `SELECT count(*)::int AS n FROM reporting_involvements, jsonb_array_elements(evidence) e
       WHERE e ? 'recordedAt'`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
