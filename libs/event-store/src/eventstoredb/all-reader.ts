import type { Position } from '@eventstore/db-client';
import { START, type StoredEvent } from '../event-store.port';
import { toPortPosition, toStoredEvent, type RecordedEsdbEvent } from './esdb-mapping';

/** A `$all` record as read: its position, and the event (absent for unresolved links). */
export type AllRecord = RecordedEsdbEvent & { position: Position };

/** Reads `$all` forwards from a port position, inclusive of the record there, at most `maxCount` records. */
export type ForwardPage = (from: number, maxCount: number) => AsyncIterable<AllRecord | undefined>;
/** Reads `$all` backwards from a position ('end' for the head), inclusive, at most `maxCount` records. */
export type BackwardPage = (from: Position | 'end', maxCount: number) => AsyncIterable<AllRecord | undefined>;

/**
 * The application's events after `after`, in `$all` order, at most `limit`.
 * System events and events not written by this adapter are skipped, and
 * paging goes on past them, so an empty answer means "nothing more yet".
 */
export async function readAfter(page: ForwardPage, after: number, limit: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let from = after;
  while (events.length < limit) {
    // The read includes the record at `from` (already handled): ask for one more.
    const want = limit - events.length + 1;
    let seen = 0;
    let last = from;
    for await (const record of page(from, want)) {
      seen += 1;
      if (!record) continue;
      const position = toPortPosition(record.position);
      if (position <= from) continue;
      last = position;
      const stored = toStoredEvent(record, position);
      if (stored && events.length < limit) events.push(stored);
    }
    // The end of the log, or no progress.
    if (seen < want || last === from) break;
    from = last;
  }
  return events;
}

/** The position of the application's last event (START when there is none), skipping system events at the end. */
export async function lastPosition(page: BackwardPage, pageSize = 100): Promise<number> {
  let from: Position | 'end' = 'end';
  for (;;) {
    let seen = 0;
    let lowest: Position | undefined;
    for await (const record of page(from, pageSize)) {
      seen += 1;
      if (!record) continue;
      if (from !== 'end' && record.position.commit >= from.commit) continue;
      lowest = record.position;
      const position = toPortPosition(record.position);
      if (toStoredEvent(record, position)) return position;
    }
    if (seen < pageSize || !lowest) return START;
    from = lowest;
  }
}
