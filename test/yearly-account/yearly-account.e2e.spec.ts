import { ParticipationApi, expectFieldErrors, expectProblem } from '../participation/support/builders';
import { BUDGET_2025, budgetBody, buildYear, ok, type BuiltYear } from './support/year';

const ORG = 'helse-midt-aarsrapport';

/**
 * GET /v1/reports/yearly-account after a year with measures, a budget,
 * spending, courses and meetings: every field of the account, checked against
 * what was entered and against the annual report and each involvement's own
 * honorarium (the same money, priced once).
 */
describe('the yearly account (årlig rapport)', () => {
  let api: ParticipationApi;
  let year: BuiltYear;
  let account: Record<string, any>;
  let annual: Record<string, any>;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    year = await buildYear(api, ORG);
    account = ok(
      await api.get(`/v1/reports/yearly-account?year=2025&organizationId=${ORG}`, 'auditor'),
      200,
    ).body;
    annual = ok(await api.get(`/v1/reports/annual?year=2025&organizationId=${ORG}`, 'auditor'), 200).body;
  });
  afterAll(() => api.close());

  it('names the organisation and the year', () => {
    expect(account).toMatchObject({
      year: 2025,
      organizationId: ORG,
      generatedAt: '2025-06-02T09:00:00.000Z',
    });
  });

  it('gives the status of this year’s measures, by deadline, and those planned for next year', () => {
    expect(account.measures).toEqual({
      byStatus: { planned: 0, 'in-progress': 1, done: 1, postponed: 0, cancelled: 0 },
      thisYear: [
        {
          measureId: year.measures.website,
          what: 'Brukerutvalget får egen side på nettet',
          responsible: 'Kommunikasjonssjef',
          deadline: '2025-04-30',
          status: 'done',
        },
        {
          measureId: year.measures.training,
          what: 'Opplæring av nye brukerrepresentanter',
          responsible: 'Fagdirektør',
          deadline: '2025-09-30',
          status: 'in-progress',
        },
      ],
      nextYear: [
        {
          measureId: year.measures.youth,
          what: 'Ungdomsråd i alle helseforetak',
          responsible: 'Administrerende direktør',
          deadline: '2026-06-30',
          status: 'planned',
        },
      ],
    });
  });

  it('counts meetings by level and form, one per meeting, the cancelled one left out', () => {
    expect(account.meetings.source).toBe('meetings');
    const forms = Object.keys(account.meetings.personMeetings.byForm);
    const councilOnly = (n: number) =>
      Object.fromEntries(forms.map((f) => [f, f === 'user-council' ? n : 0]));
    expect(forms).toContain('user-council');
    expect(account.meetings.meetings).toEqual({
      total: 3,
      byLevel: { individual: 0, service: 0, system: 3 },
      byForm: councilOnly(3),
      byLevelAndForm: { individual: councilOnly(0), service: councilOnly(0), system: councilOnly(3) },
      // March has two members there, April one; in May Bjørn was absent.
      personMeetings: 3,
      cancelled: 1,
    });
    expect(account.byMonth.map((m: any) => m.meetings)).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(account.meetings.meetings.byLevel).toEqual(annual.meetings.byLevel);
  });

  it('counts person-meetings by level and form without absences, voided records or peer support', () => {
    expect(account.meetings.personMeetings.total).toBe(5);
    expect(account.meetings.personMeetings.byLevel).toEqual({ individual: 0, service: 2, system: 3 });
    expect(account.meetings.personMeetings.byLevelAndForm.system['user-council']).toBe(3);
    expect(account.meetings.personMeetings.byLevelAndForm.service['user-gathering']).toBe(1);
    expect(account.meetings.personMeetings.byLevelAndForm.service.dialogue).toBe(1);
    expect(account.meetings.personMeetings.byForm).toMatchObject({
      'user-council': 3,
      'user-gathering': 1,
      dialogue: 1,
    });
    expect(account.meetings.excluded).toEqual({ voided: 1, peerSupport: 1, absent: 1 });
  });

  it('reports training apart from participation: courses, people, hours, paid, cost (last year’s left out)', () => {
    expect(account.training).toMatchObject({
      courses: 2,
      hours: 9,
      representatives: { courses: 1, people: 2, personHours: 12 },
      staff: { courses: 1, people: 12, personHours: 36 },
      paidCourses: 1,
      costOre: 1_250_000,
    });
    expect(
      account.training.items.map((t: any) => [t.title, t.occurredOn, t.audience, t.people, t.paid]),
    ).toEqual([
      ['Introduksjonskurs for brukerrepresentanter', '2025-02-15', 'representatives', 2, true],
      ['Samvalg i praksis', '2025-03-20', 'staff', 12, false],
    ]);
    // Never participation: the person-meetings above hold no course.
    expect(account.meetings.personMeetings.total).toBe(annual.involvements.total);
  });

  it('gives the shares with feedback, influence, the participant’s own confirmation and acknowledged feedback', () => {
    // Áile confirmed March; Bjørn confirmed March too, then disputed having been there: his latest word counts.
    expect(account.shares).toEqual({
      of: 5,
      feedback: { involvements: 2, share: 0.4 },
      influence: { involvements: 1, share: 0.2 },
      confirmation: { involvements: 1, share: 0.2, source: 'confirmations' },
      feedbackAcknowledged: { involvements: 1, share: 0.2 },
    });
    expect(annual.participantConfirmation).toEqual({ involvements: 1, share: 0.2 });
    expect(annual.feedbackAcknowledged).toEqual({ involvements: 1, share: 0.2 });
  });

  it('lists the projects at symbolic risk with their reasons, as the audit sees them', () => {
    expect(account.symbolicRisk).toEqual(annual.symbolicRisk);
    expect(account.symbolicRisk.items.map((p: any) => p.name).sort()).toEqual([
      'Brukerutvalget',
      'Pasientreiser',
    ]);
    for (const item of account.symbolicRisk.items) expect(item.reasons).toContain('not-documented');
  });

  it('sets the budget against actual, line by line, each actual with its source', () => {
    const accrued = annual.economy.accrued;
    const line = (name: keyof typeof BUDGET_2025, actualOre: number, actualSource: string) => ({
      line: name,
      budgetOre: BUDGET_2025[name],
      actualOre,
      differenceOre: BUDGET_2025[name] - actualOre,
      actualSource,
    });
    expect(accrued.honorariumOre).toBeGreaterThan(0);
    expect(accrued.expensesOre).toBeGreaterThan(0);
    expect(account.economy.lines).toEqual([
      line('honorarium', accrued.honorariumOre, 'involvements'),
      line('expenses', accrued.expensesOre, 'involvements'),
      line('lostIncome', accrued.lostIncomeOre, 'involvements'),
      line('councilRunningCosts', 1_000_000, 'recorded-spending'),
      line('userOrganizationGrants', 1_000_000, 'recorded-spending'),
      line('training', 1_250_000, 'training-records'),
    ]);
    const budget = Object.values(BUDGET_2025).reduce((s, v) => s + v, 0);
    const actual = accrued.totalOre + 3_250_000;
    expect(account.economy.total).toEqual({
      budgetOre: budget,
      actualOre: actual,
      differenceOre: budget - actual,
    });
    expect(account.economy).toMatchObject({ budgetSet: true, unpricedCount: 0 });
  });

  it('gives person-meetings and kroner per month, each month’s kroner what its involvements are priced at', async () => {
    const totalOf = async (id: string) =>
      ok(await api.get(`/v1/involvements/${id}`, 'auditor'), 200).body.honorarium.totalOre as number;
    const expected = [];
    for (let month = 1; month <= 12; month += 1) {
      let kronerOre = 0;
      for (const id of year.priced[month] ?? []) kronerOre += await totalOf(id);
      expected.push(kronerOre);
    }
    expect(account.byMonth.map((m: any) => m.kronerOre)).toEqual(expected);
    expect(account.byMonth.map((m: any) => m.personMeetings)).toEqual([0, 0, 2, 1, 2, 0, 0, 0, 0, 0, 0, 0]);
    expect(expected.reduce((s, v) => s + v, 0)).toBe(annual.economy.accrued.totalOre);
  });

  it('reports breadth only in aggregate: three people are fewer than 5, so every count is suppressed', () => {
    const { organisation, projects } = account.breadth;
    expect(organisation).toMatchObject({
      suppressedBelow: 5,
      people: null,
      perspectives: { user: null, nextOfKin: null, notRecorded: null },
      consented: null,
      sami: null,
    });
    const council = projects.find((p: any) => p.projectId === year.council);
    expect(council).toMatchObject({
      name: 'Brukerutvalget',
      level: 'system',
      indicator: { perspectivesCovered: 2, groupsCovered: null },
    });
    expect(JSON.stringify(account.breadth)).not.toContain(year.a);
  });

  it('without a budget says so and leaves budget and difference empty', async () => {
    const res = ok(
      await api.get(`/v1/reports/yearly-account?year=2024&organizationId=${ORG}`, 'finance'),
      200,
    );
    expect(res.body.economy.budgetSet).toBe(false);
    expect(res.body.economy.lines[0]).toEqual({
      line: 'honorarium',
      budgetOre: null,
      actualOre: 0,
      differenceOre: null,
      actualSource: 'involvements',
    });
    expect(res.body.training.items.map((t: any) => t.title)).toEqual(['Fjorårets kurs']);
    expect(res.body.measures.nextYear.map((m: any) => m.measureId)).toEqual([
      year.measures.website,
      year.measures.training,
    ]);
  });

  it('refuses a query without organisation or year (400 naming them) and callers without the role (403)', async () => {
    expectFieldErrors(await api.get('/v1/reports/yearly-account?year=25', 'admin'), 'year', 'organizationId');
    expectFieldErrors(
      await api.get(`/v1/reports/yearly-account?year=2025&organizationId=${ORG}&format=pdf`, 'admin'),
      'format',
    );
    expectProblem(await api.get(`/v1/reports/yearly-account?year=2025&organizationId=${ORG}`, 'lead'), 403);
  });

  describe('maintaining the action plan, budget and training', () => {
    it('changes a measure’s status only from the version the caller saw (412 otherwise)', async () => {
      const stale = await api.post(
        `/v1/measures/${year.measures.youth}/status`,
        'admin',
        { status: 'done' },
        { 'If-Match': '"7"' },
      );
      expectProblem(stale, 412);
      expectFieldErrors(
        await api.post(`/v1/measures/${year.measures.youth}/status`, 'admin', { status: 'ferdig' }),
        'status',
      );
      expectProblem(await api.post('/v1/measures/finnes-ikke/status', 'admin', { status: 'done' }), 404);
    });

    it('refuses bad measures, budgets, spending and courses with 400 naming each field', async () => {
      expectFieldErrors(
        await api.post('/v1/measures', 'admin', {
          organizationId: ORG,
          what: '',
          deadline: '30.09.2025',
          year: 25,
        }),
        'what',
        'responsible',
        'deadline',
        'year',
      );
      expectFieldErrors(
        await api.post('/v1/budgets', 'admin', { ...budgetBody(ORG, 25, BUDGET_2025), honorariumOre: 12.5 }),
        'year',
        'honorariumOre',
      );
      expectFieldErrors(
        await api.post('/v1/budgets', 'admin', { ...budgetBody(ORG, 2025, BUDGET_2025), reiseOre: 1 }),
        'reiseOre',
      );
      expectFieldErrors(
        await api.post('/v1/budgets/spending', 'admin', {
          organizationId: ORG,
          year: 2025,
          line: 'honorarium',
          amountOre: 0,
          spentOn: '2024-12-31',
          note: 'x',
        }),
        'line',
        'amountOre',
        'spentOn',
      );
      expectFieldErrors(
        await api.post('/v1/trainings', 'admin', {
          organizationId: ORG,
          title: 'Kurs',
          organiser: 'LMS',
          occurredOn: '2025-07-01',
          hours: 0,
          audience: 'representatives',
          participantIds: ['finnes-ikke'],
          paid: 'ja',
          costOre: -1,
        }),
        'occurredOn',
        'hours',
        'paid',
        'costOre',
      );
      expectFieldErrors(
        await api.post('/v1/trainings', 'admin', {
          organizationId: ORG,
          title: 'Kurs',
          organiser: 'LMS',
          occurredOn: '2025-05-01',
          hours: 2,
          audience: 'representatives',
          participantIds: ['finnes-ikke'],
          paid: false,
          costOre: 0,
        }),
        'participantIds[0]',
      );
    });

    it('lets only admins maintain them', async () => {
      for (const who of ['lead', 'finance', 'auditor'] as const) {
        expectProblem(await api.post('/v1/measures', who, {}), 403);
        expectProblem(await api.post('/v1/trainings', who, {}), 403);
        expectProblem(await api.post('/v1/budgets', who, budgetBody(ORG, 2025, BUDGET_2025)), 403);
        expectProblem(await api.post('/v1/budgets/spending', who, {}), 403);
      }
    });
  });
});
