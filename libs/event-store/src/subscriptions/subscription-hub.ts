import type { ReadAllOptions, StoredEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { catchUpSubscription } from './catch-up-subscription';
import { SharedLogReader } from './shared-log-reader';
import { WakeSignal } from './wake-signal';

/**
 * An adapter's subscriptions: each catches up through `readAll` and is woken
 * by `notify()` (an append here, a notification from elsewhere) or by the
 * poll. Subscribers at the same place share one read (`SharedLogReader`).
 * `stopAll()` ends them on close. Shared by every adapter.
 */
export class SubscriptionHub {
  private readonly wake = new WakeSignal();
  private readonly open = new Set<Subscription>();
  private readonly reader: SharedLogReader;

  constructor(
    readAll: (options: ReadAllOptions) => Promise<StoredEvent[]>,
    private readonly pollIntervalMs?: number,
  ) {
    this.reader = new SharedLogReader(readAll, this.wake);
  }

  notify(): void {
    this.wake.notify();
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = catchUpSubscription(
      { read: (after, limit) => this.reader.read(after, limit), wake: this.wake },
      { ...options, pollIntervalMs: this.pollIntervalMs },
    );
    this.open.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.open.delete(subscription));
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.open].map((s) => s.stop()));
  }
}
