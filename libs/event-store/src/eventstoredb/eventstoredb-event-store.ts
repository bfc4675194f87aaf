import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  StreamNotFoundError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Position,
} from '@eventstore/db-client';
import type { Pool } from 'pg';
import { systemClock, type Clock } from '@app/shared-kernel';
import { WrongExpectedVersion } from '../errors';
import { eventHash } from '../event-hash';
import {
  type AppendContext,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { SubscriptionHub } from '../subscriptions/subscription-hub';
import { validateNewEvents } from '../validate-new-events';
import { lastPosition, readAfter, type AllRecord } from './all-reader';
import { retryOutcome } from './append-retry';
import {
  toEsdbMetadata,
  toExpectedRevision,
  toPortError,
  toPortPosition,
  toReadPosition,
  toRevision,
  toStoredEvent,
  toVersion,
} from './esdb-mapping';
import { EventIdIndex, type StoredEventId } from './event-id-index';

export interface EventStoreDbEventStoreOptions {
  client: EventStoreDBClient;
  /** The read-model database: holds the event-id index (table esdb_event_ids). */
  pool: Pool;
  clock?: Clock;
  pollIntervalMs?: number;
  /** Dispose the client on close(); true when the store made it from a connection string. */
  ownsClient?: boolean;
}

const HEAD_PAGE = 100;
/** 'any' and 'stream-exists' never conflict: an append that lost a race is planned again. */
const RACE_RETRIES = 5;

/**
 * The EventStore port on EventStoreDB / KurrentDB (docs/adr/0009). Events are
 * JSON; their ESDB metadata carries the port's metadata and the content hash,
 * computed exactly as the PostgreSQL adapter does (event-hash.ts). Positions
 * are `$all` commit positions as numbers; `$all` is read in commit order with
 * system events left out. Subscriptions are the shared catch-up loop over
 * readAll, woken by a live `$all` subscription, so projection checkpoints stay
 * in PostgreSQL with the read model (ProjectionRunner, unchanged).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly clock: Clock;
  private readonly ids: EventIdIndex;
  private readonly hub: SubscriptionHub;
  private live: AllStreamSubscription | undefined;

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    this.client = options.client;
    this.clock = options.clock ?? systemClock;
    this.hub = new SubscriptionHub((o) => this.readAll(o), options.pollIntervalMs);
    this.ids = new EventIdIndex(options.pool);
  }

  static connect(connectionString: string, options: Omit<EventStoreDbEventStoreOptions, 'client'>) {
    return new EventStoreDbEventStore({
      ...options,
      client: EventStoreDBClient.connectionString(connectionString),
      ownsClient: true,
    });
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult> {
    validateNewEvents(streamId, events, context);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.appendOnce(streamId, events, expectedVersion, context);
      } catch (error) {
        const raced =
          error instanceof WrongExpectedVersion &&
          (expectedVersion === 'any' || (expectedVersion === 'stream-exists' && error.actual > 0));
        if (!raced || attempt >= RACE_RETRIES) throw error;
      }
    }
  }

  private async appendOnce(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult> {
    const eventIds = events.map((e) => e.eventId.toLowerCase());
    const { current, inStream } = await this.streamState(streamId);
    const indexed = await this.ids.lookup(eventIds);
    const retry = retryOutcome(
      streamId,
      eventIds,
      eventIds.map((id) => indexed.get(id) ?? inStream.get(id)),
    );
    if (retry) return retry;
    if (!versionMatches(expectedVersion, current))
      throw new WrongExpectedVersion(streamId, expectedVersion, current);
    const recordedAt = this.clock.now().toISOString();
    const prepared = events.map((event, i) => {
      const metadata: EventMetadata = {
        actor: context.actor,
        correlationId: context.correlationId,
        causationId: context.causationId ?? null,
        recordedAt,
        schemaVersion: event.schemaVersion ?? 1,
      };
      const version = current + i + 1;
      const hash = eventHash({ streamId, version, type: event.type, data: event.data, metadata });
      return jsonEvent({
        id: eventIds[i],
        type: event.type,
        data: event.data,
        metadata: toEsdbMetadata(metadata, hash),
      });
    });
    try {
      // The exact revision read above, so the versions inside the hashes are the ones stored.
      await this.client.appendToStream(streamId, prepared, { expectedRevision: toExpectedRevision(current) });
    } catch (error) {
      throw toPortError(error, streamId, expectedVersion);
    }
    const written = await this.positionsOf(streamId, current + 1, eventIds);
    await this.ids.record(written);
    this.hub.notify();
    const positions = written.map(([, w]) => w.position);
    return {
      streamId,
      nextExpectedVersion: current + events.length,
      firstPosition: positions[0],
      lastPosition: positions[positions.length - 1],
      duplicate: false,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const asOf = options.asOf?.getTime();
    const events: StoredEvent[] = [];
    try {
      const read = this.client.readStream(streamId, { fromRevision: toRevision(options.fromVersion ?? 1) });
      for await (const resolved of read) {
        const recorded = resolved.event;
        if (!recorded) continue;
        const stored = toStoredEvent(recorded, positionOf(recorded.position, streamId));
        if (stored && (asOf === undefined || Date.parse(stored.metadata.recordedAt) <= asOf))
          events.push(stored);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const unique = [...new Set(streamIds)];
    const read = await Promise.all(unique.map((id) => this.readStream(id)));
    return new Map(unique.map((id, i) => [id, read[i]]));
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    return readAfter(
      (from, maxCount) =>
        events(this.client.readAll({ fromPosition: toReadPosition(from), maxCount, direction: FORWARDS })),
      after,
      limit,
    );
  }

  async headPosition(): Promise<number> {
    return lastPosition(
      (from, maxCount) =>
        events(
          this.client.readAll({ fromPosition: from === 'end' ? END : from, maxCount, direction: BACKWARDS }),
        ),
      HEAD_PAGE,
    );
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.followLive();
    return this.hub.subscribe(options);
  }

  async close(): Promise<void> {
    await this.hub.stopAll();
    const live = this.live;
    this.live = undefined;
    await live?.unsubscribe().catch(() => undefined);
    if (this.options.ownsClient) await this.client.dispose();
  }

  /** The stream's current version and the ids it holds (a retry after a crash before the index write). */
  private async streamState(
    streamId: string,
  ): Promise<{ current: number; inStream: Map<string, StoredEventId> }> {
    const inStream = new Map<string, StoredEventId>();
    let current = 0;
    try {
      for await (const resolved of this.client.readStream(streamId)) {
        const recorded = resolved.event;
        if (!recorded) continue;
        current = toVersion(recorded.revision);
        inStream.set(recorded.id.toLowerCase(), {
          streamId,
          version: current,
          position: positionOf(recorded.position, streamId),
        });
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { current, inStream };
  }

  /** Reads back the appended events for their `$all` positions (an append reports only the last). */
  private async positionsOf(
    streamId: string,
    firstVersion: number,
    eventIds: string[],
  ): Promise<Array<[string, StoredEventId]>> {
    const written: Array<[string, StoredEventId]> = [];
    const read = this.client.readStream(streamId, {
      fromRevision: toRevision(firstVersion),
      maxCount: eventIds.length,
    });
    for await (const resolved of read) {
      const recorded = resolved.event;
      if (!recorded) continue;
      written.push([
        recorded.id.toLowerCase(),
        {
          streamId,
          version: toVersion(recorded.revision),
          position: positionOf(recorded.position, streamId),
        },
      ]);
    }
    if (written.length !== eventIds.length || written.some(([id], i) => id !== eventIds[i]))
      throw new Error(`stream ${streamId} does not hold the events just appended at version ${firstVersion}`);
    return written;
  }

  /** Best effort: without it, subscribers still see appends by other processes within the poll interval. */
  private followLive(): void {
    if (this.live) return;
    const live = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.live = live;
    live.on('data', () => this.hub.notify());
    live.on('error', () => {
      if (this.live === live) this.live = undefined;
    });
  }
}

/** The recorded events of a `$all` read (undefined where a link did not resolve). */
async function* events(read: AsyncIterable<AllStreamResolvedEvent>): AsyncIterable<AllRecord | undefined> {
  for await (const resolved of read) yield resolved.event;
}

function positionOf(position: Position | undefined, streamId: string): number {
  if (!position)
    throw new Error(
      `EventStoreDB returned no $all position for ${streamId}: the server must be 22.6 or later`,
    );
  return toPortPosition(position);
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
