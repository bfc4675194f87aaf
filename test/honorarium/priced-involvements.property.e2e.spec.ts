import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { EVENT_STORE, rebuildProjection, type EventStore } from '@app/event-store';
import {
  EventSourcedRepository,
  involvementDecider,
  InvolvementHonorarium,
  PRICED_INVOLVEMENTS_PROJECTION,
  PricedInvolvementQueries,
  projectDecider,
} from '@app/participation';
import { ProjectionRegistry } from '@app/platform';
import { ParticipationApi } from '../participation/support/builders';

/** Days before and after each world's own region's first version (2025-05-06), two of each so days are shared. */
const DAYS = ['2025-03-10', '2025-03-11', '2025-05-20', '2025-05-21'];

type Log = {
  kind: 'log';
  project: number;
  person: number;
  day: string;
  form: 'user-council' | 'dialogue';
  attendance: 'in-person' | 'remote' | 'absent';
  hours: { meeting: number; preparation: number; travel: number };
  expenses: object[];
  lostIncome: { documented: boolean; amountOre?: number } | null;
};
type Correct = { kind: 'correct'; which: number; changes: Record<string, unknown> };
type Void = { kind: 'void'; which: number };
type Publish = { kind: 'publish'; effectiveFrom: string; memberRateOre: number };
/** The participant waives the honorarium of one of the logged involvements (docs/adr/0028). */
type Waive = { kind: 'waive'; which: number };
/** A user gathering registered with its two decisions, and one person logged in it (docs/adr/0026). */
type Gathering = {
  kind: 'gathering';
  project: number;
  person: number;
  day: string;
  decisions: { expensesCovered: boolean; honorariumPaid: boolean };
};
type Command = Log | Correct | Void | Publish | Waive | Gathering;

const quarterHours = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4);
const hoursArb = fc.record({
  meeting: quarterHours(6),
  preparation: quarterHours(3),
  travel: quarterHours(3),
});
const expensesArb = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('mileage'), km: fc.integer({ min: 0, max: 300 }) }),
    fc.record({
      kind: fc.constantFrom('ticket', 'lodging'),
      amountOre: fc.integer({ min: 0, max: 200_000 }),
      receiptRef: fc.constant('kvittering'),
    }),
  ),
  { maxLength: 2 },
);
const lostIncomeArb = fc.oneof(
  fc.constant(null),
  fc.constant({ documented: false }),
  fc.constant({ documented: false }),
  fc.record({ documented: fc.constant(true), amountOre: fc.integer({ min: 0, max: 400_000 }) }),
);
const logArb: fc.Arbitrary<Log> = fc.record({
  kind: fc.constant('log' as const),
  project: fc.integer({ min: 0, max: 1 }),
  person: fc.integer({ min: 0, max: 1 }),
  day: fc.constantFrom(...DAYS),
  form: fc.constantFrom('user-council' as const, 'dialogue' as const),
  attendance: fc.constantFrom('in-person' as const, 'remote' as const, 'absent' as const),
  hours: hoursArb,
  expenses: expensesArb,
  lostIncome: lostIncomeArb,
});
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: logArb },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      which: fc.nat(),
      changes: fc.oneof(
        fc.record({ occurredOn: fc.constantFrom(...DAYS) }),
        fc.record({ hours: hoursArb }),
        fc.record({ expenses: expensesArb }),
        fc.record({ lostIncome: lostIncomeArb }),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('waive' as const), which: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('gathering' as const),
      project: fc.integer({ min: 0, max: 1 }),
      person: fc.integer({ min: 0, max: 1 }),
      day: fc.constantFrom(...DAYS),
      decisions: fc.record({ expensesCovered: fc.boolean(), honorariumPaid: fc.boolean() }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('publish' as const),
      effectiveFrom: fc.constantFrom('2025-01-01', '2025-03-11', '2025-05-15'),
      memberRateOre: fc.integer({ min: 10_000, max: 90_000 }),
    }),
  },
);

const meeting = (over: Partial<Log> = {}): Log => ({
  kind: 'log',
  project: 0,
  person: 0,
  day: DAYS[0],
  form: 'user-council',
  attendance: 'in-person',
  hours: { meeting: 2, preparation: 0, travel: 0 },
  expenses: [],
  lostIncome: { documented: true, amountOre: 150_000 },
  ...over,
});

/**
 * Worlds where a price changes because of another event: the daily cap freed, a day moved, a version
 * published, a waiver, a gathering's decisions.
 */
const WORLDS_BY_HAND: Array<[string[], Command[]]> = [
  [
    ['member', 'member', 'member'],
    [
      meeting(),
      {
        kind: 'gathering',
        project: 0,
        person: 0,
        day: DAYS[0],
        decisions: { expensesCovered: true, honorariumPaid: true },
      },
      { kind: 'waive', which: 0 },
      {
        kind: 'gathering',
        project: 1,
        person: 1,
        day: DAYS[2],
        decisions: { expensesCovered: false, honorariumPaid: true },
      },
    ],
  ],
  [
    ['member', 'member', 'member'],
    [meeting(), meeting(), { kind: 'void', which: 0 }],
  ],
  [
    ['leader', 'member', 'deputy'],
    [
      meeting(),
      meeting({ day: DAYS[1] }),
      { kind: 'correct', which: 1, changes: { occurredOn: DAYS[0] } },
      { kind: 'correct', which: 0, changes: { lostIncome: { documented: true, amountOre: 10_000 } } },
      { kind: 'correct', which: 0, changes: { occurredOn: DAYS[1] } },
    ],
  ],
  [
    ['member', 'member', 'member'],
    [
      meeting({ project: 1, expenses: [{ kind: 'ticket', amountOre: 45_000, receiptRef: 'kvittering' }] }),
      { kind: 'publish', effectiveFrom: '2025-01-01', memberRateOre: 40_000 },
      meeting({ project: 1, day: DAYS[1] }),
    ],
  ],
  [
    ['member', 'leader', 'member'],
    [meeting({ project: 1 }), meeting({ project: 1, day: DAYS[2] })],
  ],
];

/**
 * Issue 13 item 1: the priced-involvement read model holds, for every
 * involvement, exactly what the calculator answers when the involvement is
 * priced from the log itself (its stream, its project's region, the catalogue
 * of guideline versions, the person's other involvements that day) — for
 * random worlds built through the real API: logs on shared days (daily caps),
 * corrections that move days, voids, and guideline versions published before
 * and after, dated back and not. And again after the projection is rebuilt
 * from position 0 (`npm run projections:rebuild`), row for row.
 */
describe('priced-involvement read model (property)', () => {
  let api: ParticipationApi;
  let admin: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    admin = await api.t.token({ sub: 'admin-anne', roles: ['admin'] });
  });
  afterAll(() => api.close());

  /** The calculator's answer from the log, as a read of the past computes it (InvolvementHonorarium). */
  const fromTheLog = async (involvementId: string) => {
    const repository = api.t.app.get(EventSourcedRepository);
    const { state, history } = await repository.load(`involvement-${involvementId}`, involvementDecider);
    if (state.status === 'none') throw new Error(`no involvement ${involvementId}`);
    const project = await repository.load(`project-${state.projectId}`, projectDecider);
    if (project.state.status !== 'registered') throw new Error(`no project ${state.projectId}`);
    const changed = [...history]
      .reverse()
      .find((h) => h.type === 'InvolvementLogged' || h.type === 'InvolvementCorrected');
    return api.t.app
      .get(InvolvementHonorarium)
      .calculate(state, project.state.region, changed?.position ?? 0);
  };

  const allInvolvements = async (): Promise<string[]> =>
    (
      (await api.t.db.pool.query(
        `SELECT data->>'involvementId' AS id FROM events WHERE type = 'InvolvementLogged' ORDER BY global_position`,
      )) as { rows: Array<{ id: string }> }
    ).rows.map((r) => r.id);

  const expectReadModelIsTheCalculator = async () => {
    const ids = await allInvolvements();
    const stored = await api.t.app.get(PricedInvolvementQueries).honoraria(ids);
    for (const id of ids)
      expect({ id, honorarium: stored.get(id) }).toEqual({ id, honorarium: await fromTheLog(id) });
  };

  const tables = async () =>
    Promise.all(
      [
        'SELECT * FROM priced_involvements ORDER BY involvement_id',
        'SELECT * FROM priced_involvement_lines ORDER BY involvement_id, line_no',
        'SELECT * FROM priced_projects ORDER BY project_id',
        'SELECT * FROM priced_guideline_versions ORDER BY region, version',
        'SELECT * FROM priced_meetings ORDER BY meeting_id',
      ].map((sql) => api.t.app.get(DataSource).query(sql)),
    );

  /** A version of `region` made from helse-bergen-neuro-sysmed's shipped one, with its own meeting rate. */
  const publish = async (region: string, effectiveFrom: string, memberRateOre: number) => {
    const listed = await api.t.http
      .get('/v1/guidelines/helse-bergen-neuro-sysmed/versions')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const { publishedAt: _a, publishedBy: _b, ...base } = listed.body.items[0];
    return api.t.http
      .post(`/v1/guidelines/${region}/versions`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        ...base,
        region,
        version: effectiveFrom,
        effectiveFrom,
        rules: base.rules.map((rule: { kind: string }) =>
          rule.kind === 'meeting-hourly'
            ? {
                ...rule,
                // Since payment by form (docs/adr/0025) a rule names the forms it pays.
                forms: ['user-council', 'user-gathering'],
                rate: { defaultOre: memberRateOre, byRole: { member: memberRateOre } },
              }
            : rule,
        ),
      });
  };

  let worlds = 0;
  const outcomes = new Set<string>();

  async function buildWorld(roles: string[], commands: Command[]): Promise<void> {
    // Each world has a region of its own (first version 2025-05-06), so its publications are its own.
    const region = `world-${(worlds += 1)}`;
    expect((await publish(region, '2025-05-06', 60_000)).status).toBe(201);
    const projects = [
      await api.project({ region: 'helse-midt-norge', organizationId: 'org-midt' }),
      await api.project({ region, organizationId: 'org-world' }),
    ];
    const people = [await api.participant(), await api.participant(), await api.participant()];
    for (const project of projects)
      for (const [i, person] of people.entries()) await api.appoint(project, person, { role: roles[i] });
    const logged: string[] = [];
    const personOf = new Map<string, string>();
    for (const command of commands) {
      if (command.kind === 'log') {
        const res = await api.post(`/v1/projects/${projects[command.project]}/involvements`, 'lead', {
          participantId: people[command.person],
          form: command.form,
          occurredOn: command.day,
          attendance: command.attendance,
          hours: command.hours,
          expenses: command.expenses,
          lostIncome: command.lostIncome,
        });
        if (res.status === 201) logged.push(res.body.id as string);
        if (res.status === 201) personOf.set(res.body.id as string, people[command.person]);
      } else if (command.kind === 'gathering') {
        const registered = await api.post(`/v1/projects/${projects[command.project]}/meetings`, 'lead', {
          form: 'user-gathering',
          heldOn: command.day,
          gatheringDecisions: command.decisions,
        });
        expect(registered.status).toBe(201);
        const res = await api.post(`/v1/projects/${projects[command.project]}/involvements`, 'lead', {
          participantId: people[command.person],
          form: 'user-gathering',
          occurredOn: command.day,
          attendance: 'in-person',
          hours: { meeting: 3, preparation: 1, travel: 0 },
          expenses: [{ kind: 'ticket', amountOre: 45_000, receiptRef: 'billett' }],
          meetingId: registered.body.id,
        });
        // A gathering refused by a rule (e.g. the form's terms under the day's version) logs nothing.
        if (res.status === 201) {
          logged.push(res.body.id as string);
          personOf.set(res.body.id as string, people[command.person]);
        }
      } else if (command.kind === 'waive' && logged.length > 0) {
        const id = logged[command.which % logged.length];
        const participantId = personOf.get(id)!;
        const token = await api.t.token({
          sub: `rep-${participantId}`,
          roles: ['representative'],
          participantId,
        });
        await api.t.http
          .post(`/v1/involvements/${id}/waiver`)
          .set('Authorization', `Bearer ${token}`)
          .send({ reason: 'Deltar som ansatt' });
      } else if (command.kind === 'correct' && logged.length > 0) {
        const id = logged[command.which % logged.length];
        const current = await api.get(`/v1/involvements/${id}`, 'lead');
        await api.post(
          `/v1/involvements/${id}/corrections`,
          'lead',
          { changes: command.changes, reason: 'Rettet etter møtet' },
          { 'If-Match': String(current.headers.etag) },
        );
      } else if (command.kind === 'void' && logged.length > 0) {
        await api.post(`/v1/involvements/${logged[command.which % logged.length]}/void`, 'lead', {
          reason: 'Feilregistrert',
        });
      } else if (command.kind === 'publish')
        await publish(region, command.effectiveFrom, command.memberRateOre);
    }
  }

  it('equals the calculator for every involvement, live and after a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('member', 'leader', 'deputy'), { minLength: 3, maxLength: 3 }),
        fc.array(commandArb, { minLength: 6, maxLength: 16 }),
        async (roles, commands) => {
          await buildWorld(roles, commands);
          await api.t.settled();
          await expectReadModelIsTheCalculator();
          const live = await tables();
          const projection = api.t.app
            .get(ProjectionRegistry)
            .all()
            .find((p) => p.name === PRICED_INVOLVEMENTS_PROJECTION)!;
          await rebuildProjection(
            api.t.app.get<EventStore>(EVENT_STORE),
            api.t.app.get(DataSource),
            projection,
            {
              timeoutMs: 60_000,
            },
          );
          expect(await tables()).toEqual(live);
          await expectReadModelIsTheCalculator();
          for (const row of live[0] as Array<{ pricing: string }>) outcomes.add(row.pricing);
        },
      ),
      { numRuns: 8, examples: WORLDS_BY_HAND },
    );
    // The worlds drew what the read model must get right: every outcome, shared days, corrections, versions.
    const seen = (await api.t.db.pool.query(
      `SELECT
         (SELECT count(*)::int FROM (SELECT 1 FROM priced_involvements WHERE status = 'logged'
            GROUP BY participant_id, occurred_on HAVING count(*) > 1) days) AS shared_days,
         (SELECT count(*)::int FROM events WHERE type = 'InvolvementCorrected') AS corrections,
         (SELECT count(*)::int FROM priced_guideline_versions) AS versions,
         (SELECT count(*)::int FROM events WHERE type = 'ParticipantWaivedHonorarium') AS waivers,
         (SELECT count(*)::int FROM priced_involvements WHERE details->>'meetingId' IS NOT NULL) AS in_gatherings`,
    )) as {
      rows: Array<{
        shared_days: number;
        corrections: number;
        versions: number;
        waivers: number;
        in_gatherings: number;
      }>;
    };
    expect([...outcomes]).toEqual(expect.arrayContaining(['priced', 'no-guideline-in-force', 'voided']));
    expect(seen.rows[0]).toMatchObject({
      shared_days: expect.any(Number),
      corrections: expect.any(Number),
      versions: expect.any(Number),
    });
    expect(Math.min(...Object.values(seen.rows[0]))).toBeGreaterThan(0);
  }, 600_000);
});
