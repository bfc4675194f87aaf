import { ClaimLedgerReader } from '@app/payouts';
import { PayoutsApi, sum, type PayoutLineView } from './support/payouts-api';

/** Issue 5: "no double payment, ever", even when finance users draft at the same moment. */
describe('concurrent payout drafts', () => {
  let api: PayoutsApi;
  afterAll(() => api.close());

  it('five simultaneous drafts together claim each payable amount exactly once', async () => {
    api = await PayoutsApi.start();
    const projectId = await api.p.project();
    const people = [await api.p.participant(), await api.p.participant(), await api.p.participant()];
    for (const person of people) await api.p.appoint(projectId, person);
    for (const person of people) {
      await api.p.involvement(projectId, person, { occurredOn: '2025-03-10' });
      await api.p.involvement(projectId, person, { occurredOn: '2025-04-14', hours: { meeting: 1.5 } });
    }
    await api.p.t.settled();
    const payable = sum(await Promise.all(people.map(async (p) => (await api.honorarium(p)).accruedOre)));
    expect(payable).toBeGreaterThan(0);

    // Widen the race: every draft pauses between reading the claims and appending its batch.
    const reader = api.p.t.app.get(ClaimLedgerReader, { strict: false });
    const read = reader.read.bind(reader);
    reader.read = async (...args) => {
      const ledger = await read(...args);
      await new Promise((resolve) => setTimeout(resolve, 150));
      return ledger;
    };

    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api.post('/v1/payout-batches', i % 2 === 0 ? 'frode' : 'fiona', { periodEnd: '2025-05-31' }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.every((s) => s === 201 || s === 422)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);

    const batches = await Promise.all(
      responses.filter((r) => r.status === 201).map((r) => api.batch(r.body.id)),
    );
    const lines: PayoutLineView[] = batches.flatMap((b) => b.lines);
    const keys = lines.map((l) => `${l.involvementId}|${l.kind}|${l.taxable}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sum(lines.map((l) => l.amountOre))).toBe(payable);
    expect(sum(responses.filter((r) => r.status === 201).map((r) => r.body.totalOre as number))).toBe(
      payable,
    );

    await api.p.t.settled();
    const after = await Promise.all(people.map((p) => api.honorarium(p)));
    expect(after.every((h) => h.accruedOre === 0)).toBe(true);
    expect(sum(after.map((h) => h.batchedOre))).toBe(payable);
  });
});
