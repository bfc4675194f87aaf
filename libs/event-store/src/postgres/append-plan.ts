import { canonicalJson } from '@app/shared-kernel';
import { eventHashOfCanonicalData } from '../event-hash';
import type {
  AppendContext,
  AppendResult,
  EventMetadata,
  ExpectedVersion,
  NewEvent,
} from '../event-store.port';

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
  context: AppendContext;
  /** The stream's version as last reported by the database, for 'any' and 'stream-exists'. */
  knownVersion?: number;
  /** Each event's data in JCS form, when validation already made it. */
  canonicalData?: string[];
}

/** One row as `event_store_append` takes it; `ordinal` (1-based) becomes head + ordinal. */
export interface EventRow {
  ordinal: number;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  hash: string;
  recorded_at: string;
}

/** An append placed in the batch: its rows are ordinals first … first + count - 1. */
export interface PlacedAppend<T extends AppendRequest = AppendRequest> {
  request: T;
  firstOrdinal: number;
  lastVersion: number;
}

export interface AppendPlan<T extends AppendRequest = AppendRequest> {
  placed: PlacedAppend<T>[];
  /** Wait for the next batch: same stream or event id as an append placed earlier in this one. */
  deferred: T[];
  /** Sent to `event_store_append`: the rows, and the version each stream must be at. */
  batch: { rows: EventRow[]; checks: Array<{ streamId: string; version: number }> };
}

/**
 * Plans a group of appends optimistically, outside the lock: each append's
 * versions (and so its hashes) follow from the version its stream is assumed
 * to be at. The database checks every assumption under the lock and writes
 * all or nothing; see `resolveConflicts` for what happens when one is wrong.
 */
export function planAppends<T extends AppendRequest>(requests: T[], recordedAt: string): AppendPlan<T> {
  const plan: AppendPlan<T> = { placed: [], deferred: [], batch: { rows: [], checks: [] } };
  const streams = new Set<string>();
  const ids = new Set<string>();
  for (const request of requests) {
    const eventIds = request.events.map((e) => e.eventId.toLowerCase());
    if (streams.has(request.streamId) || eventIds.some((id) => ids.has(id))) {
      plan.deferred.push(request);
      continue;
    }
    streams.add(request.streamId);
    eventIds.forEach((id) => ids.add(id));
    const assumed = assumedVersion(request);
    plan.batch.checks.push({ streamId: request.streamId, version: assumed });
    const firstOrdinal = plan.batch.rows.length + 1;
    request.events.forEach((event, i) => {
      const version = assumed + i + 1;
      const metadata: EventMetadata = {
        actor: request.context.actor,
        correlationId: request.context.correlationId,
        causationId: request.context.causationId ?? null,
        recordedAt,
        schemaVersion: event.schemaVersion ?? 1,
      };
      plan.batch.rows.push({
        ordinal: firstOrdinal + i,
        stream_id: request.streamId,
        version,
        event_id: eventIds[i],
        type: event.type,
        data: event.data,
        metadata,
        hash: eventHashOfCanonicalData({
          streamId: request.streamId,
          version,
          type: event.type,
          canonicalData: request.canonicalData?.[i] ?? canonicalJson(event.data),
          metadata,
        }),
        recorded_at: recordedAt,
      });
    });
    plan.placed.push({ request, firstOrdinal, lastVersion: assumed + request.events.length });
  }
  return plan;
}

/** What the batch was hashed for. -1 never matches: 'stream-exists' must see the stream first. */
function assumedVersion(request: AppendRequest): number {
  const expected = request.expectedVersion;
  if (typeof expected === 'number') return expected;
  if (expected === 'no-stream') return 0;
  if (expected === 'any') return request.knownVersion ?? 0;
  return request.knownVersion ?? -1;
}

/** The result of a placed append once the batch was written from `firstPosition`. */
export function appendedResult(placed: PlacedAppend, firstPosition: number): AppendResult {
  const first = firstPosition + placed.firstOrdinal - 1;
  return {
    streamId: placed.request.streamId,
    nextExpectedVersion: placed.lastVersion,
    firstPosition: first,
    lastPosition: first + placed.request.events.length - 1,
    duplicate: false,
  };
}
