import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import type { StoredEvent } from '../event-store.port';
import { waitFor } from '../contract/event-store.contract';
import { eventHash } from '../event-hash';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { UpcastingEventStore } from '../upcasting/upcasting-event-store';
import { PostgresEventStore } from './postgres-event-store';

const ctx = { actor: 'tester', correlationId: 'c-1' };
const newEvent = (n: number, type = 'CounterIncremented') => ({ eventId: randomUUID(), type, data: { n } });

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore({ pool: db.pool, listenUrl: db.url, pollIntervalMs: 200 });
    await store.append('append-only-1', [newEvent(1)], 'no-stream', ctx);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  describe('the database itself keeps the log append-only', () => {
    it.each([
      ['UPDATE', `UPDATE events SET data = '{"n": 2}' WHERE stream_id = 'append-only-1'`],
      ['DELETE', `DELETE FROM events WHERE stream_id = 'append-only-1'`],
      ['TRUNCATE', `TRUNCATE events`],
      ['moving the head back', `UPDATE event_store_head SET position = 0`],
    ])('refuses %s', async (_name, sql) => {
      await expect(db.pool.query(sql)).rejects.toThrow(/append-only|only moves forward/);
      const { rows } = await db.pool.query(`SELECT data FROM events WHERE stream_id = 'append-only-1'`);
      expect(rows).toEqual([{ data: { n: 1 } }]);
    });
  });

  it('keeps a gap-free global order: 8 concurrent writers, 10,000 events, a live subscriber sees each once, ascending', async () => {
    const writers = 8;
    const callersPerWriter = 5;
    const appendsPerCaller = 250;
    const from = await store.headPosition();
    // Each writer is a store of its own with its own pool, as separate processes would be.
    const pools = Array.from({ length: writers }, () => new Pool({ connectionString: db.url, max: 4 }));
    const stores = pools.map((pool) => new PostgresEventStore({ pool }));
    const seen: StoredEvent[] = [];
    const subscription = store.subscribe({
      after: from,
      batchSize: 300,
      onEvents: async (events) => void seen.push(...events),
    });
    try {
      await Promise.all(
        stores.map(async (writer, w) => {
          // Several callers per writer, single-event appends to a few streams each.
          await Promise.all(
            Array.from({ length: callersPerWriter }, async (_, c) => {
              for (let i = 0; i < appendsPerCaller; i += 1) {
                await writer.append(`gap-${w}-${c}-${i % 7}`, [newEvent(i)], 'any', ctx);
              }
            }),
          );
        }),
      );
      const total = writers * callersPerWriter * appendsPerCaller;
      expect(total).toBe(10_000);
      await waitFor(() => seen.length >= total, 60_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toHaveLength(total);
      const positions = seen.map((e) => e.position);
      for (let i = 1; i < positions.length; i += 1) expect(positions[i]).toBe(positions[i - 1] + 1);
      expect(new Set(seen.map((e) => e.eventId)).size).toBe(total);
      expect(positions[0]).toBe(from + 1);
    } finally {
      await subscription.stop();
      await Promise.all(stores.map((s) => s.close()));
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('group-commits concurrent appends: one bad append fails alone, its neighbours commit', async () => {
    const stream = `group-${randomUUID()}`;
    await store.append(stream, [newEvent(0)], 'no-stream', ctx);
    const outcomes = await Promise.allSettled([
      store.append(`${stream}-a`, [newEvent(1)], 'no-stream', ctx),
      store.append(stream, [newEvent(2)], 5, ctx),
      store.append(`${stream}-b`, [newEvent(3)], 'no-stream', ctx),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('decides every append of one batch on its own: retries, conflicts, stale guesses and bystanders', async () => {
    const stream = `mixed-${randomUUID()}`;
    const first = [newEvent(1), newEvent(2)];
    const stored = await store.append(stream, first, 'no-stream', ctx);
    const outcomes = await Promise.allSettled([
      store.append(stream, first, 'no-stream', ctx), // a retry: the first result
      store.append(`${stream}-other`, [first[0]], 'no-stream', ctx), // an id used elsewhere
      store.append(stream, [newEvent(3)], 'any', ctx), // a guess about a stream this process never saw
      store.append(`${stream}-new`, [newEvent(4)], 'stream-exists', ctx), // no such stream
      store.append(`${stream}-bystander`, [newEvent(5)], 'no-stream', ctx),
      store.append(stream, [newEvent(6)], 2, ctx), // same stream, next batch: the 'any' got version 3 first
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).name))).toEqual([
      { ...stored, duplicate: true },
      'EventIdConflict',
      expect.objectContaining({ nextExpectedVersion: 3, duplicate: false }),
      'WrongExpectedVersion',
      expect.objectContaining({ nextExpectedVersion: 1, duplicate: false }),
      'WrongExpectedVersion',
    ]);
    const events = await store.readStream(stream);
    expect(events.map((e) => [e.version, e.data])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
      [3, { n: 3 }],
    ]);
    expect(await store.readStream(`${stream}-other`)).toEqual([]);
  });

  it('upcasts old event versions on read while the stored form and its hash stay as written', async () => {
    const stream = `upcast-${randomUUID()}`;
    await store.append(
      stream,
      [{ eventId: randomUUID(), type: 'HoursLogged', data: { hours: 2.5 } }],
      'no-stream',
      ctx,
    );
    await store.append(
      stream,
      [{ eventId: randomUUID(), type: 'HoursLogged', schemaVersion: 2, data: { minutes: 30 } }],
      1,
      ctx,
    );
    const upcasters = new UpcasterRegistry().register('HoursLogged', 1, (data) => ({
      minutes: Math.round(Number(data.hours) * 60),
    }));
    const upcasting = new UpcastingEventStore(store, upcasters);
    const read = await upcasting.readStream(stream);
    expect(read.map((e) => [e.data, e.metadata.schemaVersion])).toEqual([
      [{ minutes: 150 }, 2],
      [{ minutes: 30 }, 2],
    ]);
    const raw = await store.readStream(stream);
    expect(raw[0].data).toEqual({ hours: 2.5 });
    expect(raw.every((e) => e.hash === eventHash(e))).toBe(true);
  });
});
