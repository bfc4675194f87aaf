import { EventIdConflict, WrongExpectedVersion } from '../errors';
import type { AppendResult } from '../event-store.port';
import type { AppendRequest } from './append-plan';

/** What `event_store_append` reports instead of writing, when an assumption did not hold. */
export interface BatchConflicts {
  storedIds: Array<{ eventId: string; streamId: string; version: number; position: number }>;
  movedStreams: Array<{ streamId: string; version: number }>;
}

export type AppendOutcome =
  | { kind: 'done'; result: AppendResult }
  | { kind: 'failed'; error: Error }
  /** Not decided by this batch: plan it again (with the stream's version, when that was the reason). */
  | { kind: 'again'; knownVersion?: number };

/**
 * Decides each append of a batch that wrote nothing, on its own: a retry of
 * stored events answers with the first result, a wrong expected version is a
 * conflict, a stale guess for 'any' / 'stream-exists' is planned again, and an
 * append that was merely in the same batch goes into the next one.
 */
export function resolveConflicts(request: AppendRequest, conflicts: BatchConflicts): AppendOutcome {
  const stored = new Map(conflicts.storedIds.map((s) => [s.eventId.toLowerCase(), s]));
  const found = request.events.map((e) => stored.get(e.eventId.toLowerCase()));
  if (found.some((f) => f !== undefined)) return asRetry(request, found);
  const moved = conflicts.movedStreams.find((m) => m.streamId === request.streamId);
  if (!moved) return { kind: 'again', knownVersion: request.knownVersion };
  const expected = request.expectedVersion;
  const plannable = expected === 'any' || (expected === 'stream-exists' && moved.version > 0);
  if (plannable) return { kind: 'again', knownVersion: moved.version };
  return { kind: 'failed', error: new WrongExpectedVersion(request.streamId, expected, moved.version) };
}

/** All ids stored already, in this stream: the first result. Some, or elsewhere: a conflict. */
function asRetry(
  request: AppendRequest,
  found: Array<BatchConflicts['storedIds'][number] | undefined>,
): AppendOutcome {
  const partial = found.some((f) => f === undefined);
  const clash = found.findIndex((f) => f !== undefined && (partial || f.streamId !== request.streamId));
  if (clash >= 0) return { kind: 'failed', error: new EventIdConflict(request.events[clash].eventId) };
  const stored = found as BatchConflicts['storedIds'];
  return {
    kind: 'done',
    result: {
      streamId: request.streamId,
      nextExpectedVersion: Math.max(...stored.map((s) => s.version)),
      firstPosition: Math.min(...stored.map((s) => s.position)),
      lastPosition: Math.max(...stored.map((s) => s.position)),
      duplicate: true,
    },
  };
}
