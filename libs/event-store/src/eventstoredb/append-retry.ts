import { EventIdConflict } from '../errors';
import type { AppendResult } from '../event-store.port';
import type { StoredEventId } from './event-id-index';

/**
 * The port's idempotency rule, given where each event id of an append is
 * already stored (undefined: not stored): none stored → a new append
 * (undefined); all stored in this stream → the first result, marked
 * duplicate; some, or any elsewhere → EventIdConflict. The same rule as the
 * PostgreSQL adapter's planner.
 */
export function retryOutcome(
  streamId: string,
  eventIds: string[],
  found: Array<StoredEventId | undefined>,
): AppendResult | undefined {
  if (found.every((f) => f === undefined)) return undefined;
  const partial = found.some((f) => f === undefined);
  const clash = found.findIndex((f) => f !== undefined && (partial || f.streamId !== streamId));
  if (clash >= 0) throw new EventIdConflict(eventIds[clash]);
  const stored = found as StoredEventId[];
  return {
    streamId,
    nextExpectedVersion: Math.max(...stored.map((s) => s.version)),
    firstPosition: Math.min(...stored.map((s) => s.position)),
    lastPosition: Math.max(...stored.map((s) => s.position)),
    duplicate: true,
  };
}
