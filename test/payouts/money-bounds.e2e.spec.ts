import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { expectFieldErrors, expectRule } from '../participation/support/builders';
import { parseCsv, PayoutsApi } from './support/payouts-api';

const KR_100_000 = 10_000_000;
const BATCH_BOUND = 5_000_000_000;

/**
 * Issue 12, items 2 and 4: a value the calculator cannot price was accepted
 * and then blocked the draft, the report, the ledger and the involvement for
 * everyone; a ticket of 9007199254740991 øre broke the batch total and the
 * CSV export (500). Bounds at write, unpriced records named at read, a bound
 * on each batch, exact totals.
 */
describe('money within bounds, and records that cannot be priced', () => {
  let api: PayoutsApi;
  let store: EventStore;
  beforeAll(async () => {
    api = await PayoutsApi.start();
    store = api.p.t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => api.close());

  /** Appends as data written before the bounds existed would be: past every HTTP check. */
  async function appendDirectly(streamId: string, type: string, data: Record<string, unknown>) {
    const events = await store.readStream(streamId);
    await store.append(
      streamId,
      [{ eventId: randomUUID(), type, data }],
      events.length === 0 ? 'no-stream' : events.length,
      {
        actor: 'before-the-fix',
        correlationId: randomUUID(),
      },
    );
  }

  describe('at write: 400 naming the field and the bound the calculator prices', () => {
    let projectId: string;
    let participantId: string;
    beforeAll(async () => {
      ({ projectId, participantId } = await api.p.scenario());
    });
    const log = (overrides: object) =>
      api.p.post(`/v1/projects/${projectId}/involvements`, 'lead', {
        participantId,
        form: 'user-council',
        occurredOn: '2025-03-11',
        attendance: 'in-person',
        hours: { meeting: 2 },
        ...overrides,
      });

    it.each([
      [{ expenses: [{ kind: 'mileage', km: 1e9 }] }, 'expenses[0].km', /at most 100000 km/],
      [
        { expenses: [{ kind: 'meals', tripHours: 1e9, overnight: false }] },
        'expenses[0].tripHours',
        /at most 24 hours/,
      ],
      [
        { expenses: [{ kind: 'meals', tripHours: 8, distanceKm: 1e9 }] },
        'expenses[0].distanceKm',
        /at most 100000 km/,
      ],
      [
        { expenses: [{ kind: 'ticket', amountOre: 9007199254740991 }] },
        'expenses[0].amountOre',
        /100 000 kr per receipt/,
      ],
      [
        { expenses: [{ kind: 'lodging', amountOre: KR_100_000 + 1 }] },
        'expenses[0].amountOre',
        /at most 10000000 øre/,
      ],
      [
        { lostIncome: { documented: true, amountOre: 1e12 } },
        'lostIncome.amountOre',
        /100 000 kr per involvement/,
      ],
    ])('%j', async (overrides, field, message) => {
      const before = await api.p.eventCount();
      const res = await log(overrides);
      expectFieldErrors(res, field);
      expect(res.body.errors.find((e: { field: string }) => e.field === field).message).toMatch(message);
      expect(await api.p.eventCount()).toBe(before);
    });

    it('a correction is held to the same bounds', async () => {
      const id = (await log({})).body.id as string;
      const res = await api.p.post(`/v1/involvements/${id}/corrections`, 'lead', {
        changes: { expenses: [{ kind: 'mileage', km: 1e9 }] },
        reason: 'feil',
      });
      expectFieldErrors(res, 'changes.expenses[0].km');
    });

    it('a receipt of exactly 100 000 kr is accepted', async () => {
      expect((await log({ expenses: [{ kind: 'ticket', amountOre: KR_100_000 }] })).status).toBe(201);
    });
  });

  describe('at read: a stored record that cannot be priced is named, and the rest carries on', () => {
    let good: { participantId: string; involvementId: string };
    let bad: string;
    let sameDay: string;
    let badParticipant: string;

    beforeAll(async () => {
      const s = await api.p.scenario();
      good = s;
      badParticipant = await api.p.participant({ name: 'Nils Nilsen', nationalId: undefined });
      await api.p.appoint(s.projectId, badParticipant);
      bad = await api.p.involvement(s.projectId, badParticipant);
      sameDay = await api.p.involvement(s.projectId, badParticipant, { hours: { meeting: 1 } });
      await api.p.t.settled();
      const logged = (await api.p.get(`/v1/involvements/${bad}`, 'admin')).body;
      await appendDirectly(`involvement-${bad}`, 'InvolvementCorrected', {
        involvementId: bad,
        changes: { expenses: [{ kind: 'mileage', km: 1e9 }] },
        previous: { expenses: logged.expenses },
        reason: 'written before the bounds',
        appointment: logged.appointment,
        countsAsParticipation: true,
        payable: true,
      });
      await api.p.t.settled();
    });

    it('GET /v1/involvements/{id}: 200, honorarium unpriced with the reason', async () => {
      const res = await api.p.get(`/v1/involvements/${bad}`, 'admin');
      expect(res.status).toBe(200);
      expect(res.body.honorarium).toMatchObject({ status: 'unpriced', involvementId: bad });
      expect(res.body.honorarium.reason).toMatch(new RegExp(`${bad}.*expenses\\[0\\]\\.km`));
    });

    it('the same person’s other involvement that day is still priced', async () => {
      const res = await api.p.get(`/v1/involvements/${sameDay}`, 'admin');
      expect(res.status).toBe(200);
      expect(res.body.honorarium.totalOre).toBeGreaterThan(0);
    });

    it('the draft for all organisations works, names the bad involvement and pays the rest', async () => {
      const res = await api.draft();
      expect(res.status).toBe(201);
      expect(res.body.unpriced).toEqual([
        { status: 'unpriced', involvementId: bad, reason: expect.stringContaining(bad) },
      ]);
      const batch = await api.batch(res.body.id);
      const involvements = new Set(batch.lines.map((l) => l.involvementId));
      expect(involvements.has(good.involvementId) && involvements.has(sameDay)).toBe(true);
      expect(involvements.has(bad)).toBe(false);
    });

    it('the annual report answers and names it', async () => {
      const res = await api.p.get('/v1/reports/annual?year=2025', 'auditor');
      expect(res.status).toBe(200);
      expect(res.body.economy.unpriced).toEqual([
        { status: 'unpriced', involvementId: bad, reason: expect.stringContaining('km') },
      ]);
      expect(res.body.economy.accrued.honorariumOre).toBeGreaterThan(0);
    });

    it('the participant’s ledger answers and names it', async () => {
      const res = await api.p.get(`/v1/participants/${badParticipant}/honorarium`, 'finance');
      expect(res.status).toBe(200);
      expect(res.body.unpriced).toEqual([
        { status: 'unpriced', involvementId: bad, reason: expect.stringContaining('km') },
      ]);
      expect(res.body.lines.map((l: { involvementId: string }) => l.involvementId)).toContain(sameDay);
    });
  });

  describe('a batch moves at most 50 000 000 kr', () => {
    it('eleven large involvements: the draft takes ten (exactly the bound), says what it left, and the next draft takes the eleventh', async () => {
      const projectId = await api.p.project({ organizationId: 'helse-vest' });
      const participantId = await api.p.participant({ name: 'Åse Bergen', nationalId: undefined });
      const tickets = (n: number, last = KR_100_000) =>
        Array.from({ length: n }, (_, i) => ({ kind: 'ticket', amountOre: i === n - 1 ? last : KR_100_000 }));
      const gathering = (day: number, expenses: object[]) =>
        api.p.involvement(projectId, participantId, {
          form: 'user-gathering',
          honorariumDecision: 'paid',
          occurredOn: `2025-04-${String(day).padStart(2, '0')}`,
          hours: { meeting: 2 },
          expenses,
        });
      // What one such gathering pays besides its tickets (the meeting), so ten of them reach the bound exactly.
      const first = await gathering(1, tickets(50));
      const priced = (await api.p.get(`/v1/involvements/${first}`, 'admin')).body.honorarium
        .totalOre as number;
      const besides = priced - 50 * KR_100_000;
      await api.p.post(`/v1/involvements/${first}/corrections`, 'lead', {
        changes: { expenses: tickets(50, KR_100_000 - besides) },
        reason: 'kvittering',
      });
      for (let day = 2; day <= 10; day += 1) await gathering(day, tickets(50, KR_100_000 - besides));
      // The eleventh, youngest, is just as large: before, the draft refused all eleven (422 batch-over-bound).
      const eleventh = await gathering(11, tickets(50, KR_100_000 - besides));

      const drafted = await api.draft('2025-05-31', 'frode', { organizationId: 'helse-vest' });
      expect(drafted.status).toBe(201);
      expect(drafted.body.leftForNextBatch).toEqual({
        lineCount: 2, // the eleventh's meeting and its tickets
        involvementCount: 1,
        totalOre: BATCH_BOUND / 10,
      });
      const inFirst = (await api.batch(drafted.body.id)).lines.map(
        (l: { involvementId: string }) => l.involvementId,
      );
      expect(inFirst).toHaveLength(20);
      expect(inFirst).not.toContain(eleventh);
      expect(drafted.body.totalOre).toBe(BATCH_BOUND);
      expect((await api.post(`/v1/payout-batches/${drafted.body.id}/approve`, 'fiona')).status).toBe(200);
      expect((await api.batch(drafted.body.id)).totalOre).toBe(BATCH_BOUND);

      const json = await api.p.get(`/v1/payout-batches/${drafted.body.id}/export?format=json`, 'finance');
      expect(json.status).toBe(200);
      expect(json.body.totals.totalOre).toBe(BATCH_BOUND);
      const csv = await api.p
        .get(`/v1/payout-batches/${drafted.body.id}/export?format=csv`, 'finance')
        .buffer(true);
      expect(csv.status).toBe(200);
      const rows = parseCsv(csv.text);
      const total = rows[rows.length - 1];
      expect([total[0], total[12]]).toEqual(['SUM', '50000000,00']);

      // What was left is owed still: the next draft takes it, and nothing is in two batches.
      const next = await api.draft('2025-05-31', 'frode', { organizationId: 'helse-vest' });
      expect(next.status).toBe(201);
      expect(next.body).toMatchObject({
        lineCount: 2,
        totalOre: BATCH_BOUND / 10,
        leftForNextBatch: { lineCount: 0, involvementCount: 0, totalOre: 0 },
      });
      const inNext = (await api.batch(next.body.id)).lines.map(
        (l: { involvementId: string }) => l.involvementId,
      );
      expect(new Set(inNext)).toEqual(new Set([eleventh]));
      expectRule(await api.draft('2025-05-31', 'frode', { organizationId: 'helse-vest' }), 'nothing-payable');
    });

    it('a batch approved before the bound, holding the 9007199254740991 øre ticket: export 422 naming the rule, never 500', async () => {
      const s = await api.p.scenario();
      const batchId = randomUUID();
      const line = (amountOre: number, kind: string) => ({
        lineId: randomUUID(),
        participantId: s.participantId,
        involvementId: s.involvementId,
        projectId: s.projectId,
        organizationId: 'helse-nord',
        occurredOn: '2025-03-10',
        kind,
        amountOre,
        taxable: false,
        incomeType: 'trekkfri-reise',
        adjustsLineId: null,
      });
      const lines = [line(9007199254740991, 'ticket'), line(45000, 'mileage')];
      const batch = `payout-batch-${batchId}`;
      await appendDirectly(batch, 'PayoutBatchDrafted', {
        batchId,
        periodEnd: '2025-05-31',
        organizationId: null,
        createdBy: 'finance-frode',
        lines,
        totalOre: Number.MAX_SAFE_INTEGER + 45000, // as the old, inexact sum gave it
      });
      await appendDirectly(batch, 'PayoutBatchApproved', {
        batchId,
        approvedBy: 'finance-fiona',
        lines,
        totalOre: Number.MAX_SAFE_INTEGER + 45000, // as the old, inexact sum gave it
      });
      await api.p.t.settled();
      for (const format of ['csv', 'json']) {
        const res = await api.p.get(`/v1/payout-batches/${batchId}/export?format=${format}`, 'finance');
        expectRule(res, 'batch-over-bound');
      }
    });
  });
});
