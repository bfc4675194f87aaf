import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresEventStore, rebuildProjection, type StoredEvent } from '@app/event-store';
import { FixedClock } from '@app/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import {
  generateSigningKey,
  loadSigningKey,
  MerkleLog,
  verifyCheckpoint,
  verifyInclusionProof,
} from '../notary';
import { NotaryLeavesProjection } from './notary-leaves.projection';
import { Notary } from './notary.service';
import type { NotarySettings } from './notary-settings';

const ctx = { actor: 'tester', correlationId: 'c' };

describe('Notary checkpoints (real PostgreSQL, the leaves fed by the projection runtime)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let notary: Notary;
  const clock = new FixedClock('2025-06-02T09:00:00.000Z');
  const settings: NotarySettings = {
    origin: 'test.example/log',
    signingKey: loadSigningKey(generateSigningKey()),
    eventsPerCheckpoint: 1000,
    maxPendingMs: 60_000,
    tickMs: 1000,
  };

  const append = async (count: number) => {
    for (let done = 0; done < count; done += 100) {
      const n = Math.min(100, count - done);
      const events = Array.from({ length: n }, (_, i) => ({
        eventId: randomUUID(),
        type: 'Ticked',
        data: { n: done + i },
      }));
      await store.append(`ticks-${randomUUID()}`, events, 'no-stream', ctx);
    }
    await rebuildProjection(store, dataSource, new NotaryLeavesProjection());
  };
  const treeSizes = async () =>
    ((await notary.checkpoints()) as Array<{ treeSize: number }>).map((c) => c.treeSize);
  const storedHashes = async () => {
    const all: StoredEvent[] = await store.readAll({ after: 0, limit: 100_000 });
    return all.map((e) => e.hash);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore({ pool: db.pool, listenUrl: db.url, clock, pollIntervalMs: 50 });
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    notary = new Notary(dataSource, clock, settings);
  });

  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    await db.drop();
  });

  it('signs nothing for 999 fresh events, then a checkpoint at exactly 1,000', async () => {
    await append(999);
    expect(await notary.checkpointIfDue()).toEqual([]);
    await append(1);
    const [made] = await notary.checkpointIfDue();
    expect(made.treeSize).toBe(1000);
    expect(verifyCheckpoint(made, notary.publicKey)).toBe(true);
    const expected = MerkleLog.fromEventHashes(await storedHashes())
      .root(1000)
      .toString('base64');
    expect(made.rootHash).toBe(expected);
    expect(await notary.checkpointIfDue()).toEqual([]);
  });

  it('signs the pending leaves once the oldest has waited 60 s by the injected clock', async () => {
    await append(5);
    expect(await notary.checkpointIfDue()).toEqual([]);
    clock.advance(59_999);
    expect(await notary.checkpointIfDue()).toEqual([]);
    clock.advance(1);
    const made = await notary.checkpointIfDue();
    expect(made.map((c) => c.treeSize)).toEqual([1005]);
    expect(await treeSizes()).toEqual([1000, 1005]);
  });

  it('signs every multiple of 1,000 it passed, even when many arrive between two looks', async () => {
    await append(2100);
    const made = await notary.checkpointIfDue();
    expect(made.map((c) => c.treeSize)).toEqual([2000, 3000]);
    expect((await notary.latestCheckpoint())?.treeSize).toBe(3000);
  });

  it('proves inclusion of any event under the latest checkpoint', async () => {
    const latest = await notary.latestCheckpoint();
    const [event] = await store.readAll({ after: 2500, limit: 1 });
    const proof = await notary.inclusionProof(event.position);
    expect(proof).toMatchObject({ treeSize: 3000, position: event.position, hash: event.hash });
    expect(verifyInclusionProof(event.hash, proof, latest!.rootHash)).toBe(true);
  });
});

describe('NotaryLeavesProjection with positions that are not dense (as EventStoreDB gives them)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('numbers leaves 0, 1, 2 … in global order and maps them back to positions', async () => {
    const projection = new NotaryLeavesProjection();
    const hash = (n: number) => n.toString(16).padStart(64, '0');
    const event = (position: number) =>
      ({
        position,
        streamId: 's-1',
        version: 1,
        eventId: randomUUID(),
        type: 'T',
        data: {},
        metadata: {
          actor: 'a',
          correlationId: 'c',
          causationId: null,
          recordedAt: '2025-06-02T09:00:00.000Z',
          schemaVersion: 1,
        },
        hash: hash(position),
      }) satisfies StoredEvent;
    await dataSource.transaction(async (tx) => {
      for (const position of [1024, 5000, 5001, 90210]) await projection.apply(event(position), tx);
      await projection.apply(event(5000), tx); // redelivered: no second leaf
    });
    const rows: Array<{ leaf_index: string; position: string }> = await dataSource.query(
      'SELECT leaf_index, position FROM notary_leaves ORDER BY leaf_index',
    );
    expect(rows.map((r) => [Number(r.leaf_index), Number(r.position)])).toEqual([
      [0, 1024],
      [1, 5000],
      [2, 5001],
      [3, 90210],
    ]);
  });
});
