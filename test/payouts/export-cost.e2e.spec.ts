import { randomUUID } from 'node:crypto';
import { AccessLog } from '@app/audit';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRuntime } from '@app/platform';
import { BACKGROUND_STATEMENTS, StatementCounter, TRANSACTION_BRACKETS } from '../support/statement-counter';
import { FINANCE, PayoutsApi, sum } from './support/payouts-api';

/**
 * The export of an approved batch opens each payee's data (their stream, their
 * key) and records the read in the access log. Before, that cost a handful of
 * statements per payee, one payee at a time (a 2,000-payee batch: ≈ 6,000
 * statements before the first byte); now the payees are read, their keys
 * unwrapped and their access-log entries written a chunk at a time: as many
 * statements for 12 payees as for 2, each still logged once, a forgotten
 * person still exported with the data erased.
 */
describe('the export costs the same statements for 12 payees as for 2', () => {
  let api: PayoutsApi;
  let projectId: string;
  const statements = StatementCounter.ignoring(BACKGROUND_STATEMENTS, TRANSACTION_BRACKETS);

  beforeAll(async () => {
    api = await PayoutsApi.start();
    projectId = await api.p.project();
    statements.install();
  }, 60_000);
  afterAll(async () => {
    statements.uninstall();
    await api.close();
  });

  /** An approved batch of 24 lines over `payees` people, the first of them forgotten before it was drafted. */
  async function approvedBatch(payees: number): Promise<{ batchId: string; people: string[] }> {
    const people: string[] = [];
    for (let i = 0; i < payees; i += 1) people.push(await api.p.participant({ name: `Payee ${i}` }));
    expect((await api.p.post(`/v1/participants/${people[0]}/forget`, 'admin')).status).toBe(200);
    const batchId = randomUUID();
    const lines = Array.from({ length: 24 }, (_, i) => ({
      lineId: randomUUID(),
      participantId: people[i % payees],
      involvementId: `inv-${i}`,
      projectId,
      organizationId: 'helse-nord',
      occurredOn: '2025-03-10',
      kind: 'meeting',
      amountOre: 10_000 + i,
      taxable: true,
      incomeType: 'honorar',
      adjustsLineId: null,
    }));
    const store = api.p.t.app.get<EventStore>(EVENT_STORE);
    await store.append(
      `payout-batch-${batchId}`,
      [
        {
          eventId: randomUUID(),
          type: 'PayoutBatchDrafted',
          data: {
            batchId,
            periodEnd: '2025-05-31',
            organizationId: 'helse-nord',
            createdBy: FINANCE.frode,
            lines,
            totalOre: sum(lines.map((l) => l.amountOre)),
          },
        },
      ],
      'no-stream',
      { actor: FINANCE.frode, correlationId: randomUUID() },
    );
    expect((await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona')).status).toBe(200);
    return { batchId, people };
  }

  /** The statements of one CSV export, with the projections caught up and stopped; and its body. */
  async function exported(batchId: string): Promise<{ statements: string[]; csv: string }> {
    const runtime = api.p.t.app.get(ProjectionRuntime);
    await api.p.t.settled();
    await runtime.beforeApplicationShutdown();
    const res = await statements.during(() =>
      api.p.get(`/v1/payout-batches/${batchId}/export?format=csv`, 'finance').buffer(true),
    );
    runtime.onApplicationBootstrap();
    expect(res.status).toBe(200);
    return { statements: [...statements.sent], csv: res.text };
  }

  it('sends as many statements for 12 payees as for 2, logs each payee once and erases the forgotten', async () => {
    const few = await approvedBatch(2);
    const many = await approvedBatch(12);

    const fewExport = await exported(few.batchId);
    const manyExport = await exported(many.batchId);

    expect(manyExport.statements).toEqual(fewExport.statements);
    const accessLog = api.p.t.app.get(AccessLog);
    for (const [index, person] of many.people.entries()) {
      const reads = (await accessLog.forSubject(person)).filter(
        (r) => r.action === 'read-personal-data' && r.detail?.batchId === many.batchId,
      );
      expect(reads).toHaveLength(1);
      expect(manyExport.csv.includes(`Payee ${index};`)).toBe(index !== 0);
    }
  }, 120_000);
});
