import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  enqueueIntegrationMessage,
  InProcessIntegrationBus,
  OutboxRelay,
  type IntegrationMessage,
} from '@app/messaging';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { messagingLockKey } from '../../libs/messaging/src/advisory-lock';

/**
 * The relay sends a round's messages together (docs/adr/0032): with the
 * in-process bus a round is read, claimed and appended in one transaction,
 * so its cost does not grow with the messages in it, and a message is in the
 * bus's log exactly once, in order per key, even when two relays race.
 */
const TOPIC = 'participation.involvements.v1';
const message = (key: string, n: number): IntegrationMessage => ({
  messageId: randomUUID(),
  topic: TOPIC,
  key,
  type: 'InvolvementLogged',
  schemaVersion: 1,
  occurredAt: '2025-03-10T08:00:00.000Z',
  payload: { n },
});

/** Marks the test's own look at the database, so the statement count leaves it out. */
const LOOK = '/* test looks */';

describe('the outbox relay sends many messages per transaction (real PostgreSQL, in-process bus)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const pools: Pool[] = [];
  const relays: OutboxRelay[] = [];
  const processes: ChildProcess[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    for (const child of processes.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await dataSource.destroy();
    await db.drop();
  });

  /** A relay as another replica runs it: a pool and an in-process bus of its own over the same database. */
  function replica(options: ConstructorParameters<typeof OutboxRelay>[2]): OutboxRelay {
    const pool = new Pool({ connectionString: db.url, max: 6 });
    pool.on('error', () => undefined);
    pools.push(pool);
    const relay = new OutboxRelay(pool, new InProcessIntegrationBus(pool), options);
    relays.push(relay);
    return relay;
  }

  /** The same relay in a process of its own (support/relay-replica.ts); `stop` resolves to how many it sent. */
  async function replicaInOtherProcess(
    options: ConstructorParameters<typeof OutboxRelay>[2],
  ): Promise<{ stop(): Promise<number> }> {
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(__dirname, '..', '..', 'tools', 'register-ts.js'),
        join(__dirname, 'support', 'relay-replica.ts'),
        db.url,
        JSON.stringify(options),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    processes.push(child);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`the other replica exited with ${child.exitCode}`);
      return out.includes('started');
    }, 'the other replica started');
    return {
      stop: async () => {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
        const report = out.split('\n').find((line) => line.startsWith('{'));
        return (JSON.parse(report ?? '{"sent": -1}') as { sent: number }).sent;
      },
    };
  }

  const enqueue = (...messages: IntegrationMessage[]): Promise<void> =>
    dataSource.transaction(async (tx) => {
      for (const m of messages) await enqueueIntegrationMessage(tx, m);
    });

  async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const unsent = async (): Promise<number> =>
    (
      await db.pool.query<{ n: number }>(
        `${LOOK} SELECT count(*)::int AS n FROM integration_outbox WHERE sent_at IS NULL`,
      )
    ).rows[0].n;

  /** The bus's log: per key the payload numbers in position order, and how often each message id is there. */
  async function busLog(): Promise<{ byKey: Map<string, number[]>; copies: Map<string, number> }> {
    const { rows } = await db.pool.query<{ key: string; id: string; n: number }>(
      `${LOOK} SELECT message_key AS key, message->>'messageId' AS id, (message->'payload'->>'n')::int AS n
       FROM integration_bus_messages ORDER BY position`,
    );
    const byKey = new Map<string, number[]>();
    const copies = new Map<string, number>();
    for (const row of rows) {
      byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.n]);
      copies.set(row.id, (copies.get(row.id) ?? 0) + 1);
    }
    return { byKey, copies };
  }

  it('publishes a round of 120 messages on 40 keys in a handful of statements, in order per key', async () => {
    for (let n = 1; n <= 3; n += 1)
      await enqueue(...Array.from({ length: 40 }, (_, k) => message(`person-${k}`, n)));
    const sent: string[] = [];
    type Query = (this: Client, ...args: unknown[]) => unknown;
    const original = Client.prototype.query as unknown as Query;
    (Client.prototype as unknown as { query: Query }).query = function counted(this: Client, ...args) {
      const first = args[0];
      const text =
        typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
      if (!text.startsWith(LOOK)) sent.push(text.replace(/\s+/g, ' ').trim().slice(0, 60));
      return original.apply(this, args);
    };
    try {
      // A long poll: the one round that finds the backlog is all that runs while we wait.
      replica({ pollIntervalMs: 60_000 }).start();
      await until(async () => (await unsent()) === 0, 'the relay sent the backlog');
    } finally {
      (Client.prototype as unknown as { query: Query }).query = original;
    }

    // The relay lock, the read, then BEGIN, the key locks, the claim, one INSERT, COMMIT (before: about 7 per key).
    expect(sent.length <= 8 ? 'at most 8' : sent).toBe('at most 8');
    const { byKey, copies } = await busLog();
    expect(byKey.size).toBe(40);
    for (const numbers of byKey.values()) expect(numbers).toEqual([1, 2, 3]);
    expect([...copies.values()].every((c) => c === 1)).toBe(true);
  });

  it('puts every message in the bus once and in order per key while two processes race for the relay', async () => {
    // A slow bus write widens the window in which a relay that has just lost its lock is still publishing.
    await db.pool.query(`
      CREATE FUNCTION slow_bus_write() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN PERFORM pg_sleep(0.02); RETURN NULL; END $$;
      CREATE TRIGGER slow_bus_write BEFORE INSERT ON integration_bus_messages
        FOR EACH STATEMENT EXECUTE FUNCTION slow_bus_write();`);
    const options = { pollIntervalMs: 5, batchSize: 12, backoff: { initialMs: 10, maxMs: 40 } };
    const a = replica(options);
    a.start();
    const b = await replicaInOtherProcess(options);

    // The relay lock's connection keeps being cut, so the lock keeps changing hands mid-round.
    const relayLock = BigInt(messagingLockKey('integration-outbox-relay'));
    let cutting = true;
    let cuts = 0;
    const cutter = (async () => {
      while (cutting) {
        const { rows } = await db.pool.query<{ cut: boolean }>(
          `${LOOK} SELECT pg_terminate_backend(l.pid) AS cut FROM pg_locks l
           WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND l.classid::bigint = $1 AND l.objid::bigint = $2`,
          [String(relayLock >> 32n), String(relayLock & 0xffffffffn)],
        );
        cuts += rows.length;
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

    // Four writers, each with keys of its own, each key's messages numbered in the order they are enqueued.
    const PER_KEY = 15;
    const keysOf = (writer: number): string[] => Array.from({ length: 4 }, (_, k) => `w${writer}-k${k}`);
    await Promise.all(
      [0, 1, 2, 3].map(async (writer) => {
        for (let n = 1; n <= PER_KEY; n += 1) {
          await enqueue(...keysOf(writer).map((key) => message(key, n)));
          await new Promise((r) => setTimeout(r, 5));
        }
      }),
    );
    await until(async () => (await unsent()) === 0, 'the outbox was sent');
    cutting = false;
    await cutter;

    expect(cuts).toBeGreaterThan(0);
    const { byKey, copies } = await busLog();
    const duplicated = [...copies.entries()].filter(([, c]) => c > 1);
    expect({ messages: copies.size, duplicated: duplicated.length }).toEqual({
      messages: 16 * PER_KEY,
      duplicated: 0,
    });
    const inOrder = Array.from({ length: PER_KEY }, (_, i) => i + 1);
    for (const writer of [0, 1, 2, 3])
      for (const key of keysOf(writer))
        expect({ key, numbers: byKey.get(key) }).toEqual({ key, numbers: inOrder });
    expect(a.status().sent + (await b.stop())).toBe(16 * PER_KEY);
  });

  it('goes on with the other keys while a projection holds a key, and never deadlocks with it', async () => {
    await enqueue(message('k1', 1), message('k2', 1));
    const relay = replica({ pollIntervalMs: 10 });
    const pendingOf = async (key: string): Promise<number> =>
      (
        await db.pool.query<{ n: number }>(
          `${LOOK} SELECT count(*)::int AS n FROM integration_outbox WHERE sent_at IS NULL AND message_key = $1`,
          [key],
        )
      ).rows[0].n;
    // A projection's transaction enqueues k2, then (later in its batch) k1: it holds k2's lock, then wants k1's.
    await dataSource.transaction(async (tx) => {
      await enqueueIntegrationMessage(tx, message('k2', 2));
      relay.start();
      await until(async () => (await pendingOf('k1')) === 0, 'k1 went out while k2 was held', 10_000);
      expect(await pendingOf('k2')).toBe(1);
      await enqueueIntegrationMessage(tx, message('k1', 2));
    });
    await until(async () => (await unsent()) === 0, 'the outbox was sent');
    const { byKey, copies } = await busLog();
    expect(Object.fromEntries(byKey)).toEqual({ k1: [1, 2], k2: [1, 2] });
    expect([...copies.values()]).toEqual([1, 1, 1, 1]);
  });

  it('publishes nothing and marks nothing sent while the bus cannot write, then everything once', async () => {
    await db.pool.query(`
      CREATE FUNCTION refuse_bus_write() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'the bus log is unavailable'; END $$;
      CREATE TRIGGER refuse_bus_write BEFORE INSERT ON integration_bus_messages
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_bus_write();`);
    const logged: string[] = [];
    const relay = replica({ pollIntervalMs: 10, log: (m) => logged.push(m) });
    await enqueue(message('p1', 1), message('p2', 1));
    await enqueue(message('p1', 2));
    relay.start();
    await until(async () => logged.length >= 2, 'the relay tried twice');

    expect(await unsent()).toBe(3);
    expect((await busLog()).copies.size).toBe(0);
    expect(relay.status()).toMatchObject({ sent: 0, lastError: 'the bus log is unavailable' });

    await db.pool.query('DROP TRIGGER refuse_bus_write ON integration_bus_messages');
    await until(async () => (await unsent()) === 0, 'the outbox was sent');
    const { byKey, copies } = await busLog();
    expect(Object.fromEntries(byKey)).toEqual({ p1: [1, 2], p2: [1] });
    expect([...copies.values()]).toEqual([1, 1, 1]);
  });
});
