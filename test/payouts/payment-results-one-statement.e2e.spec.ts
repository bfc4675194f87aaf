import { StatementCounter } from '../support/statement-counter';
import { PayoutsApi } from './support/payouts-api';

/**
 * A round of payment results updates its lines in one statement, not one per
 * line (issue 13, item 6: a 50,000-line round was 50,000 UPDATEs when the
 * payout-lines projection applied it). Each line still gets its own result:
 * paid with its reference and time, failed with its reason, the rest untouched.
 */
describe('payment results are projected in one statement per message', () => {
  let api: PayoutsApi;
  const updates = StatementCounter.matching(/^\s*UPDATE payout_lines/);

  beforeAll(async () => {
    api = await PayoutsApi.start();
    updates.install();
  });
  afterAll(async () => {
    updates.uninstall();
    await api.close();
  });

  it('records paid and failed lines of a six-line round with one UPDATE of payout_lines', async () => {
    const projectId = await api.p.project();
    const people = [await api.p.participant(), await api.p.participant(), await api.p.participant()];
    for (const person of people) await api.p.appoint(projectId, person);
    for (const [n, person] of people.entries())
      for (const day of ['03', '04'])
        await api.p.involvement(projectId, person, { occurredOn: `2025-0${n + 2}-${day}` });
    const draft = await api.draft('2025-12-31');
    expect(draft.status).toBe(201);
    const batchId = draft.body.id as string;
    expect((await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona')).status).toBe(200);
    await api.p.t.settled();
    const lines = (await api.batch(batchId)).lines;
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const [failed, ...paid] = lines.slice(0, 6);
    const results = [
      { lineId: failed.lineId, status: 'failed', reason: 'Kontoen er stengt' },
      ...paid.map((l, i) => ({ lineId: l.lineId, status: 'paid', reference: `BANK-${i}` })),
    ];

    const recorded = await updates.during(async () => {
      const answer = await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', { results });
      await api.p.t.settled();
      return answer;
    });

    expect(recorded.status).toBe(200);
    expect(updates.sent).toHaveLength(1);
    const { rows } = await api.p.t.db.pool.query<{
      line_id: string;
      status: string;
      reference: string | null;
      reason: string | null;
      paid: boolean;
    }>(
      `SELECT line_id, status, reference, reason, paid_at IS NOT NULL AS paid FROM payout_lines
       WHERE batch_id = $1 ORDER BY line_no`,
      [batchId],
    );
    expect(rows).toEqual(
      lines.map((l) => {
        const at = results.findIndex((r) => r.lineId === l.lineId);
        if (at === 0)
          return {
            line_id: l.lineId,
            status: 'failed',
            reference: null,
            reason: 'Kontoen er stengt',
            paid: false,
          };
        if (at > 0)
          return { line_id: l.lineId, status: 'paid', reference: `BANK-${at - 1}`, reason: null, paid: true };
        return { line_id: l.lineId, status: 'approved', reference: null, reason: null, paid: false };
      }),
    );
  });
});
