import type { ReadAllOptions, StoredEvent } from '../event-store.port';
import type { WakeSignal } from './wake-signal';

/**
 * A batch of the log and the wake ticket to judge it by: when the batch is
 * shorter than asked, it held everything committed while that ticket was
 * current, so a subscriber holding it is caught up unless the signal has moved
 * on since. `STALE` never matches: read again.
 */
export interface TicketedBatch {
  events: readonly StoredEvent[];
  ticket: number;
}

export const STALE = -1;

/** The events most recently read: every event of the log in (after, last position]. */
interface Window {
  after: number;
  events: StoredEvent[];
  ticket: number;
  /** The read that reached the window's end came back short: nothing was after it at `ticket`. */
  complete: boolean;
}

/**
 * One read of the log for all of a process's subscribers at the same place
 * (docs/adr/0033). Reads asking for the same `after` and `limit` while one is
 * in flight share it; a read falling inside the events most recently read is
 * answered from them (up to `windowSize` events, the newest kept), after one
 * shared read on past their end when an append was signalled since. Each event is
 * parsed once and frozen, since every subscriber gets the same objects.
 *
 * It relies on what every adapter guarantees: a read after `p` returns the
 * log's events after `p` in order with none left out, so the events of a read
 * are all there is between its `after` and its last position, for good.
 */
export class SharedLogReader {
  private window: Window | undefined;
  private readonly inFlight = new Map<string, Promise<TicketedBatch>>();

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<StoredEvent[]>,
    private readonly wake: WakeSignal,
    private readonly windowSize = 2000,
  ) {}

  async read(after: number, limit: number): Promise<TicketedBatch> {
    const remembered = this.fromWindow(after, limit);
    if (!remembered) return this.shared(after, limit);
    if (remembered.events.length === limit || remembered.ticket === this.wake.ticket()) return remembered;
    // The window ends short of what may have been appended since: read on after its end (shared
    // by every subscriber that gets there now), then answer from the window up to its new end.
    await this.shared(lastPosition(this.window as Window), limit);
    return this.fromWindow(after, limit) ?? this.shared(after, limit);
  }

  private shared(after: number, limit: number): Promise<TicketedBatch> {
    const key = `${after}:${limit}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.readThrough(after, limit).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async readThrough(after: number, limit: number): Promise<TicketedBatch> {
    const ticket = this.wake.ticket();
    const events = await this.readAll({ after, limit });
    events.forEach(deepFreeze);
    this.remember(after, events, ticket, events.length < limit);
    return { events, ticket };
  }

  private fromWindow(after: number, limit: number): TicketedBatch | undefined {
    const window = this.window;
    if (!window || window.events.length === 0) return undefined;
    if (after < window.after || after >= lastPosition(window)) return undefined;
    const first = firstAfter(window.events, after);
    const events = window.events.slice(first, first + limit);
    const reachesEnd = first + limit >= window.events.length;
    return { events, ticket: reachesEnd && window.complete ? window.ticket : STALE };
  }

  private remember(after: number, events: StoredEvent[], ticket: number, complete: boolean): void {
    const window = this.window;
    if (window && after === lastPosition(window)) {
      window.events.push(...events);
      window.ticket = ticket;
      window.complete = complete;
    } else if (events.length > 0 && (!window || events[events.length - 1].position > lastPosition(window))) {
      this.window = { after, events: [...events], ticket, complete };
    } else return;
    this.trim();
  }

  private trim(): void {
    const window = this.window;
    if (!window || window.events.length <= this.windowSize) return;
    const dropped = window.events.splice(0, window.events.length - this.windowSize);
    window.after = dropped[dropped.length - 1].position;
  }
}

function lastPosition(window: Window): number {
  return window.events.length === 0 ? window.after : window.events[window.events.length - 1].position;
}

/** The index of the first event after `position` (the events are in ascending order). */
function firstAfter(events: readonly StoredEvent[], position: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle].position <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
