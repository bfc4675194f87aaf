import { eventHash, type EventMetadata } from '@app/event-store';
import {
  Notary,
  verifyCheckpoint,
  verifyConsistencyProof,
  verifyInclusionProof,
  type Checkpoint,
  type InclusionProof,
} from '@app/audit';
import type { FixedClock } from '@app/shared-kernel';
import { nationalId, SUB } from '../participation/support/builders';
import { FINANCE, PayoutsApi, sum, type PayoutLineView } from '../payouts/support/payouts-api';
import { attendance, evidence, feedback, influence, input, invitation } from '../reporting/support/evidence';
import { rewriteStoredEvent } from './support/tamper';

interface Item {
  position: number;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  hash: string;
}

const SHORT_HOURS = { meeting: 1.5, preparation: 0.5, travel: 0 };
const HONORARIUM_KINDS = ['meeting', 'preparation', 'travel-time'];
const LOST_INCOME_KINDS = ['lost-income-documented', 'lost-income-undocumented'];

/**
 * Issue 6, "Done means", end to end through HTTP: a year (2025) of
 * participation in one trust, entered as it happens while the clock moves
 * through the year, a payout batch drafted, approved by a second finance user
 * and paid; then the auditor's whole workflow.
 */
describe('audit after a realistic year', () => {
  let api: PayoutsApi;
  /** helse-nord: a user council (system level), a user panel (service) and an individual-level project. */
  let council: string;
  let panel: string;
  let individual: string;
  /** helse-vest: a project of another organisation, in the same batch. */
  let vest: string;
  /** Máret, whose history the auditor reads; Ola beside her in the council; Cecilie and David on the panel; Eli in helse-vest. */
  let maret: string;
  let ola: string;
  let cecilie: string;
  let david: string;
  let eli: string;
  const involvements: Record<string, string> = {};
  let batchId: string;
  let batchLines: PayoutLineView[];
  let midYear: Checkpoint;
  let maretAppointment: string;

  const clock = () => api.p.t.clock as FixedClock;
  const at = (iso: string) => clock().set(iso);
  const ok = (res: { status: number; body: unknown }, status = 200) => {
    if (res.status !== status) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  /** What the notary's scheduler does every second, without waiting for it. */
  const checkpointAfterAMinute = async (): Promise<Checkpoint> => {
    await api.p.t.settled();
    clock().advance(61_000);
    await api.p.t.app.get(Notary).checkpointIfDue();
    const res = await api.p.get('/v1/audit/checkpoints/latest', 'auditor');
    expect(res.status).toBe(200);
    return res.body as Checkpoint;
  };
  const history = async (participantId: string): Promise<Item[]> => {
    const res = await api.p.get(`/v1/audit/participants/${participantId}/history`, 'auditor');
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };
  const verify = async () => {
    const res = await api.p.post('/v1/audit/verify', 'auditor');
    expect(res.status).toBe(200);
    return res.body as { verified: boolean; events: number; failures: Array<Record<string, unknown>> };
  };
  const annual = async (query: string) => {
    const res = await api.p.get(`/v1/reports/annual?${query}`, 'auditor');
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    api = await PayoutsApi.start();
    const p = api.p;

    // January: the projects, the people and their appointments.
    at('2025-01-06T08:00:00Z');
    council = await p.project({ name: 'Brukerrådet', organizationId: 'helse-nord', level: 'system' });
    panel = await p.project({ name: 'Pasientpanel', organizationId: 'helse-nord', level: 'service' });
    individual = await p.project({
      name: 'Individuell plan',
      organizationId: 'helse-nord',
      level: 'individual',
    });
    vest = await p.project({ name: 'Ungdomsråd', organizationId: 'helse-vest', level: 'service' });
    maret = await p.participant();
    ola = await p.participant({ name: 'Ola Åsen', nationalId: nationalId('020280') });
    cecilie = await p.participant({ name: 'Cecilie Berg', nationalId: nationalId('030370') });
    david = await p.participant({ name: 'David Dahl', nationalId: nationalId('040460') });
    eli = await p.participant({ name: 'Eli Vik', nationalId: nationalId('050550') });
    maretAppointment = await p.appoint(council, maret, { role: 'leader' });
    await p.appoint(council, ola);
    await p.appoint(panel, cecilie);
    await p.appoint(panel, david, { role: 'deputy' });

    // 10 February: the council meets, invited two weeks ahead; told back and adopted later.
    at('2025-02-10T16:00:00Z');
    for (const [who, participantId] of [
      ['maretFeb', maret],
      ['olaFeb', ola],
    ] as const) {
      const id = await p.involvement(council, participantId, { occurredOn: '2025-02-10' });
      involvements[who] = id;
      await evidence(p, id, invitation('2025-01-27T08:00:00Z', '2025-01-27T08:00:00Z'));
      await evidence(p, id, attendance('2025-02-10T12:00:00Z'));
      await evidence(p, id, input('2025-02-10T12:00:00Z'));
    }
    at('2025-02-24T09:00:00Z');
    for (const id of [involvements.maretFeb, involvements.olaFeb])
      await evidence(p, id, feedback('2025-02-24T08:00:00Z'));
    at('2025-03-10T09:00:00Z');
    for (const id of [involvements.maretFeb, involvements.olaFeb])
      await evidence(p, id, influence('2025-03-10T08:00:00Z'));

    // 12 March: the panel meets, invited two days ahead; heard and adopted, but never told back.
    at('2025-03-12T16:00:00Z');
    for (const [who, participantId] of [
      ['cecilieMar', cecilie],
      ['davidMar', david],
    ] as const) {
      const id = await p.involvement(panel, participantId, { form: 'user-panel', occurredOn: '2025-03-12' });
      involvements[who] = id;
      await evidence(p, id, invitation('2025-03-10T08:00:00Z'));
      await evidence(p, id, input('2025-03-12T12:00:00Z'));
    }
    midYear = await checkpointAfterAMinute();

    // April: an interview, peer support (never counted, never paid), helse-vest, and a correction.
    at('2025-04-14T15:00:00Z');
    involvements.maretInterview = await p.involvement(individual, maret, {
      form: 'user-interview',
      occurredOn: '2025-04-14',
      hours: SHORT_HOURS,
      expenses: [],
    });
    involvements.olaPeer = await p.involvement(individual, ola, {
      form: 'peer-support',
      occurredOn: '2025-04-14',
      hours: SHORT_HOURS,
      expenses: [],
    });
    involvements.eliInterview = await p.involvement(vest, eli, {
      form: 'user-interview',
      occurredOn: '2025-04-14',
      hours: SHORT_HOURS,
      expenses: [],
    });
    at('2025-04-20T10:00:00Z');
    ok(
      await p.post(`/v1/involvements/${involvements.maretFeb}/corrections`, 'lead', {
        changes: { hours: { meeting: 3.5, preparation: 1.17, travel: 1.5 } },
        reason: 'Møtet varte lenger',
      }),
    );

    // 5 May: the panel's input is adopted (still no feedback).
    at('2025-05-05T10:00:00Z');
    for (const id of [involvements.cecilieMar, involvements.davidMar])
      await evidence(p, id, influence('2025-05-05T09:00:00Z'));

    // 12 May: the council again; Ola's involvement was logged by mistake and is voided.
    at('2025-05-12T16:00:00Z');
    involvements.maretMay = await p.involvement(council, maret, {
      occurredOn: '2025-05-12',
      lostIncome: { documented: true, amountOre: 150000 },
    });
    await evidence(p, involvements.maretMay, invitation('2025-04-28T08:00:00Z'));
    // Attendance is recorded too: without it the meeting is not documented (docs/adr/0021).
    await evidence(p, involvements.maretMay, attendance('2025-05-12T12:00:00Z'));
    involvements.olaMay = await p.involvement(council, ola, { occurredOn: '2025-05-12' });
    ok(await p.post(`/v1/involvements/${involvements.olaMay}/void`, 'lead', { reason: 'Feilført' }));
    at('2025-05-26T09:00:00Z');
    await evidence(p, involvements.maretMay, feedback('2025-05-26T08:00:00Z'));
    at('2025-06-10T09:00:00Z');
    await evidence(p, involvements.maretMay, influence('2025-06-10T08:00:00Z'));

    // 1 October: Frode drafts the batch, Fiona approves it, the bank pays all but David.
    at('2025-10-01T08:00:00Z');
    const drafted = await api.draft('2025-09-30', 'frode');
    ok(drafted, 201);
    batchId = drafted.body.id;
    ok(await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona'));
    const { lines } = await api.batch(batchId);
    at('2025-10-08T08:00:00Z');
    const results = lines.map((l) =>
      l.participantId === david
        ? { lineId: l.lineId, status: 'failed', reason: 'Kontonummeret er stengt' }
        : { lineId: l.lineId, status: 'paid', reference: `BANK-${l.lineId.slice(0, 8)}` },
    );
    ok(await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', { results }));
    at('2025-10-15T08:00:00Z');
    await api.p.t.settled();
    batchLines = (await api.batch(batchId)).lines;
  }, 180_000);

  afterAll(() => api.close());

  it('pays what was accrued: the batch was drafted by one finance user and approved by another', async () => {
    const batch = await api.batch(batchId);
    expect(batch).toMatchObject({
      status: 'settled',
      createdBy: FINANCE.frode,
      approvedBy: FINANCE.fiona,
    });
    const paidFor = new Set(batchLines.map((l) => l.involvementId));
    expect(paidFor).toEqual(
      new Set([
        involvements.maretFeb,
        involvements.olaFeb,
        involvements.cecilieMar,
        involvements.davidMar,
        involvements.maretInterview,
        involvements.eliInterview,
        involvements.maretMay,
      ]),
    );
    // Neither peer support nor a voided involvement is ever paid.
    expect(paidFor.has(involvements.olaPeer)).toBe(false);
    expect(paidFor.has(involvements.olaMay)).toBe(false);
    // The bank paid every line but David's.
    for (const l of batchLines) expect(l.status).toBe(l.participantId === david ? 'failed' : 'paid');
  });

  it('the auditor reads Máret’s full history in order, across projects, involvements and the batch', async () => {
    const items = await history(maret);
    expect(items.map((i) => i.type)).toEqual([
      'ParticipantRegistered',
      'AppointmentMade',
      // 10 February, then feedback and influence
      'InvolvementLogged',
      'EvidenceAdded',
      'EvidenceAdded',
      'EvidenceAdded',
      'EvidenceAdded',
      'EvidenceAdded',
      // April: the interview, then the correction of February
      'InvolvementLogged',
      'InvolvementCorrected',
      // 12 May
      'InvolvementLogged',
      'EvidenceAdded',
      'EvidenceAdded',
      'EvidenceAdded',
      'EvidenceAdded',
      // October: the batch
      'PayoutBatchDrafted',
      'PayoutBatchApproved',
      'PaymentResultsRecorded',
      'PayoutBatchSettled',
    ]);
    const positions = items.map((i) => i.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const recorded = items.map((i) => i.metadata.recordedAt);
    expect(recorded).toEqual([...recorded].sort());
    expect(recorded[0]).toBe('2025-01-06T08:00:00.000Z');
    expect(new Set(items.map((i) => i.streamId))).toEqual(
      new Set([
        `participant-${maret}`,
        `appointment-${maretAppointment}`,
        `involvement-${involvements.maretFeb}`,
        `involvement-${involvements.maretInterview}`,
        `involvement-${involvements.maretMay}`,
        `payout-batch-${batchId}`,
      ]),
    );
    const batchEvents = items.filter((i) => i.streamId === `payout-batch-${batchId}`);
    expect(batchEvents.map((i) => i.metadata.actor)).toEqual([
      FINANCE.frode,
      FINANCE.fiona,
      FINANCE.frode,
      expect.any(String),
    ]);
    expect(items[0].metadata.actor).toBe(SUB.lead);
    for (const item of items) expect(eventHash(item)).toBe(item.hash);
    // Nobody else's involvements are in it (the batch's events list every payee's lines, by id only).
    const text = JSON.stringify(items.filter((i) => !i.streamId.startsWith('payout-batch-')));
    for (const other of [involvements.olaFeb, involvements.olaPeer, involvements.cecilieMar])
      expect(text).not.toContain(other);
  });

  describe('the notary', () => {
    let latest: Checkpoint;

    beforeAll(async () => {
      latest = await checkpointAfterAMinute();
    });

    it('proves one event is in the signed log, checkable with the public key and checkpoint alone', async () => {
      expect(latest.treeSize).toBe(await api.p.eventCount());
      expect(verifyCheckpoint(latest, latest.publicKey)).toBe(true);
      const correction = (await history(maret)).find((i) => i.type === 'InvolvementCorrected')!;
      const res = await api.p.get(
        `/v1/audit/events/${correction.position}/proof?treeSize=${latest.treeSize}`,
        'auditor',
      );
      expect(res.status).toBe(200);
      const proof = res.body as InclusionProof;
      // The hash recomputed from the event as served, not the hash the server states.
      const leaf = eventHash(correction);
      expect(verifyInclusionProof(leaf, proof, latest.rootHash)).toBe(true);
      const altered = { ...correction, data: { ...correction.data, reason: 'Noe annet' } };
      expect(verifyInclusionProof(eventHash(altered), proof, latest.rootHash)).toBe(false);
      // A checkpoint whose signature does not hold is worth nothing.
      expect(verifyCheckpoint({ ...latest, treeSize: latest.treeSize + 1 }, latest.publicKey)).toBe(false);
    });

    it('proves the year-end checkpoint extends the one signed in March', async () => {
      expect(midYear.treeSize).toBeLessThan(latest.treeSize);
      expect(verifyCheckpoint(midYear, latest.publicKey)).toBe(true);
      const res = await api.p.get(
        `/v1/audit/consistency?from=${midYear.treeSize}&to=${latest.treeSize}`,
        'auditor',
      );
      expect(res.status).toBe(200);
      expect(verifyConsistencyProof(res.body, midYear.rootHash, latest.rootHash)).toBe(true);
      expect(verifyConsistencyProof(res.body, latest.rootHash, midYear.rootHash)).toBe(false);
    });
  });

  // Revision 2 of the rules (docs/adr/0021) adds two reasons to the panel's verdict: nobody recorded
  // attendance (not-documented), and David is a deputy, so one member sat on the panel that day.
  it('a panel invited late, never told back, without attendance records and one seated member is symbolic-risk, with those reasons', async () => {
    const res = await api.p.get(`/v1/audit/projects/${panel}/participation`, 'auditor');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      classification: 'symbolic-risk',
      reasons: ['not-documented', 'late-invitations', 'no-feedback', 'too-few-representatives'],
      appointedRepresentatives: 1,
    });
    expect(res.body.explanations).toEqual([
      expect.objectContaining({
        reason: 'not-documented',
        involvementIds: expect.arrayContaining([involvements.cecilieMar, involvements.davidMar]),
      }),
      expect.objectContaining({
        reason: 'late-invitations',
        involvementIds: expect.arrayContaining([involvements.cecilieMar, involvements.davidMar]),
      }),
      expect.objectContaining({
        reason: 'no-feedback',
        involvementIds: expect.arrayContaining([involvements.cecilieMar, involvements.davidMar]),
      }),
      expect.objectContaining({
        reason: 'too-few-representatives',
        involvementIds: expect.arrayContaining([involvements.cecilieMar, involvements.davidMar]),
      }),
    ]);
  });

  it('the council, with feedback, documented influence and two appointed representatives, is real', async () => {
    const res = await api.p.get(`/v1/audit/projects/${council}/participation`, 'auditor');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      classification: 'real',
      reasons: [],
      appointedRepresentatives: 2,
      excluded: { voided: 1 },
    });
    expect(res.body.involvements).toHaveLength(3);
    for (const i of res.body.involvements)
      expect(i.indicators).toMatchObject({
        invitedInGoodTime: true,
        attended: true,
        toldBack: true,
        influence: true,
      });
  });

  it('the annual report counts the year and its paid figures are the paid batch lines', async () => {
    const paidLines = batchLines.filter((l) => l.status === 'paid');
    const figures = (lines: PayoutLineView[]) => {
      const inKinds = (kinds: string[]) =>
        sum(lines.filter((l) => kinds.includes(l.kind)).map((l) => l.amountOre));
      return {
        honorariumOre: inKinds(HONORARIUM_KINDS),
        lostIncomeOre: inKinds(LOST_INCOME_KINDS),
        expensesOre: sum(
          lines
            .filter((l) => !HONORARIUM_KINDS.includes(l.kind) && !LOST_INCOME_KINDS.includes(l.kind))
            .map((l) => l.amountOre),
        ),
        totalOre: sum(lines.map((l) => l.amountOre)),
        lineCount: lines.length,
      };
    };
    // David's lines failed, so paid is less than the batch.
    expect(paidLines.length).toBeLessThan(batchLines.length);

    const nord = await annual('year=2025&organizationId=helse-nord');
    expect(nord).toMatchObject({
      organizationId: 'helse-nord',
      projects: { total: 3, byLevel: { individual: 1, service: 1, system: 1 } },
      involvements: {
        total: 6,
        byForm: { 'user-council': 3, 'user-panel': 2, 'user-interview': 1 },
      },
      excluded: { voided: 1, peerSupport: 1 },
      people: 4,
      symbolicRisk: { projects: 2, of: 3 },
    });
    const atRisk = nord.symbolicRisk.items.map((i: { projectId: string }) => i.projectId);
    expect(atRisk).toEqual(expect.arrayContaining([panel, individual]));
    expect(atRisk).not.toContain(council);
    const nordLines = paidLines.filter((l) => l.involvementId !== involvements.eliInterview);
    expect(nordLines.length).toBeLessThan(paidLines.length);
    expect(nord.economy).toEqual(
      expect.objectContaining({ paid: figures(nordLines), paidSource: 'payouts' }),
    );
    expect(nord.economy.paid.lostIncomeOre).toBe(150000);
    expect(nord.economy).not.toHaveProperty('note');

    const whole = await annual('year=2025');
    expect(whole.economy).toMatchObject({ paid: figures(paidLines), paidSource: 'payouts' });
  });

  describe('verification', () => {
    it('is clean on the untouched log', async () => {
      expect(await verify()).toEqual(
        expect.objectContaining({ verified: true, events: await api.p.eventCount(), failures: [] }),
      );
    });

    it('names exactly the event that was changed behind the store’s back', async () => {
      const [target] = (await history(maret)).filter((i) => i.type === 'InvolvementLogged');
      await rewriteStoredEvent(api.p.t.db.pool, target.position, {
        data: { ...target.data, hours: { meeting: 12, preparation: 0, travel: 0 } },
      });
      const report = await verify();
      expect(report.verified).toBe(false);
      expect(report.failures).toEqual([
        {
          position: target.position,
          streamId: `involvement-${involvements.maretFeb}`,
          version: 1,
          reason: expect.stringContaining('no longer matches its stored hash'),
        },
      ]);
    });
  });
});
