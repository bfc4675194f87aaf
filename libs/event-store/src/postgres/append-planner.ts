import { EventIdConflict, WrongExpectedVersion } from '../errors';
import { eventHash } from '../event-hash';
import type { AppendContext, AppendResult, ExpectedVersion, NewEvent } from '../event-store.port';

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
  context: AppendContext;
}

export interface EventRow {
  global_position: number;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  hash: string;
  recorded_at: string;
}

type StoredId = { streamId: string; version: number; position: number };

/**
 * Decides, in memory and under the head lock, what a group of appends does:
 * which are retries, which conflict, and the rows (with positions, versions
 * and hashes) of the rest. Each append succeeds or fails on its own.
 */
export class AppendPlanner {
  readonly rows: EventRow[] = [];
  private readonly ids = new Map<string, StoredId>();
  private readonly versions = new Map<string, number>();

  constructor(
    private position: number,
    private readonly recordedAt: string,
    storedIds: Iterable<[string, StoredId]>,
    streamVersions: Iterable<[string, number]>,
  ) {
    for (const [id, stored] of storedIds) this.ids.set(id, stored);
    for (const [stream, version] of streamVersions) this.versions.set(stream, version);
  }

  get head(): number {
    return this.position;
  }

  plan(request: AppendRequest): AppendResult {
    const retry = this.asRetry(request);
    if (retry) return retry;
    const current = this.versions.get(request.streamId) ?? 0;
    if (!versionMatches(request.expectedVersion, current))
      throw new WrongExpectedVersion(request.streamId, request.expectedVersion, current);
    const firstPosition = this.position + 1;
    let version = current;
    for (const event of request.events) {
      version += 1;
      this.position += 1;
      const metadata = {
        actor: request.context.actor,
        correlationId: request.context.correlationId,
        causationId: request.context.causationId ?? null,
        recordedAt: this.recordedAt,
        schemaVersion: event.schemaVersion ?? 1,
      };
      const row = { streamId: request.streamId, version, type: event.type, data: event.data, metadata };
      this.rows.push({
        global_position: this.position,
        stream_id: request.streamId,
        version,
        event_id: event.eventId.toLowerCase(),
        type: event.type,
        data: event.data,
        metadata,
        hash: eventHash(row),
        recorded_at: this.recordedAt,
      });
      this.ids.set(event.eventId.toLowerCase(), {
        streamId: request.streamId,
        version,
        position: this.position,
      });
    }
    this.versions.set(request.streamId, version);
    return {
      streamId: request.streamId,
      nextExpectedVersion: version,
      firstPosition,
      lastPosition: this.position,
      duplicate: false,
    };
  }

  /** All ids stored already, in this stream: report the first result. Some or elsewhere: a conflict. */
  private asRetry(request: AppendRequest): AppendResult | undefined {
    const found = request.events.map((e) => this.ids.get(e.eventId.toLowerCase()));
    if (found.every((f) => f === undefined)) return undefined;
    const partial = found.some((f) => f === undefined);
    const clash = found.findIndex((f) => f !== undefined && (partial || f.streamId !== request.streamId));
    if (clash >= 0) throw new EventIdConflict(request.events[clash].eventId);
    const stored = found as StoredId[];
    return {
      streamId: request.streamId,
      nextExpectedVersion: Math.max(...stored.map((s) => s.version)),
      firstPosition: Math.min(...stored.map((s) => s.position)),
      lastPosition: Math.max(...stored.map((s) => s.position)),
      duplicate: true,
    };
  }
}

function versionMatches(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return current === 0;
    case 'stream-exists':
      return current > 0;
    default:
      return expected === current;
  }
}
