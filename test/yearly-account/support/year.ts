import type { Response } from 'supertest';
import type { ParticipationApi } from '../../participation/support/builders';

/** Fails the test with the answer when a command does not answer `status`. */
export function ok(res: Response, status: number): Response {
  if (res.status !== status) throw new Error(`the call answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

export const BUDGET_2025 = {
  honorarium: 5_000_000,
  expenses: 319_500,
  lostIncome: 1_000_000,
  councilRunningCosts: 2_000_000,
  userOrganizationGrants: 1_500_000,
  training: 1_200_000,
};

/** The body of POST /v1/budgets: each line as its `…Ore` field. */
export function budgetBody(organizationId: string, year: number, lines: Record<string, number>) {
  return {
    organizationId,
    year,
    ...Object.fromEntries(Object.entries(lines).map(([l, v]) => [`${l}Ore`, v])),
  };
}

export interface BuiltYear {
  organizationId: string;
  council: string;
  travel: string;
  a: string;
  b: string;
  c: string;
  /** Involvements by month (1–12), the absent one included: the economy keeps it. */
  priced: Record<number, string[]>;
  measures: { website: string; training: string; youth: string };
}

/**
 * A year of one organisation through the API: a council at system level with
 * two members (one absent once), a gathering and a dialogue at service level,
 * peer support and a voided record; three measures, a budget, spending and
 * two courses (and one of the year before).
 */
export async function buildYear(api: ParticipationApi, organizationId: string): Promise<BuiltYear> {
  const council = await api.project({ name: 'Brukerutvalget', organizationId, level: 'system' });
  const travel = await api.project({ name: 'Pasientreiser', organizationId, level: 'service' });
  const a = await api.participant({ name: 'Áile Gaup' });
  const b = await api.participant({ name: 'Bjørn Øye' });
  const c = await api.participant({ name: 'Cecilie Ås' });
  await api.appoint(council, a);
  await api.appoint(council, b);
  const councilMeeting = async (heldOn: string) =>
    ok(await api.post(`/v1/projects/${council}/meetings`, 'lead', { form: 'user-council', heldOn }), 201).body
      .id as string;
  const [inMarch, inApril, inMay] = [
    await councilMeeting('2025-03-10'),
    await councilMeeting('2025-04-07'),
    await councilMeeting('2025-05-05'),
  ];
  const cancelled = await councilMeeting('2025-05-26');
  ok(
    await api.post(`/v1/meetings/${cancelled}/updates`, 'lead', {
      kind: 'cancelled',
      reason: 'For få påmeldte',
    }),
    200,
  );
  const march1 = await api.involvement(council, a, { occurredOn: '2025-03-10', meetingId: inMarch });
  const march2 = await api.involvement(council, b, { occurredOn: '2025-03-10', meetingId: inMarch });
  const april = await api.involvement(council, a, { occurredOn: '2025-04-07', meetingId: inApril });
  const absent = await api.involvement(council, b, {
    meetingId: inMay,
    occurredOn: '2025-05-05',
    attendance: 'absent',
    hours: { meeting: 0, preparation: 1, travel: 0 },
  });
  const gathering = await api.involvement(travel, c, {
    form: 'user-gathering',
    occurredOn: '2025-05-20',
    honorariumDecision: 'paid',
    hours: { meeting: 1.5, preparation: 0, travel: 0 },
  });
  const dialogue = await api.involvement(travel, c, {
    form: 'dialogue',
    occurredOn: '2025-05-21',
    hours: { meeting: 1, preparation: 0, travel: 0 },
    expenses: [],
  });
  await api.involvement(travel, a, { form: 'peer-support', occurredOn: '2025-04-08' });
  const voided = await api.involvement(travel, c, {
    form: 'dialogue',
    occurredOn: '2025-02-03',
    expenses: [],
  });
  ok(await api.post(`/v1/involvements/${voided}/void`, 'lead', { reason: 'Feilført' }), 200);
  for (const [id, at, kind] of [
    [march1, '2025-03-20T10:00:00Z', 'feedback'],
    [april, '2025-04-20T10:00:00Z', 'feedback'],
  ] as const)
    ok(
      await api.post(`/v1/involvements/${id}/evidence`, 'lead', { kind, at, summary: 'Tatt med i planen' }),
      201,
    );
  ok(
    await api.post(`/v1/involvements/${march1}/evidence`, 'lead', {
      kind: 'influence',
      at: '2025-04-01T10:00:00Z',
      decisionRef: 'Styresak 12/2025',
      outcome: 'adopted',
      rationale: 'Tatt inn i tiltaksplanen',
    }),
    201,
  );

  // The representatives' own word (docs/adr/0028): Áile confirms March and acknowledges April's feedback;
  // Bjørn confirms March, then disputes having been there: his latest word counts.
  const asRepresentative = async (participantId: string, path: string, body: object) => {
    const token = await api.t.token({
      sub: `rep-${participantId}`,
      roles: ['representative'],
      participantId,
    });
    return ok(
      await api.t.http
        .post(path)
        .set({ Authorization: `Bearer ${token}` })
        .send(body),
      200,
    );
  };
  await asRepresentative(a, `/v1/involvements/${march1}/confirmation`, { confirmed: true });
  await asRepresentative(b, `/v1/involvements/${march2}/confirmation`, { confirmed: true });
  await asRepresentative(b, `/v1/involvements/${march2}/confirmation`, {
    confirmed: false,
    reason: 'Jeg måtte gå før møtet begynte',
    concerns: ['attendance'],
  });
  const aprilFeedback = await api.get(`/v1/involvements/${april}`, 'lead');
  const feedbackId = (aprilFeedback.body.evidence as Array<{ id: string; kind: string }>).find(
    (e) => e.kind === 'feedback',
  )?.id;
  await asRepresentative(a, `/v1/involvements/${april}/feedback-acknowledgement`, { evidenceId: feedbackId });

  ok(await api.post(`/v1/participants/${a}/perspective`, 'admin', { perspectives: ['user'] }), 200);
  ok(await api.post(`/v1/participants/${b}/perspective`, 'admin', { perspectives: ['next-of-kin'] }), 200);
  ok(
    await api.post(`/v1/participants/${c}/perspective`, 'admin', { perspectives: ['next-of-kin', 'user'] }),
    200,
  );

  const measure = async (body: object) =>
    ok(await api.post('/v1/measures', 'admin', { organizationId, ...body }), 201).body.id as string;
  const training = await measure({
    what: 'Opplæring av nye brukerrepresentanter',
    responsible: 'Fagdirektør',
    deadline: '2025-09-30',
    year: 2025,
  });
  const website = await measure({
    what: 'Brukerutvalget får egen side på nettet',
    responsible: 'Kommunikasjonssjef',
    deadline: '2025-04-30',
    status: 'done',
    year: 2025,
  });
  const youth = await measure({
    what: 'Ungdomsråd i alle helseforetak',
    responsible: 'Administrerende direktør',
    deadline: '2026-06-30',
    year: 2026,
  });
  await measure({
    organizationId: 'en-annen-organisasjon',
    what: 'Ikke vår',
    responsible: 'Noen',
    deadline: '2025-05-01',
    year: 2025,
  });
  ok(
    await api.post(
      `/v1/measures/${training}/status`,
      'admin',
      { status: 'in-progress' },
      { 'If-Match': '"1"' },
    ),
    200,
  );

  ok(await api.post('/v1/budgets', 'admin', budgetBody(organizationId, 2025, BUDGET_2025)), 200);
  const spend = async (line: string, amountOre: number, spentOn: string, note: string) =>
    ok(
      await api.post('/v1/budgets/spending', 'admin', {
        organizationId,
        year: 2025,
        line,
        amountOre,
        spentOn,
        note,
      }),
      201,
    );
  await spend('councilRunningCosts', 750_000, '2025-02-01', 'Møterom og servering');
  await spend('councilRunningCosts', 250_000, '2025-04-01', 'Reise til regionalt brukerutvalgsmøte');
  await spend('userOrganizationGrants', 1_000_000, '2025-03-01', 'Tilskudd til FFO Trøndelag');

  const course = async (body: object) =>
    ok(await api.post('/v1/trainings', 'admin', { organizationId, ...body }), 201);
  await course({
    title: 'Introduksjonskurs for brukerrepresentanter',
    organiser: 'Lærings- og mestringssenteret',
    occurredOn: '2025-02-15',
    hours: 6,
    audience: 'representatives',
    participantIds: [a, b],
    paid: true,
    costOre: 1_000_000,
  });
  await course({
    title: 'Samvalg i praksis',
    organiser: 'Fagavdelingen',
    occurredOn: '2025-03-20',
    hours: 3,
    audience: 'staff',
    staffCount: 12,
    paid: false,
    costOre: 250_000,
  });
  await course({
    title: 'Fjorårets kurs',
    organiser: 'Fagavdelingen',
    occurredOn: '2024-11-01',
    hours: 2,
    audience: 'staff',
    staffCount: 5,
    paid: false,
    costOre: 99_900,
  });
  await api.t.settled();
  return {
    organizationId,
    council,
    travel,
    a,
    b,
    c,
    priced: { 3: [march1, march2], 4: [april], 5: [absent, gathering, dialogue] },
    measures: { website, training, youth },
  };
}
