import { randomUUID } from 'node:crypto';
import { FixedClock } from '@app/shared-kernel';
import { EventIdConflict, InvalidEvents, WrongExpectedVersion } from '../errors';
import { eventHash } from '../event-hash';
import {
  START,
  type AppendContext,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '../event-store.port';

export interface ContractSubject {
  store: EventStore;
  /** Ends the store and removes whatever it wrote. */
  dispose(): Promise<void>;
}

const ctx: AppendContext = { actor: 'user-1', correlationId: 'corr-1', causationId: null };
const event = (type = 'SomethingHappened', data: Record<string, unknown> = { n: 1 }): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
});

/**
 * The EventStore contract, written once and run against every adapter. Each
 * test uses streams of its own, so adapters whose log is shared (a real
 * EventStoreDB server) can run it too.
 */
export function eventStoreContract(
  adapter: string,
  makeSubject: (clock: FixedClock) => Promise<ContractSubject>,
): void {
  describe(`EventStore contract: ${adapter}`, () => {
    const clock = new FixedClock('2025-03-10T08:00:00.000Z');
    let subject: ContractSubject;
    let store: EventStore;
    const stream = (): string => `test-${randomUUID()}`;

    beforeAll(async () => {
      subject = await makeSubject(clock);
      store = subject.store;
    });
    afterAll(() => subject.dispose());

    it('appends to a new stream and reads it back with versions, metadata and the content hash', async () => {
      const id = stream();
      const result = await store.append(
        id,
        [event('A', { navn: 'Ærlig Øystein Åsen', sami: 'Máhtte Čáhppes Ŋáhkká' }), event('B')],
        'no-stream',
        {
          actor: 'lead-1',
          correlationId: 'corr-9',
          causationId: 'cmd-9',
        },
      );
      expect(result).toMatchObject({ streamId: id, nextExpectedVersion: 2, duplicate: false });
      expect(result.lastPosition).toBeGreaterThan(result.firstPosition);
      const events = await store.readStream(id);
      expect(events.map((e) => [e.type, e.version])).toEqual([
        ['A', 1],
        ['B', 2],
      ]);
      expect(events[0].data).toEqual({ navn: 'Ærlig Øystein Åsen', sami: 'Máhtte Čáhppes Ŋáhkká' });
      expect(events[0].metadata).toEqual({
        actor: 'lead-1',
        correlationId: 'corr-9',
        causationId: 'cmd-9',
        recordedAt: clock.now().toISOString(),
        schemaVersion: 1,
      });
      for (const e of events) expect(e.hash).toBe(eventHash(e));
      expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reads an unknown stream as empty', async () => {
      await expect(store.readStream(stream())).resolves.toEqual([]);
    });

    it('refuses a wrong expected version with a typed conflict and appends nothing', async () => {
      const id = stream();
      await store.append(id, [event()], 'no-stream', ctx);
      const head = await store.headPosition();
      await expect(store.append(id, [event()], 0, ctx)).rejects.toBeInstanceOf(WrongExpectedVersion);
      await expect(store.append(id, [event()], 2, ctx)).rejects.toMatchObject({ streamId: id, actual: 1 });
      await expect(store.append(id, [event()], 'no-stream', ctx)).rejects.toBeInstanceOf(
        WrongExpectedVersion,
      );
      await expect(store.append(stream(), [event()], 'stream-exists', ctx)).rejects.toBeInstanceOf(
        WrongExpectedVersion,
      );
      expect(await store.readStream(id)).toHaveLength(1);
      expect(await store.headPosition()).toBe(head);
      await expect(store.append(id, [event()], 1, ctx)).resolves.toMatchObject({ nextExpectedVersion: 2 });
      await expect(store.append(id, [event()], 'any', ctx)).resolves.toMatchObject({
        nextExpectedVersion: 3,
      });
    });

    it('lets exactly one of two concurrent writers with the same expected version win', async () => {
      const id = stream();
      await store.append(id, [event()], 'no-stream', ctx);
      const outcomes = await Promise.allSettled([
        store.append(id, [event()], 1, ctx),
        store.append(id, [event()], 1, ctx),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(failed.reason).toBeInstanceOf(WrongExpectedVersion);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('stores an event id once; the retry reports the first result', async () => {
      const id = stream();
      const events = [event(), event()];
      const first = await store.append(id, events, 'no-stream', ctx);
      const retry = await store.append(id, events, 'no-stream', ctx);
      expect(retry).toEqual({ ...first, duplicate: true });
      expect(await store.readStream(id)).toHaveLength(2);
      const concurrent = [event()];
      const both = await Promise.all([
        store.append(id, concurrent, 2, ctx),
        store.append(id, concurrent, 2, ctx),
      ]);
      expect(both[0].lastPosition).toBe(both[1].lastPosition);
      expect(await store.readStream(id)).toHaveLength(3);
    });

    it('refuses an event id reused on another stream or in a partial retry', async () => {
      const id = stream();
      const stored = event();
      await store.append(id, [stored], 'no-stream', ctx);
      await expect(store.append(stream(), [stored], 'any', ctx)).rejects.toBeInstanceOf(EventIdConflict);
      await expect(store.append(id, [stored, event()], 'any', ctx)).rejects.toBeInstanceOf(EventIdConflict);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('refuses events the log must never hold, naming the field', async () => {
      const id = stream();
      const bad: NewEvent[][] = [
        [{ eventId: 'not-a-uuid', type: 'A', data: {} }],
        [{ eventId: randomUUID(), type: '', data: {} }],
        [{ eventId: randomUUID(), type: 'A', data: { amount: Number.NaN } }],
        [{ eventId: randomUUID(), type: 'A', data: { text: 'nul\u0000byte' } }],
        [],
      ];
      for (const events of bad)
        await expect(store.append(id, events, 'any', ctx)).rejects.toBeInstanceOf(InvalidEvents);
      await expect(store.append(id, bad[0], 'any', ctx)).rejects.toMatchObject({
        errors: [{ field: 'events[0].eventId', message: 'must be a UUID' }],
      });
      expect(await store.readStream(id)).toEqual([]);
    });

    it('reads several streams at once, each in version order, an unknown one empty', async () => {
      const [a, b, unknown] = [stream(), stream(), stream()];
      await store.append(a, [event('A1'), event('A2')], 'no-stream', ctx);
      await store.append(b, [event('B1')], 'no-stream', ctx);
      const read = await store.readStreams([b, unknown, a]);
      expect([...read.keys()].sort()).toEqual([a, b, unknown].sort());
      expect(read.get(a)?.map((e) => [e.type, e.version])).toEqual([
        ['A1', 1],
        ['A2', 2],
      ]);
      expect(read.get(b)).toEqual(await store.readStream(b));
      expect(read.get(unknown)).toEqual([]);
    });

    it('reads a stream from a version and as of an instant', async () => {
      const id = stream();
      clock.set('2025-01-01T10:00:00.000Z');
      await store.append(id, [event('A')], 'no-stream', ctx);
      clock.set('2025-02-01T10:00:00.000Z');
      await store.append(id, [event('B'), event('C')], 1, ctx);
      clock.set('2025-03-10T08:00:00.000Z');
      expect((await store.readStream(id, { fromVersion: 2 })).map((e) => e.type)).toEqual(['B', 'C']);
      expect(
        (await store.readStream(id, { asOf: new Date('2025-01-15T00:00:00Z') })).map((e) => e.type),
      ).toEqual(['A']);
      expect(await store.readStream(id, { asOf: new Date('2024-12-31T00:00:00Z') })).toEqual([]);
      expect(await store.readStream(id, { asOf: new Date('2025-02-01T10:00:00.000Z') })).toHaveLength(3);
    });

    it('reads all events after a position, in ascending order', async () => {
      const before = await store.headPosition();
      const id = stream();
      await store.append(id, [event('A'), event('B'), event('C')], 'no-stream', ctx);
      const page = await store.readAll({ after: before, limit: 2 });
      expect(page.map((e) => e.type)).toEqual(['A', 'B']);
      const rest = await store.readAll({ after: page[1].position, limit: 100 });
      expect(rest.filter((e) => e.streamId === id).map((e) => e.type)).toEqual(['C']);
      expect(await store.headPosition()).toBe(rest[rest.length - 1].position);
    });

    it('subscribes: catches up, then follows live appends, in order and once each', async () => {
      const from = await store.headPosition();
      const id = stream();
      await store.append(id, [event('A'), event('B')], 'no-stream', ctx);
      const seen: StoredEvent[] = [];
      const subscription = store.subscribe({
        after: from,
        onEvents: async (events) => void seen.push(...events),
      });
      await waitFor(() => seen.length >= 2);
      await store.append(id, [event('C')], 2, ctx);
      await waitFor(() => seen.filter((e) => e.streamId === id).length >= 3);
      await subscription.stop();
      const mine = seen.filter((e) => e.streamId === id);
      expect(mine.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      const positions = seen.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('ends a subscription with the handler error', async () => {
      await store.append(stream(), [event()], 'no-stream', ctx);
      const subscription = store.subscribe({
        after: START,
        onEvents: async () => {
          throw new Error('projection failed');
        },
      });
      await expect(subscription.done).rejects.toThrow('projection failed');
    });
  });
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
