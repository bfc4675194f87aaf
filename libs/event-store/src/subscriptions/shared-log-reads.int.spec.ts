import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { waitFor } from '../contract/event-store.contract';
import type { StoredEvent, Subscription } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';

const ctx = { actor: 'tester', correlationId: 'c' };

/** Counts the catch-up reads (`readAll`) the pool is sent. */
function countLogReads(pool: Pool): () => number {
  let reads = 0;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('WHERE global_position > $1')) reads += 1;
    return query(...args);
  };
  return () => reads;
}

describe('subscriptions of one process share their reads of the log', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let reads: () => number;

  beforeAll(async () => {
    db = await createTestDatabase();
    reads = countLogReads(db.pool);
    store = new PostgresEventStore({ pool: db.pool, pollIntervalMs: 5_000 });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const append = (n: number) =>
    store.append(
      `account-${n % 5}`,
      [{ eventId: randomUUID(), type: 'MoneyDeposited', data: { n } }],
      'any',
      ctx,
    );

  it('eight subscribers catching up and following live read the log about as often as one, and each sees every event once, in order', async () => {
    for (let n = 1; n <= 100; n += 1) await append(n);
    const seen: number[][] = Array.from({ length: 8 }, () => []);
    const subscriptions: Subscription[] = [];
    const readsBefore = reads();
    for (let i = 0; i < 8; i += 1) {
      subscriptions.push(
        store.subscribe({
          after: 0,
          batchSize: 30,
          onEvents: async (events: StoredEvent[]) => {
            // Subscribers of different speeds, as projections are.
            await new Promise((r) => setTimeout(r, i * 3));
            seen[i].push(...events.map((e) => e.data.n as number));
          },
        }),
      );
    }
    await waitFor(() => seen.every((s) => s.length === 100));
    const catchUpReads = reads() - readsBefore;

    const liveBefore = reads();
    for (let n = 101; n <= 120; n += 1) {
      await append(n);
      await waitFor(() => seen.every((s) => s.length === n));
    }
    const liveReads = reads() - liveBefore;
    await Promise.all(subscriptions.map((s) => s.stop()));

    const all = Array.from({ length: 120 }, (_, k) => k + 1);
    for (const s of seen) expect(s).toEqual(all);
    // One subscriber alone needs 4 reads to catch up (30 + 30 + 30 + 10) and one per append live;
    // eight reading on their own needed eight times that (32 and 160).
    expect(catchUpReads).toBeLessThanOrEqual(8);
    expect(liveReads).toBeLessThanOrEqual(40);
  });

  it('hands every subscriber the same frozen events, so none can change what another sees', async () => {
    const head = await store.headPosition();
    await append(121);
    const received: StoredEvent[] = [];
    const subscription = store.subscribe({
      after: head,
      onEvents: async (events) => {
        received.push(...events);
      },
    });
    await waitFor(() => received.length === 1);
    await subscription.stop();
    expect(() => {
      received[0].data.n = 0;
    }).toThrow(TypeError);
    expect(received[0].data.n).toBe(121);
  });
});
