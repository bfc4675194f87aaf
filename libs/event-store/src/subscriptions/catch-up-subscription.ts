import type { StoredEvent, SubscribeOptions, Subscription } from '../event-store.port';
import type { WakeSignal } from './wake-signal';

export interface CatchUpSource {
  readAll(options: { after: number; limit: number }): Promise<StoredEvent[]>;
  wake: WakeSignal;
}

/**
 * Catch up from a position, then follow live: read a batch after the last
 * position handled, hand it over, repeat; when nothing is left (or a batch
 * came short and nothing was signalled since its read began), sleep until an
 * append is signalled (or a poll interval passes, in case a signal was lost).
 * Because the store commits positions in ascending order with no gaps, reading
 * "after the last handled" never skips or repeats an event.
 */
export function catchUpSubscription(
  source: CatchUpSource,
  options: SubscribeOptions & { pollIntervalMs?: number },
): Subscription {
  let stopped = false;
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const run = async (): Promise<void> => {
    let after = options.after;
    while (!stopped) {
      const ticket = source.wake.ticket();
      const events = await source.readAll({ after, limit: batchSize });
      if (stopped) return;
      if (events.length === 0) {
        await options.onCaughtUp?.();
        await source.wake.wait(pollIntervalMs, ticket);
        continue;
      }
      await options.onEvents(events);
      after = events[events.length - 1].position;
      // A short batch held everything committed when the read began: unless an append was
      // signalled since, the subscriber is caught up without reading again.
      if (events.length < batchSize && source.wake.ticket() === ticket) {
        await options.onCaughtUp?.();
        await source.wake.wait(pollIntervalMs, ticket);
      }
    }
  };
  const done = run();
  return {
    done,
    stop: async () => {
      stopped = true;
      source.wake.notify();
      await done.catch(() => undefined);
    },
  };
}
