import type { SubscribeOptions, Subscription } from '../event-store.port';
import type { TicketedBatch } from './shared-log-reader';
import type { WakeSignal } from './wake-signal';

export interface CatchUpSource {
  /** A batch after `after`, with the wake ticket it was read under (`SharedLogReader.read`). */
  read(after: number, limit: number): Promise<TicketedBatch>;
  wake: WakeSignal;
}

/**
 * Catch up from a position, then follow live: read a batch after the last
 * position handled, hand it over, repeat; when nothing is left (or a batch
 * came short and nothing was signalled since its read began), sleep until an
 * append is signalled (or a poll interval passes, in case a signal was lost).
 * Because the store commits positions in ascending order with no gaps, reading
 * "after the last handled" never skips or repeats an event. A batch is judged
 * by the ticket of the read that fetched it, which may be older than this
 * subscriber's own look (a shared or remembered read): a signal since then
 * means read again.
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
      const { events, ticket } = await source.read(after, batchSize);
      if (stopped) return;
      if (events.length === 0) {
        await options.onCaughtUp?.();
        await source.wake.wait(pollIntervalMs, ticket);
        continue;
      }
      await options.onEvents([...events]);
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
