import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import {
  PostgresEventStore,
  rebuildProjection,
  UpcasterRegistry,
  UpcastingEventStore,
} from '@app/event-store';
import { FixedClock } from '@app/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { generateSigningKey, loadSigningKey, type Checkpoint } from '../notary';
import { NotaryLeavesProjection } from '../notary-service/notary-leaves.projection';
import { Notary } from '../notary-service/notary.service';
import { LogVerifier } from './log-verifier';

/** Superuser SQL that skips the append-only triggers for one session. */
async function asAttacker(db: TestDatabase, sql: string, params: unknown[] = []): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sql, params);
  } finally {
    await client.query('SET session_replication_role = DEFAULT');
    client.release();
  }
}

describe('LogVerifier against a tampered store (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let verifier: LogVerifier;
  let checkpoint: Checkpoint;
  const clock = new FixedClock('2025-06-02T09:00:00.000Z');

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore({ pool: db.pool, clock });
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    for (let n = 1; n <= 10; n += 1) {
      await store.append(
        `thing-${n % 3}`,
        [{ eventId: randomUUID(), type: 'Happened', data: { n } }],
        'any',
        { actor: 'a', correlationId: 'c' },
      );
    }
    await rebuildProjection(store, dataSource, new NotaryLeavesProjection());
    const notary = new Notary(dataSource, clock, {
      origin: 'test.example/log',
      signingKey: loadSigningKey(generateSigningKey()),
      eventsPerCheckpoint: 1000,
      maxPendingMs: 60_000,
      tickMs: 1000,
    });
    clock.advance(60_000);
    [checkpoint] = await notary.checkpointIfDue();
    verifier = new LogVerifier(store, dataSource);
  });

  afterEach(async () => {
    await verifier.close();
    await store.close();
    await dataSource.destroy();
    await db.drop();
  });

  it('verifies the untouched log', async () => {
    expect(await verifier.verify(checkpoint)).toMatchObject({ verified: true, events: 10, failures: [] });
  });

  it('names an event that was deleted', async () => {
    await asAttacker(db, 'DELETE FROM events WHERE global_position = 4');
    const report = await verifier.verify(checkpoint);
    expect(report.failures).toEqual([
      {
        position: 4,
        streamId: null,
        version: null,
        reason: expect.stringContaining('missing from the store'),
      },
    ]);
  });

  it('names an event that was inserted in the middle of the signed log', async () => {
    await asAttacker(db, 'UPDATE events SET global_position = 100 WHERE global_position = 10');
    await asAttacker(
      db,
      `INSERT INTO events (global_position, stream_id, version, event_id, type, data, metadata, hash, recorded_at)
       SELECT 10, 'forged-1', 1, $1, type, data, jsonb_set(metadata, '{actor}', '"x"'), hash, recorded_at
       FROM events WHERE global_position = 9`,
      [randomUUID()],
    );
    const report = await verifier.verify(checkpoint);
    expect(report.verified).toBe(false);
    expect(report.failures.map((f) => f.position)).toEqual([10]);
  });

  it('says the tree does not match when the notary’s leaf record was rewritten as well', async () => {
    await asAttacker(db, `UPDATE events SET data = '{"n": 99}' WHERE global_position = 2`);
    await asAttacker(db, `UPDATE notary_leaves SET event_hash = $1 WHERE position = 2`, ['0'.repeat(64)]);
    const report = await verifier.verify(checkpoint);
    expect(report.verified).toBe(false);
    expect(report.failures).toContainEqual(
      expect.objectContaining({ position: null, reason: expect.stringContaining('cannot be named') }),
    );
  });

  it('refuses a checkpoint that does not verify with the trusted key', async () => {
    const other = Buffer.alloc(32, 9).toString('base64');
    const report = await verifier.verify(checkpoint, other);
    expect(report).toMatchObject({ verified: false, failures: [{ position: null }] });
  });

  it('hands the worker each page of the log in one message, not one per few events', async () => {
    for (let n = 0; n < 20; n += 1)
      await store.append(
        `bulk-${n}`,
        Array.from({ length: 100 }, (_, i) => ({ eventId: randomUUID(), type: 'Happened', data: { n, i } })),
        'no-stream',
        { actor: 'a', correlationId: 'c' },
      );
    const posted = jest.spyOn(Worker.prototype, 'postMessage');
    try {
      const report = await verifier.verify(checkpoint);
      expect(report).toMatchObject({ verified: true, events: 2010 });
      const rehashRequests = posted.mock.calls.filter(
        ([request]) => (request as { kind: string }).kind === 'rehash',
      );
      expect(rehashRequests).toHaveLength(3); // pages of 1,000, 1,000 and 10 events
    } finally {
      posted.mockRestore();
    }
  });

  it('hashes the stored JSON exactly as the append did, and names an event whose nested data was changed', async () => {
    const awkward = {
      zeta: 1,
      alpha: [-0, 1e21, 0.1, 1.5e-7, 'æøå "quoted" \\ \u2028 \u001f 😀', { b: null, é: true, B: false }],
      long: 'x'.repeat(5000),
      nested: { deeper: { list: [[], {}, [1, [2, [3]]]] } },
    };
    await store.append(
      'awkward-1',
      [{ eventId: randomUUID(), type: 'Happened', data: awkward }],
      'no-stream',
      {
        actor: 'a',
        correlationId: 'c',
      },
    );
    expect(await verifier.verify(checkpoint)).toMatchObject({ verified: true, events: 11, failures: [] });

    await asAttacker(
      db,
      `UPDATE events SET data = jsonb_set(data, '{nested,deeper,list,2,1,1,0}', '4') WHERE stream_id = 'awkward-1'`,
    );
    const report = await verifier.verify(checkpoint);
    expect(report.verified).toBe(false);
    expect(report.failures).toEqual([
      {
        position: 11,
        streamId: 'awkward-1',
        version: 1,
        reason: expect.stringContaining('the event was changed'),
      },
    ]);
  });

  it('reads any other store through the port and still names a changed event', async () => {
    // Not a PostgresEventStore: the page is read with readAll and serialised on the main thread.
    const throughPort = new LogVerifier(new UpcastingEventStore(store, new UpcasterRegistry()), dataSource);
    try {
      expect(await throughPort.verify(checkpoint)).toMatchObject({ verified: true, events: 10 });
      await asAttacker(db, `UPDATE events SET data = '{"n": 99}' WHERE global_position = 5`);
      const report = await throughPort.verify(checkpoint);
      expect(report.failures).toContainEqual(
        expect.objectContaining({ position: 5, reason: expect.stringContaining('the event was changed') }),
      );
    } finally {
      await throughPort.close();
    }
  });
});
