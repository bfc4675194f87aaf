import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type StoredEvent } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { AuditHistoryQueries } from './audit-history.queries';
import { AuditIndexProjection } from './audit-index.projection';

const meta = (at: string) => ({
  actor: 'finance-frode',
  correlationId: 'c',
  causationId: null,
  recordedAt: at,
  schemaVersion: 1,
});

let position = 100;
/** Events as the runtime delivers them; positions deliberately sparse. */
function event(streamId: string, version: number, type: string, data: Record<string, unknown>): StoredEvent {
  position += 7;
  return {
    position,
    streamId,
    version,
    eventId: randomUUID(),
    type,
    data,
    metadata: meta('2025-06-02T09:00:00.000Z'),
    hash: 'f'.repeat(64),
  };
}

describe('audit index: who each event is about', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let projection: AuditIndexProjection;
  let queries: AuditHistoryQueries;

  const apply = (...events: StoredEvent[]) =>
    dataSource.transaction(async (tx) => {
      for (const e of events) await projection.apply(e, tx);
    });
  const historyOf = async (participantId: string) =>
    (await queries.participantHistory(participantId, 0, 100)).items.map(
      (e) => `${e.streamId}#${e.version} ${e.type}`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    store = new PostgresEventStore({ pool: db.pool });
    projection = new AuditIndexProjection(store);
    queries = new AuditHistoryQueries(dataSource);
  });

  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    await db.drop();
  });

  it('follows a person through involvements (also events without their id) and payout batches', async () => {
    await apply(
      event('project-1', 1, 'ProjectRegistered', { projectId: '1', name: 'P' }),
      event('involvement-a', 1, 'InvolvementLogged', {
        involvementId: 'a',
        participantId: 'p1',
        projectId: '1',
      }),
      event('involvement-b', 1, 'InvolvementLogged', {
        involvementId: 'b',
        participantId: 'p2',
        projectId: '1',
      }),
      event('involvement-a', 2, 'InvolvementCorrected', { involvementId: 'a', changes: {}, previous: {} }),
      event('payout-batch-9', 1, 'PayoutBatchDrafted', {
        batchId: '9',
        lines: [
          { lineId: 'l1', participantId: 'p1' },
          { lineId: 'l2', participantId: 'p2' },
        ],
      }),
      event('payout-batch-9', 2, 'PaymentResultsRecorded', {
        batchId: '9',
        results: [{ lineId: 'l1', status: 'paid' }],
      }),
      event('payout-batch-9', 3, 'PayoutBatchSettled', { batchId: '9' }),
      event('payout-batch-10', 1, 'PayoutBatchDrafted', {
        batchId: '10',
        lines: [{ lineId: 'l3', participantId: 'p2' }],
      }),
    );
    expect(await historyOf('p1')).toEqual([
      'involvement-a#1 InvolvementLogged',
      'involvement-a#2 InvolvementCorrected',
      'payout-batch-9#1 PayoutBatchDrafted',
      'payout-batch-9#2 PaymentResultsRecorded',
      'payout-batch-9#3 PayoutBatchSettled',
    ]);
    expect(await historyOf('p2')).toEqual([
      'involvement-b#1 InvolvementLogged',
      'payout-batch-9#1 PayoutBatchDrafted',
      'payout-batch-9#2 PaymentResultsRecorded',
      'payout-batch-9#3 PayoutBatchSettled',
      'payout-batch-10#1 PayoutBatchDrafted',
    ]);
  });

  it('pages a history by position', async () => {
    const first = await queries.participantHistory('p1', 0, 2);
    expect(first.items).toHaveLength(2);
    const rest = await queries.participantHistory('p1', Number(first.next), 100);
    expect(rest.items.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(rest.next).toBeNull();
  });

  it('indexes what was stored, not an upcast shape delivered by the runtime', async () => {
    await store.append(
      'participant-old',
      [{ eventId: randomUUID(), type: 'ParticipantRegistered', data: { participantId: 'old', sealed: 'x' } }],
      'no-stream',
      { actor: 'lead', correlationId: 'c' },
    );
    const [stored] = await store.readStream('participant-old');
    const upcast = { ...stored, data: { ...stored.data, employedBy: [] } };
    await apply(upcast);
    const [indexed] = (await queries.stream('participant-old', 0, 10)).items;
    expect(indexed.data).toEqual({ participantId: 'old', sealed: 'x' });
    expect(indexed.hash).toBe(stored.hash);
  });
});
