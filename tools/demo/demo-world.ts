import { syntheticNationalId, testBankAccount } from './test-identities';

/** Who acts in the demo: one of each role, and a second finance user for the four-eyes approval. */
export type DemoActor = 'admin' | 'lead' | 'finance' | 'approver' | 'auditor';

export interface DemoApi {
  /** POST with an Idempotency-Key: a second run replays the first answer and appends nothing. */
  post(actor: DemoActor, path: string, body: object, key: string): Promise<Record<string, unknown>>;
  get(actor: DemoActor, path: string): Promise<Record<string, unknown>>;
  /** Waits until the read models have caught up (logging consults appointments, drafting the ledger). */
  settled(): Promise<void>;
}

export interface DemoWorld {
  projects: Array<{ id: string; name: string; level: string }>;
  participants: Array<{ id: string; name: string }>;
  councilInvolvementId: string;
  paidBatchId: string;
  nextBatchId: string;
}

const MIDT = { organizationId: 'st-olavs-hospital', region: 'helse-midt-norge' };
const BERGEN = { organizationId: 'helse-bergen', region: 'helse-bergen-neuro-sysmed' };

const PEOPLE = [
  { name: 'Máret Ŋuolja', born: '150765' },
  { name: 'Ola Nordmann', born: '010190' },
  { name: 'Aisha Rahimi', born: '290204' },
  { name: 'Kjersti Bakken', born: '310582' },
  { name: 'Per Åsheim', born: '070453' },
];

/**
 * A small, realistic year: a council at system level with documented
 * meetings, a service-level project with two user gatherings (one paid, one
 * not, neither told back: symbolic risk), individual-level interviews, a
 * user panel in another region, a batch drafted, approved by a second finance
 * user and paid, then a correction of a paid meeting that becomes an
 * adjustment line in the next batch. Every step has a fixed Idempotency-Key.
 */
export async function buildDemoWorld(api: DemoApi): Promise<DemoWorld> {
  const id = async (actor: DemoActor, path: string, body: object, key: string) =>
    String((await api.post(actor, path, body, key)).id);

  const council = await id(
    'lead',
    '/v1/projects',
    { name: 'Regional plan for pasientreiser', ...MIDT, level: 'system' },
    'demo-project-council',
  );
  const gatherings = await id(
    'lead',
    '/v1/projects',
    { name: 'Ny poliklinikk for ungdom', ...MIDT, level: 'service' },
    'demo-project-gatherings',
  );
  const interviews = await id(
    'lead',
    '/v1/projects',
    { name: 'Samvalg i individuell plan', ...MIDT, level: 'individual' },
    'demo-project-interviews',
  );
  const panel = await id(
    'lead',
    '/v1/projects',
    { name: 'Brukerpanel for nevrologisk forskning', ...BERGEN, level: 'service' },
    'demo-project-panel',
  );

  const people: string[] = [];
  for (const [i, person] of PEOPLE.entries())
    people.push(
      await id(
        'lead',
        '/v1/participants',
        {
          name: person.name,
          nationalId: syntheticNationalId(person.born),
          bankAccount: testBankAccount('1234', 10 * (i + 1)),
        },
        `demo-participant-${i + 1}`,
      ),
    );
  const [maret, ola, aisha, kjersti, per] = people;

  const appoint = (project: string, participant: string, role: string, key: string, extra: object = {}) =>
    api.post(
      'lead',
      `/v1/projects/${project}/appointments`,
      {
        participantId: participant,
        role,
        nominatedBy: 'Brukerutvalget',
        appointedBy: 'Styret',
        from: '2025-01-01',
        ...extra,
      },
      key,
    );
  await appoint(council, maret, 'leader', 'demo-appoint-maret');
  await appoint(council, ola, 'member', 'demo-appoint-ola');
  await appoint(council, kjersti, 'member', 'demo-appoint-kjersti');
  await appoint(panel, per, 'member', 'demo-appoint-per', { to: '2025-12-31' });
  await api.settled();

  const log = (project: string, participant: string, body: object, key: string) =>
    id('lead', `/v1/projects/${project}/involvements`, { participantId: participant, ...body }, key);
  const meeting = (occurredOn: string, topic: string) => ({
    form: 'user-council',
    occurredOn,
    attendance: 'in-person',
    hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
    expenses: [{ kind: 'mileage', km: 84 }],
    topic,
  });
  const councilInvolvement = await log(
    council,
    ola,
    meeting('2025-03-10', 'Ny pasientreise-ordning'),
    'demo-log-1',
  );
  const councilMeetings = [
    councilInvolvement,
    await log(council, maret, meeting('2025-03-10', 'Ny pasientreise-ordning'), 'demo-log-2'),
    await log(council, kjersti, meeting('2025-03-10', 'Ny pasientreise-ordning'), 'demo-log-3'),
    await log(council, maret, meeting('2025-09-15', 'Budsjett for brukermedvirkning'), 'demo-log-4'),
  ];
  const gathering = (occurredOn: string, honorariumDecision: string) => ({
    form: 'user-gathering',
    occurredOn,
    attendance: 'in-person',
    hours: { meeting: 3 },
    honorariumDecision,
    topic: 'Hvordan vil ungdom møte poliklinikken?',
  });
  await log(gatherings, aisha, gathering('2025-04-23', 'paid'), 'demo-log-5');
  await log(gatherings, ola, gathering('2025-04-23', 'paid'), 'demo-log-6');
  await log(gatherings, aisha, gathering('2025-10-08', 'unpaid'), 'demo-log-7');
  const interview = {
    form: 'user-interview',
    occurredOn: '2025-05-20',
    attendance: 'remote',
    hours: { meeting: 1 },
    topic: 'Erfaringer med samvalg',
  };
  await log(interviews, kjersti, interview, 'demo-log-8');
  await log(
    panel,
    per,
    { ...meeting('2025-06-10', 'Prioritering av forskningsspørsmål'), form: 'user-panel' },
    'demo-log-9',
  );

  // The council's first meeting is documented end to end: invited in time, attended, heard, told back, adopted.
  for (const [n, involvement] of councilMeetings.slice(0, 3).entries()) {
    const evidence = [
      { kind: 'invitation', at: '2025-02-24T09:00:00Z', documentsSharedAt: '2025-02-24T09:00:00Z' },
      { kind: 'attendance', at: '2025-03-10T12:00:00Z', confirmedBy: 'attendance-list' },
      { kind: 'input', at: '2025-03-10T12:00:00Z', summary: 'Ønsker enklere søknad om reiserefusjon' },
      { kind: 'feedback', at: '2025-03-28T09:00:00Z', summary: 'Innspillet er tatt inn i planen' },
      {
        kind: 'influence',
        at: '2025-03-27T09:00:00Z',
        decisionRef: 'Styresak 14/2025',
        outcome: 'adopted',
        rationale: 'Tatt inn i tiltaksplanen',
      },
    ];
    for (const [e, body] of evidence.entries())
      await api.post(
        'lead',
        `/v1/involvements/${involvement}/evidence`,
        body,
        `demo-evidence-${n + 1}-${e + 1}`,
      );
  }
  await api.settled();

  // Finance: everything owed up to 30 June, approved by someone else, paid.
  const paidBatch = await id('finance', '/v1/payout-batches', { periodEnd: '2025-06-30' }, 'demo-batch-1');
  await api.post('approver', `/v1/payout-batches/${paidBatch}/approve`, {}, 'demo-batch-1-approve');
  const batch = await api.get('finance', `/v1/payout-batches/${paidBatch}`);
  const lines = batch.lines as Array<{ lineId: string }>;
  await api.post(
    'finance',
    `/v1/payout-batches/${paidBatch}/payments`,
    {
      results: lines.map((line, i) => ({ lineId: line.lineId, status: 'paid', reference: `DEMO-${i + 1}` })),
    },
    'demo-batch-1-payments',
  );

  // A paid meeting turns out to have lasted longer: the correction becomes an adjustment in the next batch.
  await api.post(
    'lead',
    `/v1/involvements/${councilInvolvement}/corrections`,
    { changes: { hours: { meeting: 3.5, preparation: 1.17, travel: 1.5 } }, reason: 'Møtet varte til 13:30' },
    'demo-correction-1',
  );
  await api.settled();
  const nextBatch = await id('finance', '/v1/payout-batches', { periodEnd: '2025-12-31' }, 'demo-batch-2');

  return {
    projects: [
      { id: council, name: 'Regional plan for pasientreiser', level: 'system' },
      { id: gatherings, name: 'Ny poliklinikk for ungdom', level: 'service' },
      { id: interviews, name: 'Samvalg i individuell plan', level: 'individual' },
      { id: panel, name: 'Brukerpanel for nevrologisk forskning', level: 'service' },
    ],
    participants: PEOPLE.map((person, i) => ({ id: people[i], name: person.name })),
    councilInvolvementId: councilInvolvement,
    paidBatchId: paidBatch,
    nextBatchId: nextBatch,
  };
}
