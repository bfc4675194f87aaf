import { Client, type Pool } from 'pg';
import { systemClock, type Clock } from '@app/shared-kernel';
import type {
  AppendContext,
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { SubscriptionHub } from '../subscriptions/subscription-hub';
import { validateNewEvents } from '../validate-new-events';
import { EVENTS_CHANNEL, GroupCommitWriter } from './group-commit-writer';

const COLUMNS = 'global_position, stream_id, version, event_id, type, data, metadata, hash';

interface Row {
  global_position: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  hash: string;
}

export interface PostgresEventStoreOptions {
  pool: Pool;
  /** Connection string for a LISTEN connection, so appends by other processes wake subscribers at once. */
  listenUrl?: string;
  clock?: Clock;
  pollIntervalMs?: number;
}

/** The default adapter (docs/adr/0002-gap-free-global-order.md). */
export class PostgresEventStore implements EventStore {
  private readonly hub: SubscriptionHub;
  private readonly writer: GroupCommitWriter;
  private listener: Client | undefined;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.hub = new SubscriptionHub((o) => this.readAll(o), options.pollIntervalMs);
    this.writer = new GroupCommitWriter(options.pool, options.clock ?? systemClock, () => this.hub.notify());
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult> {
    const canonicalData = validateNewEvents(streamId, events, context);
    return this.writer.submit({ streamId, events, expectedVersion, context, canonicalData });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const result = await this.options.pool.query<Row>(
      `SELECT ${COLUMNS} FROM events
       WHERE stream_id = $1 AND version >= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY version`,
      [streamId, options.fromVersion ?? 1, options.asOf?.toISOString() ?? null],
    );
    return result.rows.map(toStoredEvent);
  }

  /** One statement for all the streams. */
  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const read = new Map<string, StoredEvent[]>(streamIds.map((id) => [id, []]));
    if (read.size === 0) return read;
    const result = await this.options.pool.query<Row>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, version`,
      [[...read.keys()]],
    );
    for (const row of result.rows) read.get(row.stream_id)?.push(toStoredEvent(row));
    return read;
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    const result = await this.options.pool.query<Row>(
      `SELECT ${COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [after, limit],
    );
    return result.rows.map(toStoredEvent);
  }

  async headPosition(): Promise<number> {
    const result = await this.options.pool.query<{ position: string }>(
      'SELECT position FROM event_store_head',
    );
    return Number(result.rows[0].position);
  }

  subscribe(options: SubscribeOptions): Subscription {
    void this.listen();
    return this.hub.subscribe(options);
  }

  async close(): Promise<void> {
    await this.writer.idle();
    await this.hub.stopAll();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Best effort: without it, subscribers still see other processes' appends within the poll interval. */
  private async listen(): Promise<void> {
    if (this.listener || !this.options.listenUrl) return;
    const client = new Client({ connectionString: this.options.listenUrl });
    this.listener = client;
    client.on('notification', () => this.hub.notify());
    client.on('error', () => {
      if (this.listener === client) this.listener = undefined;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch {
      if (this.listener === client) this.listener = undefined;
      await client.end().catch(() => undefined);
    }
  }
}

function toStoredEvent(row: Row): StoredEvent {
  return {
    position: Number(row.global_position),
    streamId: row.stream_id,
    version: row.version,
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
  };
}
