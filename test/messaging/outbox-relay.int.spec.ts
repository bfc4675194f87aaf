import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  enqueueIntegrationMessage,
  InProcessIntegrationBus,
  OutboxRelay,
  type IntegrationBus,
  type IntegrationMessage,
} from '@app/messaging';
import { createTestDatabase, type TestDatabase } from '@app/testing';

/** The in-process bus, failing the first `failures` publishes that contain a message of `key`. */
class FlakyBus implements IntegrationBus {
  readonly publishCalls: string[][] = [];
  constructor(
    private readonly inner: IntegrationBus,
    private readonly key: string,
    private failures: number,
  ) {}
  async publish(messages: IntegrationMessage[]): Promise<void> {
    this.publishCalls.push(messages.map(label));
    if (this.failures > 0 && messages.some((m) => m.key === this.key)) {
      this.failures -= 1;
      throw new Error('broker unavailable');
    }
    await this.inner.publish(messages);
  }
  subscribe(...args: Parameters<IntegrationBus['subscribe']>) {
    return this.inner.subscribe(...args);
  }
}

const TOPIC = 'participation.involvements.v1';
const label = (m: IntegrationMessage): string => `${m.key}#${String(m.payload.n)}`;
const message = (key: string, n: number): IntegrationMessage => ({
  messageId: randomUUID(),
  topic: TOPIC,
  key,
  type: 'InvolvementLogged',
  schemaVersion: 1,
  occurredAt: '2025-03-10T08:00:00.000Z',
  payload: { n },
});

describe('transactional outbox and relay (real PostgreSQL, in-process bus)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let bus: InProcessIntegrationBus;
  let relays: OutboxRelay[] = [];
  let received: IntegrationMessage[];
  let closeSubscription: () => Promise<void>;

  beforeEach(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    bus = new InProcessIntegrationBus(db.pool, { pollIntervalMs: 20 });
    received = [];
    const subscription = await bus.subscribe(TOPIC, 'test-consumer', async (m) => void received.push(m));
    closeSubscription = () => subscription.close();
  });

  afterEach(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    relays = [];
    await closeSubscription();
    await bus.close();
    await dataSource.destroy();
    await db.drop();
  });

  function relay(through: IntegrationBus = bus, initialBackoffMs = 20): OutboxRelay {
    const r = new OutboxRelay(db.pool, through, {
      pollIntervalMs: 20,
      backoff: { initialMs: initialBackoffMs, maxMs: initialBackoffMs * 4 },
    });
    relays.push(r);
    return r;
  }

  const enqueue = (...messages: IntegrationMessage[]): Promise<void> =>
    dataSource.transaction(async (tx) => {
      for (const m of messages) await enqueueIntegrationMessage(tx, m);
    });

  async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const delivered = (key: string): number[] =>
    received.filter((m) => m.key === key).map((m) => m.payload.n as number);

  async function outboxRows() {
    const { rows } = await db.pool.query(
      'SELECT message_key, attempts, sent_at, last_error FROM integration_outbox ORDER BY seq',
    );
    return rows as Array<{
      message_key: string;
      attempts: number;
      sent_at: Date | null;
      last_error: string | null;
    }>;
  }

  it('delivers every enqueued message once, in order per key, and marks it sent', async () => {
    for (let n = 1; n <= 5; n += 1) await enqueue(message('p1', n), message('p2', n), message('p3', n));
    const r = relay();
    r.start();
    await r.drained();
    await eventually(() => received.length >= 15, 'fifteen messages arrived');
    await new Promise((res) => setTimeout(res, 150));
    expect(received).toHaveLength(15);
    for (const key of ['p1', 'p2', 'p3']) expect(delivered(key)).toEqual([1, 2, 3, 4, 5]);
    expect((await outboxRows()).every((row) => row.sent_at !== null)).toBe(true);
  });

  it('keeps nothing from a transaction that rolled back, and a message id only once', async () => {
    const rolledBack = message('p1', 1);
    await expect(
      dataSource.transaction(async (tx) => {
        await enqueueIntegrationMessage(tx, rolledBack);
        throw new Error('the projection failed after enqueuing');
      }),
    ).rejects.toThrow('the projection failed');
    const twice = message('p1', 2);
    await enqueue(twice);
    await enqueue(twice);
    const r = relay();
    r.start();
    await r.drained();
    await eventually(() => received.length >= 1, 'the kept message arrived');
    await new Promise((res) => setTimeout(res, 150));
    expect(received.map((m) => m.messageId)).toEqual([twice.messageId]);
  });

  it('refuses to enqueue a message without a schema version', async () => {
    const bad = { ...message('p1', 1), schemaVersion: 0 };
    await expect(enqueue(bad)).rejects.toThrow(/schemaVersion/);
    expect(await outboxRows()).toHaveLength(0);
  });

  it('retries a bus that fails twice: delivered once, in order, other keys not held up', async () => {
    const flaky = new FlakyBus(bus, 'flaky', 2);
    await enqueue(message('flaky', 1), message('steady', 1));
    const r = relay(flaky, 150);
    r.start();
    // While the flaky key waits out its backoff, its next message must wait behind the failed one.
    await eventually(() => delivered('steady').length === 1, 'the steady key was delivered');
    expect(delivered('flaky')).toEqual([]);
    await enqueue(message('flaky', 2), message('steady', 2));
    await eventually(() => delivered('steady').length === 2, 'the steady key moved on');
    expect(delivered('flaky')).toEqual([]);
    await r.drained();
    await eventually(() => delivered('flaky').length >= 2, 'the flaky key was delivered');
    await new Promise((res) => setTimeout(res, 150));
    expect(delivered('flaky')).toEqual([1, 2]);
    expect(delivered('steady')).toEqual([1, 2]);
    const flakyCalls = flaky.publishCalls.filter((call) => call.some((l) => l.startsWith('flaky')));
    expect(flakyCalls[0]).toEqual(['flaky#1']);
    expect(flakyCalls.length).toBeGreaterThanOrEqual(3);
    // Two failed tries and the successful third all led with flaky#1: #2 never went out ahead of it.
    expect(flakyCalls.slice(0, 3).map((call) => call[0])).toEqual(['flaky#1', 'flaky#1', 'flaky#1']);
    const rows = await outboxRows();
    expect(rows.find((row) => row.message_key === 'flaky')).toMatchObject({ attempts: 3, last_error: null });
    expect(rows.every((row) => row.sent_at !== null)).toBe(true);
    expect(r.status()).toMatchObject({ failedPublishes: 2, sent: 4 });
  });

  it('lets only one of two relays publish, so nothing goes out twice', async () => {
    const [a, b] = [relay(), relay()];
    a.start();
    b.start();
    for (let n = 1; n <= 20; n += 1) await enqueue(message(`p${n % 4}`, n));
    await a.drained();
    await eventually(() => received.length >= 20, 'twenty messages arrived');
    await new Promise((res) => setTimeout(res, 150));
    expect(received).toHaveLength(20);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(20);
    expect([a.status().active, b.status().active].sort()).toEqual([false, true]);
    expect(a.status().sent + b.status().sent).toBe(20);
  });

  it('reports the backlog per topic until the relay has sent it', async () => {
    await enqueue(message('p1', 1), message('p1', 2));
    const r = relay();
    expect(await r.backlog()).toEqual([
      { topic: TOPIC, pending: 2, oldestPendingSeconds: expect.any(Number), blocked: 0 },
    ]);
    r.start();
    await r.drained();
    expect(await r.backlog()).toEqual([]);
  });
});
