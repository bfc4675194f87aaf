import type { Pool } from 'pg';
import { AdvisoryLock } from '../advisory-lock';
import { backoffDelay, DEFAULT_BACKOFF, errorMessage, type BackoffOptions } from '../backoff';
import {
  publishesInClaimTransaction,
  type IntegrationBus,
  type TransactionalIntegrationBus,
} from '../integration-bus.port';
import type { IntegrationMessage } from '../integration-message';
import { lockKeysParameters, TRY_LOCK_KEYS_FOR_TRANSACTION } from '../key-order-lock';
import { Pause } from '../pause';

export interface OutboxRelayOptions {
  /** Most pending messages read per round. */
  batchSize?: number;
  /** Pause after a round that read less than a full batch (wake() cuts it short). */
  pollIntervalMs?: number;
  /** Wait before republishing a key whose publish failed, growing per failure. */
  backoff?: BackoffOptions;
  /** Keys published at the same time within a round. */
  concurrency?: number;
  log?: (message: string) => void;
}

export interface OutboxRelayStatus {
  running: boolean;
  /** Holds the relay lock, so this process is the one publishing. */
  active: boolean;
  sent: number;
  failedPublishes: number;
  lastError: string | null;
}

export interface OutboxBacklog {
  topic: string;
  pending: number;
  oldestPendingSeconds: number;
  /** Pending messages whose key is waiting out a backoff after a failed publish. */
  blocked: number;
}

/** What one round read from the outbox and how much of it went out. */
type Round = { read: number; sent: number };

type PendingRow = {
  seq: string;
  message_id: string;
  topic: string;
  message_key: string;
  type: string;
  schema_version: number;
  occurred_at: string;
  payload: Record<string, unknown>;
  attempts: number;
};

/**
 * Moves messages from the outbox table to the IntegrationBus. One relay
 * publishes at a time (PostgreSQL advisory lock). Per key (topic + key) the
 * messages go out in outbox order; a row is marked sent only after the bus
 * resolved its publish; a failed publish leaves the key's head row pending
 * with a growing backoff, and the key's later messages wait behind it. Other
 * keys carry on. The result is at-least-once, in order per key.
 */
export class OutboxRelay {
  private readonly lock: AdvisoryLock;
  private readonly pause = new Pause();
  private stopped = true;
  private loop: Promise<void> | undefined;
  private sent = 0;
  private failedPublishes = 0;
  private lastError: string | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly bus: IntegrationBus,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.lock = new AdvisoryLock(pool, 'integration-outbox-relay');
  }

  start(): void {
    this.stopped = false;
    this.loop ??= this.run().finally(() => (this.loop = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.wake();
    await this.loop;
  }

  /** New messages were committed: look now rather than at the next poll. */
  wake(): void {
    this.pause.wake();
  }

  status(): OutboxRelayStatus {
    return {
      running: !this.stopped,
      active: this.lock.held,
      sent: this.sent,
      failedPublishes: this.failedPublishes,
      lastError: this.lastError,
    };
  }

  async backlog(): Promise<OutboxBacklog[]> {
    const { rows } = await this.pool.query<{
      topic: string;
      pending: number;
      oldest: number;
      blocked: number;
    }>(
      `SELECT topic, count(*)::int AS pending,
              COALESCE(extract(epoch FROM now() - min(enqueued_at)), 0)::float8 AS oldest,
              count(*) FILTER (WHERE attempts > 0)::int AS blocked
       FROM integration_outbox WHERE sent_at IS NULL GROUP BY topic ORDER BY topic`,
    );
    return rows.map((r) => ({
      topic: r.topic,
      pending: r.pending,
      oldestPendingSeconds: r.oldest,
      blocked: r.blocked,
    }));
  }

  /** Resolves once nothing is pending in the outbox (for tests and orderly hand-over). */
  async drained(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM integration_outbox WHERE sent_at IS NULL',
      );
      if (rows[0].n === 0) return;
      if (Date.now() > deadline) throw new Error(`the outbox still holds ${rows[0].n} unsent messages`);
      this.wake();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async run(): Promise<void> {
    const interval = this.options.pollIntervalMs ?? 250;
    while (!this.stopped) {
      let backlog = false;
      try {
        // Only a full batch that went out goes round again at once; otherwise what arrives meanwhile gathers.
        if (await this.lock.acquire()) {
          const round = await this.relayRound();
          backlog = round.read >= this.batchSize && round.sent > 0;
        }
      } catch (error) {
        this.lastError = errorMessage(error);
        this.options.log?.(`outbox relay round failed, trying again: ${this.lastError}`);
        this.lock.drop();
      }
      if (!backlog && !this.stopped) await this.pause.for(interval);
    }
    await this.lock.release();
  }

  /** Publishes what is due. */
  private relayRound(): Promise<Round> {
    return publishesInClaimTransaction(this.bus)
      ? this.publishClaimedRound(this.bus)
      : this.publishPerKeyRound();
  }

  /**
   * The bus publishes in the claim's transaction (in-process bus): the due
   * rows are read, then marked sent and appended to the bus in one
   * transaction, six statements whatever their number, so each is published
   * exactly once. Nothing due costs the one read.
   */
  private async publishClaimedRound(bus: TransactionalIntegrationBus): Promise<Round> {
    const { rows: due } = await this.pool.query<PendingRow>(SELECT_DUE, [this.batchSize]);
    if (due.length === 0) return { read: 0, sent: 0 };
    const sent = await bus.publishClaimed(async (tx) => {
      // Keys a projection is enqueuing right now, or another relay is publishing, wait for the next round.
      const { rows: locked } = await tx.query<{ topic: string; message_key: string }>(
        TRY_LOCK_KEYS_FOR_TRANSACTION,
        lockKeysParameters(due.map(toMessage)),
      );
      const ours = new Set(locked.map((k) => keyOf(k)));
      const candidates = due.filter((r) => ours.has(keyOf(r)));
      if (candidates.length === 0) return [];
      // A row another relay sent before we took its key drops out; the key's later rows follow it in order.
      const { rows: claimed } = await tx.query<{ seq: string }>(
        `UPDATE integration_outbox
         SET sent_at = now(), attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL
         WHERE seq = ANY($1::bigint[]) AND sent_at IS NULL
         RETURNING seq`,
        [candidates.map((r) => r.seq)],
      );
      const mine = new Set(claimed.map((r) => r.seq));
      return candidates.filter((r) => mine.has(r.seq)).map(toMessage);
    });
    this.sent += sent;
    return { read: due.length, sent };
  }

  /** Any other bus (Kafka): each key published on its own, at-least-once; the sent rows marked in one UPDATE. */
  private async publishPerKeyRound(): Promise<Round> {
    const { rows } = await this.pool.query<PendingRow>(SELECT_DUE, [this.batchSize]);
    const byKey = new Map<string, PendingRow[]>();
    for (const row of rows) byKey.set(keyOf(row), [...(byKey.get(keyOf(row)) ?? []), row]);
    const groups = [...byKey.values()];
    const sent: string[] = [];
    const concurrency = Math.max(1, this.options.concurrency ?? 8);
    for (let i = 0; i < groups.length; i += concurrency) {
      const results = await Promise.all(
        groups.slice(i, i + concurrency).map((group) => this.publishKey(group)),
      );
      for (const seqs of results) sent.push(...seqs);
    }
    if (sent.length === 0) return { read: rows.length, sent: 0 };
    await this.pool.query(
      `UPDATE integration_outbox
       SET sent_at = now(), attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL
       WHERE seq = ANY($1::bigint[])`,
      [sent],
    );
    this.sent += sent.length;
    return { read: rows.length, sent: sent.length };
  }

  /** The pending messages of one key, in order: their seqs once published, or none with the head marked failed. */
  private async publishKey(rows: PendingRow[]): Promise<string[]> {
    try {
      await this.bus.publish(rows.map(toMessage));
    } catch (error) {
      const head = rows[0];
      const delay = backoffDelay(head.attempts + 1, this.options.backoff ?? DEFAULT_BACKOFF);
      this.failedPublishes += 1;
      this.lastError = errorMessage(error);
      this.options.log?.(
        `publishing ${head.topic} key ${head.message_key} failed (try ${head.attempts + 1}), next try in ${delay} ms: ${this.lastError}`,
      );
      await this.pool.query(
        `UPDATE integration_outbox
         SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3::float8 / 1000)
         WHERE seq = $1`,
        [head.seq, this.lastError.slice(0, 2000), delay],
      );
      return [];
    }
    return rows.map((r) => r.seq);
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 200;
  }
}

/** The oldest pending messages, leaving out keys whose head waits out a backoff. Parameter: $1 the most to read. */
const SELECT_DUE = `SELECT o.seq, o.message_id, o.topic, o.message_key, o.type, o.schema_version, o.occurred_at, o.payload, o.attempts
  FROM integration_outbox o
  WHERE o.sent_at IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM integration_outbox w
      WHERE w.sent_at IS NULL AND w.next_attempt_at > now()
        AND w.topic = o.topic AND w.message_key = o.message_key)
  ORDER BY o.seq
  LIMIT $1`;

function keyOf(row: { topic: string; message_key: string }): string {
  return `${row.topic}\u0000${row.message_key}`;
}

function toMessage(row: PendingRow): IntegrationMessage {
  return {
    messageId: row.message_id,
    topic: row.topic,
    key: row.message_key,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: row.occurred_at,
    payload: row.payload,
  };
}
