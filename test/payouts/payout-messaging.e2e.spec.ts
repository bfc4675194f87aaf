import { randomUUID } from 'node:crypto';
import { INTEGRATION_BUS, TOPICS, type IntegrationBus, type IntegrationMessage } from '@app/messaging';
import { PayoutsApi, type PayoutLineView } from './support/payouts-api';

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 10000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('payouts over integration messages', () => {
  let api: PayoutsApi;
  let batchId: string;
  let lines: PayoutLineView[];

  beforeAll(async () => {
    api = await PayoutsApi.start();
    const projectId = await api.p.project();
    const person = await api.p.participant();
    await api.p.appoint(projectId, person);
    await api.p.involvement(projectId, person);
    const draft = await api.draft();
    batchId = draft.body.id;
    lines = (await api.batch(batchId)).lines;
    expect((await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona')).status).toBe(200);
    await api.p.t.settled();
  });
  afterAll(() => api.close());

  it('puts an approved batch on payouts.batches.v1, keyed by batch id, without personal data', async () => {
    const { rows } = await api.p.t.db.pool.query(
      `SELECT message_key, type, schema_version, payload FROM integration_outbox WHERE topic = $1`,
      [TOPICS.payoutBatches],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ message_key: batchId, type: 'PayoutBatchApproved', schema_version: 1 });
    expect(rows[0].payload.lines.map((l: { lineId: string }) => l.lineId)).toEqual(
      lines.map((l) => l.lineId),
    );
    const text = JSON.stringify(rows[0].payload);
    expect(text).not.toContain('Máret');
    expect(text).not.toContain('12345678903');
  });

  it('records payment results consumed from payouts.payment-results.v1, once', async () => {
    const bus = api.p.t.app.get<IntegrationBus>(INTEGRATION_BUS, { strict: false });
    const message: IntegrationMessage = {
      messageId: randomUUID(),
      topic: TOPICS.paymentResults,
      key: batchId,
      type: 'PaymentResults',
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      payload: {
        batchId,
        results: lines.map((l) => ({
          lineId: l.lineId,
          status: 'paid',
          reference: `BANK-${l.lineId.slice(0, 6)}`,
        })),
      },
    };
    await bus.publish([message]);
    const settled = await eventually(
      () => api.batch(batchId),
      (b) => b.status === 'settled',
    );
    expect(settled.status).toBe('settled');
    expect(settled.lines.every((l) => l.status === 'paid')).toBe(true);

    const stream = `payout-batch-${batchId}`;
    const events = await api.p.eventCount(stream);
    // Redelivered, and sent again under a new id: nothing changes.
    await bus.publish([message, { ...message, messageId: randomUUID() }]);
    const marker = { ...message, messageId: randomUUID(), payload: { batchId: 'unknown', results: [] } };
    await bus.publish([{ ...marker, key: batchId }]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await api.p.eventCount(stream)).toBe(events);
    expect(await api.batch(batchId)).toEqual(settled);
  });
});
