import { randomUUID } from 'node:crypto';
import type { IntegrationBus, IntegrationSubscription } from '../integration-bus.port';
import type { IntegrationMessage } from '../integration-message';

export interface BusContractSubject {
  bus: IntegrationBus;
  /** How long a delivery may take (a Kafka group join takes seconds). */
  deliveryTimeoutMs: number;
  dispose(): Promise<void>;
}

type Received = { group: string; message: IntegrationMessage };

/**
 * The IntegrationBus contract, written once and run against every adapter.
 * Each test uses a topic and groups of its own, so a shared Kafka cluster
 * with old topics runs it too.
 */
export function integrationBusContract(
  adapter: string,
  makeSubject: () => Promise<BusContractSubject>,
): void {
  describe(`IntegrationBus contract: ${adapter}`, () => {
    let subject: BusContractSubject;
    let bus: IntegrationBus;
    const open: IntegrationSubscription[] = [];
    const topic = (): string => `contract.${randomUUID()}`;
    const group = (): string => `contract-group-${randomUUID()}`;

    beforeAll(async () => {
      subject = await makeSubject();
      bus = subject.bus;
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });
    afterAll(() => subject.dispose());

    const message = (t: string, key: string, n: number): IntegrationMessage => ({
      messageId: randomUUID(),
      topic: t,
      key,
      type: 'SomethingHappened',
      schemaVersion: 2,
      occurredAt: '2025-03-10T08:00:00.000Z',
      payload: { n, key, note: 'Ærlig Øystein Åsen, Máhtte Čáhppes Ŋáhkká', nested: { hours: 2.67 } },
    });

    async function subscribe(
      t: string,
      g: string,
      into: Received[],
      handle: (m: IntegrationMessage) => Promise<void> = async () => undefined,
    ): Promise<IntegrationSubscription> {
      const subscription = await bus.subscribe(t, g, async (m) => {
        await handle(m);
        into.push({ group: g, message: m });
      });
      open.push(subscription);
      return subscription;
    }

    async function eventually(check: () => boolean, what: string): Promise<void> {
      const deadline = Date.now() + subject.deliveryTimeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    const numbersOf = (received: Received[], key: string): number[] =>
      received.filter((r) => r.message.key === key).map((r) => r.message.payload.n as number);

    it('delivers every published message with its envelope intact', async () => {
      const t = topic();
      const received: Received[] = [];
      await subscribe(t, group(), received);
      const sent = [
        message(t, 'participant-a', 1),
        message(t, 'participant-b', 1),
        message(t, 'participant-a', 2),
      ];
      await bus.publish(sent);
      await eventually(() => received.length >= 3, 'three messages arrived');
      const byId = (a: IntegrationMessage, b: IntegrationMessage): number =>
        a.messageId.localeCompare(b.messageId);
      expect(received.map((r) => r.message).sort(byId)).toEqual([...sent].sort(byId));
    });

    it('keeps the order per key across publishes, with several keys in flight', async () => {
      const t = topic();
      const received: Received[] = [];
      await subscribe(t, group(), received, () => new Promise((r) => setTimeout(r, Math.random() * 5)));
      const keys = ['k1', 'k2', 'k3', 'k4'];
      for (let n = 1; n <= 10; n += 2)
        await bus.publish(keys.flatMap((k) => [message(t, k, n), message(t, k, n + 1)]));
      await eventually(() => received.length >= 40, 'forty messages arrived');
      for (const k of keys) expect(numbersOf(received, k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('delivers a message again after its handler threw, and holds back its key until then', async () => {
      const t = topic();
      const received: Received[] = [];
      const attempts: string[] = [];
      let failuresLeft = 2;
      await subscribe(t, group(), received, async (m) => {
        attempts.push(`${m.key}#${String(m.payload.n)}`);
        if (m.key === 'flaky' && m.payload.n === 1 && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('handler not ready yet');
        }
      });
      await bus.publish([message(t, 'flaky', 1), message(t, 'flaky', 2), message(t, 'flaky', 3)]);
      await eventually(() => numbersOf(received, 'flaky').length >= 3, 'the flaky key was handled');
      expect(numbersOf(received, 'flaky')).toEqual([1, 2, 3]);
      expect(attempts.filter((a) => a.startsWith('flaky'))).toEqual([
        'flaky#1',
        'flaky#1',
        'flaky#1',
        'flaky#2',
        'flaky#3',
      ]);
    });

    it('gives every group every message', async () => {
      const t = topic();
      const received: Received[] = [];
      const [finance, analytics] = [group(), group()];
      await subscribe(t, finance, received);
      await subscribe(t, analytics, received);
      await bus.publish([message(t, 'a', 1), message(t, 'a', 2), message(t, 'b', 1)]);
      await eventually(() => received.length >= 6, 'both groups got three messages');
      for (const g of [finance, analytics])
        expect(
          received
            .filter((r) => r.group === g)
            .map((r) => `${r.message.key}${String(r.message.payload.n)}`)
            .sort(),
        ).toEqual(['a1', 'a2', 'b1']);
    });

    it('hands a group that subscribes again what was published while it was away, in order', async () => {
      const t = topic();
      const g = group();
      const first: Received[] = [];
      const session = await subscribe(t, g, first);
      await bus.publish([message(t, 'k', 1)]);
      await eventually(() => first.length >= 1, 'the first message arrived');
      await session.close();
      await bus.publish([message(t, 'k', 2), message(t, 'k', 3)]);
      const second: Received[] = [];
      await subscribe(t, g, second);
      await eventually(() => numbersOf(second, 'k').includes(3), 'the messages published meanwhile arrived');
      // At-least-once: the first message may come again, but nothing is lost or reordered.
      expect(numbersOf(second, 'k').filter((n) => n > 1)).toEqual([2, 3]);
    });

    it('refuses a message without a schema version, publishing nothing of the batch', async () => {
      const t = topic();
      const bad = { ...message(t, 'k', 2), schemaVersion: undefined } as unknown as IntegrationMessage;
      await expect(bus.publish([message(t, 'k', 1), bad])).rejects.toThrow(/schemaVersion/);
      const received: Received[] = [];
      await subscribe(t, group(), received);
      await bus.publish([message(t, 'k', 3)]);
      await eventually(() => received.length >= 1, 'the good message arrived');
      expect(numbersOf(received, 'k')).toEqual([3]);
    });
  });
}
