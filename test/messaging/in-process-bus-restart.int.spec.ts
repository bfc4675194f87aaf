import { randomUUID } from 'node:crypto';
import { InProcessIntegrationBus, type IntegrationMessage } from '@app/messaging';
import { createTestDatabase, type TestDatabase } from '@app/testing';

const TOPIC = 'payouts.payment-results.v1';
const message = (key: string, n: number): IntegrationMessage => ({
  messageId: randomUUID(),
  topic: TOPIC,
  key,
  type: 'PaymentResults',
  schemaVersion: 1,
  occurredAt: '2025-06-02T09:00:00.000Z',
  payload: { n },
});

/** "Processes" are bus instances on one database, as two app processes (or one restarted) would be. */
describe('in-process bus across processes and restarts (real PostgreSQL)', () => {
  let db: TestDatabase;
  const buses: InProcessIntegrationBus[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await db.drop();
  });

  function startProcess(): InProcessIntegrationBus {
    const bus = new InProcessIntegrationBus(db.pool, {
      pollIntervalMs: 30,
      backoff: { initialMs: 20, maxMs: 40 },
    });
    buses.push(bus);
    return bus;
  }

  async function eventually(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('after a restart, a group resumes with the message it had not finished, keeping the key order', async () => {
    const before = startProcess();
    const handledBefore: number[] = [];
    await before.subscribe(TOPIC, 'payouts', async (m) => {
      if (m.payload.n === 2) throw new Error('the database of the consumer is down');
      handledBefore.push(m.payload.n as number);
    });
    await before.publish([message('batch-1', 1), message('batch-1', 2), message('batch-1', 3)]);
    await eventually(() => handledBefore.length === 1, 'the first message was handled');
    await new Promise((r) => setTimeout(r, 200));
    expect(handledBefore).toEqual([1]);
    await before.close(); // the process stops while message 2 keeps failing

    const after = startProcess();
    const handledAfter: number[] = [];
    await after.subscribe(TOPIC, 'payouts', async (m) => void handledAfter.push(m.payload.n as number));
    await eventually(() => handledAfter.length >= 2, 'the rest was handled after the restart');
    expect(handledAfter).toEqual([2, 3]);
  });

  it('lets one process of a group consume at a time; the other takes over when it stops', async () => {
    const [a, b] = [startProcess(), startProcess()];
    const handled: Array<{ by: string; n: number }> = [];
    const group = `reporting-${randomUUID()}`;
    const topicKey = `batch-${randomUUID()}`;
    const subA = await a.subscribe(TOPIC, group, async (m) => {
      if (m.key === topicKey) handled.push({ by: 'a', n: m.payload.n as number });
    });
    await new Promise((r) => setTimeout(r, 100));
    await b.subscribe(TOPIC, group, async (m) => {
      if (m.key === topicKey) handled.push({ by: 'b', n: m.payload.n as number });
    });
    await a.publish([message(topicKey, 1), message(topicKey, 2)]);
    await eventually(() => handled.length >= 2, 'two messages were handled');
    await subA.close();
    await a.publish([message(topicKey, 3)]);
    await eventually(() => handled.length >= 3, 'the third message was handled');
    await new Promise((r) => setTimeout(r, 200));
    expect(handled).toEqual([
      { by: 'a', n: 1 },
      { by: 'a', n: 2 },
      { by: 'b', n: 3 },
    ]);
  });
});
