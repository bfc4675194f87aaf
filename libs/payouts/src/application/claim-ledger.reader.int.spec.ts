import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import type { PayoutLine } from '../domain';
import { ClaimLedgerReader } from './claim-ledger.reader';

const ctx = { actor: 'finance-frode', correlationId: 'c-1' };

const line = (lineId: string, kind: string): PayoutLine => ({
  lineId,
  participantId: 'p1',
  involvementId: 'i1',
  projectId: 'pr1',
  organizationId: 'o1',
  occurredOn: '2025-03-10',
  kind,
  amountOre: 10000,
  taxable: true,
  incomeType: 'styrehonorarOgGodtgjoerelseVerv',
  adjustsLineId: null,
});

const drafted = (batchId: string, lines: PayoutLine[]) => ({
  eventId: crypto.randomUUID(),
  type: 'PayoutBatchDrafted',
  data: {
    batchId,
    periodEnd: '2025-05-31',
    organizationId: null,
    createdBy: 'frode',
    lines,
    totalOre: 10000,
  },
});

/** The draft's view of claims is the head of the log, not the (possibly lagging) read model. */
describe('ClaimLedgerReader', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore({ pool: db.pool, listenUrl: db.url, pollIntervalMs: 200 });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('applies batch events after the projection checkpoint on top of the payout_lines rows', async () => {
    // b0 is projected: its meeting line is approved in the read model, checkpoint at its draft.
    const b0 = await store.append(
      'payout-batch-b0',
      [drafted('b0', [line('l0', 'meeting')])],
      'no-stream',
      ctx,
    );
    await db.pool.query(
      `INSERT INTO payout_lines (line_id, batch_id, participant_id, involvement_id, project_id, organization_id, occurred_on,
         kind, amount_ore, taxable, income_type, status, drafted_position, drafted_at, updated_at)
       VALUES ('l0', 'b0', 'p1', 'i1', 'pr1', 'o1', '2025-03-10', 'meeting', 10000, true, 'x', 'approved', $1, now(), now())`,
      [b0.lastPosition],
    );
    await db.pool.query(`INSERT INTO projection_checkpoints (name, position) VALUES ('payout-lines', $1)`, [
      b0.lastPosition,
    ]);
    // Not projected yet: l0 failed, and b1 claims the mileage.
    await store.append(
      'payout-batch-b0',
      [
        {
          eventId: crypto.randomUUID(),
          type: 'PaymentResultsRecorded',
          data: {
            batchId: 'b0',
            results: [{ lineId: 'l0', status: 'failed', reference: null, reason: 'stengt' }],
          },
        },
      ],
      1,
      ctx,
    );
    await store.append('payout-batch-b1', [drafted('b1', [line('l1', 'mileage')])], 'no-stream', ctx);

    const client = await db.pool.connect();
    try {
      const ledger = await new ClaimLedgerReader(store).read(client, ['i1']);
      const claiming = ledger.claimingByKey();
      expect([...claiming.keys()]).toEqual(['i1|mileage|taxable']);
      expect(claiming.get('i1|mileage|taxable')?.[0]).toMatchObject({
        lineId: 'l1',
        batchId: 'b1',
        status: 'draft',
      });
    } finally {
      client.release();
    }
  });
});
