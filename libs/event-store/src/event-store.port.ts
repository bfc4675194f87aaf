/**
 * The EventStore port: the log is the source of truth. Adapters: postgres
 * (default) and eventstoredb. Every adapter passes the same contract suite
 * (contract/event-store.contract.ts).
 *
 * Positions are ordered numbers the rest of the code treats as opaque: compare
 * them, store them as checkpoints, never do arithmetic beyond "after".
 */

/** What the writer believes the stream's version is; versions start at 1. */
export type ExpectedVersion = number | 'any' | 'no-stream' | 'stream-exists';

/** Nothing has been read yet: read or subscribe "after" this. */
export const START: number = 0;

export interface NewEvent<D = Record<string, unknown>> {
  /** Deterministic for a command under retry (see nameBasedUuid), so a retry appends nothing. */
  eventId: string;
  type: string;
  data: D;
  /** Version of this event type's shape; upcasters lift older ones on read. Defaults to 1. */
  schemaVersion?: number;
}

/** Who and what caused an append; the store adds recordedAt and schemaVersion. */
export interface AppendContext {
  actor: string;
  correlationId: string;
  causationId?: string | null;
}

export interface EventMetadata {
  actor: string;
  correlationId: string;
  causationId: string | null;
  /** ISO 8601 UTC instant the store recorded the event. */
  recordedAt: string;
  schemaVersion: number;
}

export interface StoredEvent<D = Record<string, unknown>> {
  position: number;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  data: D;
  metadata: EventMetadata;
  /** Lowercase hex SHA-256 of the JCS form of {streamId, version, type, data, metadata} as stored. */
  hash: string;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the next expectedVersion. */
  nextExpectedVersion: number;
  firstPosition: number;
  lastPosition: number;
  /** True when every event id was already stored: a retry, nothing appended. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  /** First version to return (inclusive); default 1. */
  fromVersion?: number;
  /** Only events recorded at or before this instant: the stream as it was then. */
  asOf?: Date;
}

export interface ReadAllOptions {
  after: number;
  limit: number;
}

export interface SubscribeOptions {
  after: number;
  batchSize?: number;
  /** Called with each batch in ascending position; the next batch waits for it. A throw ends the subscription. */
  onEvents(events: StoredEvent[]): Promise<void>;
  /** Called whenever the subscriber has caught up with the head; a throw ends the subscription. */
  onCaughtUp?(): Promise<void>;
}

export interface Subscription {
  /** Settles when the subscription ends: resolves after stop(), rejects with the handler's or reader's error. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface EventStore {
  append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Several whole streams in one read: each id's events in version order, an unknown stream empty. */
  readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** Position of the last committed event (START when empty). */
  headPosition(): Promise<number>;
  /** Catch up from `after`, then follow live appends. */
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

/** Nest injection token for the application's EventStore (with upcasting). */
export const EVENT_STORE = Symbol('EventStore');
/** The log exactly as stored (no upcasting): for audit and verification. */
export const RAW_EVENT_STORE = Symbol('RawEventStore');
