import fc from 'fast-check';
import {
  INVOLVEMENT_FORMS,
  PARTICIPATION_LEVELS,
  NOT_PARTICIPATION,
  ParticipationQueries,
} from '@app/participation';
import { pricedLines } from '@app/participation';
import {
  buildAnnualReport,
  classifyProject,
  countParticipation,
  countsAsParticipation,
  economyOfLines,
  MeetingFactsQueries,
  NO_MONEY,
  osloDate,
  REALITY_THRESHOLDS,
  withMeetingEvidence,
  type RealityThresholds,
} from '@app/reporting';
import { ParticipationFactsQueries } from '../../libs/reporting/src/queries/participation-facts.queries';
import { ParticipationApi } from '../participation/support/builders';
import { evidenceAsItHappened, attendance, feedback, influence, input, invitation } from './support/evidence';

const FORMS = INVOLVEMENT_FORMS.filter((f) => !NOT_PARTICIPATION.includes(f));

/** A small deterministic generator, so a failing world can be rebuilt from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    int: (from: number, to: number) => from + Math.floor(next() * (to - from + 1)),
  };
}

const day = (iso: string, plusDays: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);

/**
 * The annual report as it was computed before docs/adr/0031, kept here as the
 * oracle: every involvement of the year loaded and counted in memory, each
 * project's stream and appointments loaded, its involvements filtered out of
 * the year's once per project.
 */
async function reportFoldedInMemory(api: ParticipationApi, year: number, organizationId: string | null) {
  const app = api.t.app;
  const facts = await app.get(ParticipationFactsQueries).forYear(year, organizationId);
  const { meetings, milestones } = await app.get(MeetingFactsQueries).forProjects([...facts.projects.keys()]);
  const involvements = withMeetingEvidence(facts.involvements, meetings);
  const counted = involvements.filter(countsAsParticipation);
  const thresholds = app.get<string, RealityThresholds>(REALITY_THRESHOLDS);
  const today = osloDate(api.t.clock.now());
  const assessments = [];
  for (const projectId of new Set(counted.map((i) => i.projectId))) {
    const project = await app.get(ParticipationQueries).project(projectId);
    assessments.push({
      projectId,
      reality: classifyProject({
        involvements: involvements.filter((i) => i.projectId === projectId),
        appointments: project.appointments,
        thresholds,
        today,
        meetings: meetings.filter((m) => m.projectId === projectId),
        milestones: milestones.get(projectId) ?? [],
      }),
    });
  }
  return buildAnnualReport({
    year,
    organizationId,
    generatedAt: '',
    levels: PARTICIPATION_LEVELS,
    forms: FORMS,
    projects: facts.projects,
    involvements,
    accrued: NO_MONEY,
    paid: null,
    assessments,
  });
}

/** Money per month as it was computed before: each counted involvement priced as GET /v1/involvements/{id} answers. */
async function moneyPerMonthOneByOne(api: ParticipationApi, year: number, organizationId: string) {
  const facts = await api.t.app.get(ParticipationFactsQueries).forYear(year, organizationId);
  const months = Array.from({ length: 12 }, () => 0);
  for (const i of facts.involvements.filter(countsAsParticipation)) {
    const details = await api.t.app.get(ParticipationQueries).involvement(i.involvementId);
    months[Number(i.occurredOn.slice(5, 7)) - 1] += economyOfLines(pricedLines(details.honorarium)).totalOre;
  }
  return months;
}

/** What the two ways must agree on: everything but the economy, the meetings and the time of generation. */
const COMPARED = [
  'projects',
  'involvements',
  'excluded',
  'people',
  'hours',
  'feedback',
  'influence',
  'participantConfirmation',
  'feedbackAcknowledged',
  'symbolicRisk',
] as const;
const compared = (report: Record<string, unknown>) =>
  Object.fromEntries(COMPARED.map((key) => [key, report[key]]));

/**
 * Issue 13 item 4 (docs/adr/0031): the annual report's counts as SQL
 * aggregates and the yearly account's money per month as one GROUP BY give
 * exactly what the in-memory computation gave, on random worlds.
 */
describe('the annual report as aggregates equals the report folded in memory', () => {
  let api: ParticipationApi;

  beforeAll(async () => {
    api = await ParticipationApi.start();
  });
  afterAll(() => api.close());

  it('the counts in SQL equal countParticipation over random read-model rows (hours rounded as JavaScript rounds them)', async () => {
    const pool = api.t.db.pool;
    const facts = api.t.app.get(ParticipationFactsQueries);
    const LEVELS = [...PARTICIPATION_LEVELS, 'regional'];
    const HOURS = [0, 0.1, 0.2, 0.125, 0.015, 1.005, 2.675, 1.5, 7.777, 12.345];
    const row = fc.record({
      project: fc.integer({ min: 0, max: 4 }),
      participant: fc.integer({ min: 0, max: 7 }),
      form: fc.constantFrom(...INVOLVEMENT_FORMS),
      day: fc.integer({ min: -3, max: 368 }),
      attendance: fc.constantFrom('in-person', 'remote', 'absent', 'cancelled'),
      hours: fc.tuple(fc.constantFrom(...HOURS), fc.constantFrom(...HOURS), fc.constantFrom(...HOURS)),
      voided: fc.boolean(),
      counts: fc.boolean(),
    });
    const world = fc.record({
      levels: fc.array(fc.constantFrom(...LEVELS), { minLength: 5, maxLength: 5 }),
      organisations: fc.array(fc.constantFrom('org-a', 'org-b'), { minLength: 5, maxLength: 5 }),
      rows: fc.array(row, { maxLength: 60 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(world, async ({ levels, organisations, rows }) => {
        run += 1;
        const year = 2100 + run;
        const projectId = (p: number) => `w${run}-p${p}`;
        for (let p = 0; p < 5; p += 1)
          await pool.query(
            `INSERT INTO reporting_projects (project_id, name, organization_id, level) VALUES ($1, $2, $3, $4)`,
            [projectId(p), `Prosjekt ${p}`, `${organisations[p]}-${run}`, levels[p]],
          );
        for (const [n, r] of rows.entries())
          await pool.query(
            `INSERT INTO reporting_involvements (involvement_id, project_id, participant_id, form, occurred_on,
               attendance, meeting_hours, preparation_hours, travel_hours, status, counts_as_participation)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [
              `w${run}-i${n}`,
              projectId(r.project),
              `w${run}-person${r.participant}`,
              r.form,
              day(`${year}-01-01`, r.day),
              r.attendance,
              ...r.hours,
              r.voided ? 'voided' : 'logged',
              r.counts,
            ],
          );
        for (const organizationId of [null, `org-a-${run}`]) {
          const inMemory = countParticipation({
            levels: PARTICIPATION_LEVELS,
            forms: FORMS,
            ...(await facts.forYear(year, organizationId)),
          });
          const inSql = await facts.countsForYear(year, organizationId, PARTICIPATION_LEVELS, FORMS);
          expect(inSql).toEqual(inMemory);
        }
      }),
      { numRuns: 40, seed: 20261201 },
    );
  }, 120_000);

  it('a random year through the API: the same report and money per month as folded in memory', async () => {
    const rng = random(20261201);
    const projects: string[] = [];
    for (let p = 0; p < 4; p += 1)
      projects.push(
        await api.project({
          name: `Prosjekt ${p}`,
          organizationId: p === 3 ? 'helse-vest' : 'helse-nord',
          level: rng.pick(PARTICIPATION_LEVELS),
        }),
      );
    const people: string[] = [];
    for (let n = 0; n < 6; n += 1) people.push(await api.participant());
    for (const projectId of projects)
      for (const person of people)
        if (rng.chance(0.7))
          await api.appoint(projectId, person, {
            role: rng.pick(['member', 'member', 'leader', 'deputy']),
            from: rng.pick(['2024-06-01', '2025-01-01', '2025-02-15']),
          });

    const logged: Array<{ id: string; occurredOn: string }> = [];
    for (let n = 0; n < 60; n += 1) {
      const form = rng.pick(INVOLVEMENT_FORMS);
      const attended = rng.pick(['in-person', 'remote', 'in-person', 'absent', 'cancelled']);
      const occurredOn = day('2024-12-01', rng.int(0, 180));
      const body = {
        form,
        occurredOn,
        attendance: attended,
        hours: {
          meeting: ['absent', 'cancelled'].includes(attended) ? 0 : rng.pick([0.5, 1, 1.005, 2.675, 3]),
          preparation: rng.pick([0, 0.125, 1]),
          travel: rng.pick([0, 0.5, 1.25]),
        },
        expenses: rng.chance(0.3) ? [{ kind: 'mileage', km: rng.int(1, 120) }] : [],
        ...(form === 'user-gathering' ? { honorariumDecision: rng.pick(['paid', 'unpaid']) } : {}),
      };
      const res = await api.post(`/v1/projects/${rng.pick(projects)}/involvements`, 'lead', {
        participantId: rng.pick(people),
        topic: 'Tema',
        ...body,
      });
      // A random involvement the rules refuse (no appointment that day, a full day) is simply not in the world.
      if (res.status === 201) logged.push({ id: res.body.id as string, occurredOn });
    }
    expect(logged.length).toBeGreaterThan(30);

    const noon = (iso: string, plusDays: number) => `${day(iso, plusDays)}T10:00:00Z`;
    const now = api.t.clock.now().toISOString();
    for (const { id, occurredOn } of logged) {
      const evidence = [
        rng.chance(0.6) ? invitation(noon(occurredOn, -rng.int(2, 14))) : null,
        rng.chance(0.6) ? attendance(noon(occurredOn, 0)) : null,
        rng.chance(0.5) ? input(noon(occurredOn, 0)) : null,
        rng.chance(0.5) ? feedback(noon(occurredOn, rng.pick([-1, 3, 20, 45]))) : null,
        rng.chance(0.3) ? influence(noon(occurredOn, rng.int(1, 40))) : null,
      ];
      for (const e of evidence) if (e && e.at <= now) await evidenceAsItHappened(api, id, e);
      const fate = rng.int(0, 9);
      if (fate === 0)
        expect((await api.post(`/v1/involvements/${id}/void`, 'lead', { reason: 'Feilført' })).status).toBe(
          200,
        );
      else if (fate === 1)
        await api.post(`/v1/involvements/${id}/corrections`, 'lead', {
          changes: { occurredOn: day(occurredOn, rng.pick([-40, -3, 5])) },
          reason: 'Feil dato',
        });
    }
    await api.t.settled();

    for (const organizationId of [null, 'helse-nord', 'helse-vest']) {
      const query = organizationId ? `&organizationId=${organizationId}` : '';
      for (const year of [2024, 2025]) {
        const res = await api.get(`/v1/reports/annual?year=${year}${query}`, 'auditor');
        expect(res.status).toBe(200);
        const expected = await reportFoldedInMemory(api, year, organizationId);
        expect(compared(res.body)).toEqual(JSON.parse(JSON.stringify(compared(expected))));
      }
    }
    const report = (await api.get('/v1/reports/annual?year=2025', 'auditor')).body;
    expect(report.involvements.total).toBeGreaterThan(10);
    expect(report.symbolicRisk.of).toBeGreaterThan(1);

    const account = await api.get(
      '/v1/reports/yearly-account?year=2025&organizationId=helse-nord',
      'auditor',
    );
    expect(account.status).toBe(200);
    const kroner = account.body.byMonth.map((m: { kronerOre: number }) => m.kronerOre);
    expect(kroner).toEqual(await moneyPerMonthOneByOne(api, 2025, 'helse-nord'));
    expect(kroner.some((ore: number) => ore > 0)).toBe(true);
  }, 300_000);
});
