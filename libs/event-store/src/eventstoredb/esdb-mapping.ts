import {
  ANY,
  NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type CurrentRevision,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import { WrongExpectedVersion } from '../errors';
import { START, type EventMetadata, type ExpectedVersion, type StoredEvent } from '../event-store.port';

/**
 * Pure translations between the port and EventStoreDB (docs/adr/0009):
 * port versions start at 1, ESDB revisions at 0; port positions are numbers,
 * ESDB `$all` positions are {commit, prepare} bigints.
 */

/** The port's expected version as an ESDB expected revision. */
export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    default:
      return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  }
}

/** An event's revision (0-based) as its port version (1-based). */
export function toVersion(revision: bigint): number {
  return safeNumber(revision + 1n, 'stream revision');
}

/** A port version (1-based) as the revision of that event (0-based). */
export function toRevision(version: number): bigint {
  return BigInt(version - 1);
}

/** What ESDB reports as a stream's current revision, as the port's version (0 = no stream). */
export function currentVersion(current: CurrentRevision): number {
  return current === NO_STREAM ? 0 : toVersion(current);
}

/**
 * An event's `$all` position as the port's position. Events appended through
 * gRPC are committed implicitly, so commit = prepare = the log position of
 * the event's own record: unique, and ascending in `$all` order. It is a byte
 * offset in the transaction log, exact as a JavaScript number up to 2^53 bytes
 * (8 PiB) of log; beyond that this throws rather than lose order.
 */
export function toPortPosition(position: Position): number {
  if (position.commit !== position.prepare)
    throw new Error(
      `$all position ${position.commit}/${position.prepare} belongs to an explicit transaction, which this adapter does not write or read`,
    );
  return safeNumber(position.commit, '$all commit position');
}

/** Where to start reading `$all` to get the events after a port position (the read is inclusive). */
export function toReadPosition(after: number): ReadPosition {
  if (after <= START) return ESDB_START;
  const at = BigInt(after);
  return { commit: at, prepare: at };
}

/** ESDB's concurrency error as the port's typed conflict; other errors pass through unchanged. */
export function toPortError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (error instanceof WrongExpectedVersionError)
    return new WrongExpectedVersion(streamId, expected, currentVersion(error.actualVersion));
  return error;
}

/** System streams and events ($-prefixed: statistics, settings, projections, links) are not the application's. */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/**
 * The ESDB event metadata this adapter writes: the port's metadata and the
 * content hash exactly as the PostgreSQL adapter stores them, plus ESDB's own
 * correlation fields so its tooling can follow causation.
 */
export interface EsdbEventMetadata extends EventMetadata {
  hash: string;
  $correlationId: string;
  $causationId?: string;
}

export function toEsdbMetadata(metadata: EventMetadata, hash: string): EsdbEventMetadata {
  return {
    ...metadata,
    hash,
    $correlationId: metadata.correlationId,
    ...(metadata.causationId === null ? {} : { $causationId: metadata.causationId }),
  };
}

/** A recorded ESDB event as read back, reduced to what the mapping needs. */
export interface RecordedEsdbEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
}

/**
 * A recorded event as the port's StoredEvent; undefined for events this
 * adapter did not write (system events, binary events, or metadata without
 * the port's fields and hash), which readers skip.
 */
export function toStoredEvent(recorded: RecordedEsdbEvent, position: number): StoredEvent | undefined {
  if (isSystemEvent(recorded.streamId, recorded.type) || !recorded.isJson) return undefined;
  const metadata = portMetadata(recorded.metadata);
  const data = recorded.data;
  if (!metadata || typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return {
    position,
    streamId: recorded.streamId,
    version: toVersion(recorded.revision),
    eventId: recorded.id.toLowerCase(),
    type: recorded.type,
    data: data as Record<string, unknown>,
    metadata: metadata.metadata,
    hash: metadata.hash,
  };
}

/** Exactly the five port fields (the hash covers these, not ESDB's extras). */
function portMetadata(value: unknown): { metadata: EventMetadata; hash: string } | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return undefined;
  const m = value as Record<string, unknown>;
  if (
    typeof m.hash !== 'string' ||
    typeof m.actor !== 'string' ||
    typeof m.correlationId !== 'string' ||
    !(typeof m.causationId === 'string' || m.causationId === null) ||
    typeof m.recordedAt !== 'string' ||
    typeof m.schemaVersion !== 'number'
  )
    return undefined;
  return {
    metadata: {
      actor: m.actor,
      correlationId: m.correlationId,
      causationId: m.causationId,
      recordedAt: m.recordedAt,
      schemaVersion: m.schemaVersion,
    },
    hash: m.hash,
  };
}

function safeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`${what} ${value} is outside the range a JavaScript number holds exactly`);
  return Number(value);
}
