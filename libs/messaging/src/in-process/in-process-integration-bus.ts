import type { Pool, PoolClient } from 'pg';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../backoff';
import type {
  ClaimMessages,
  IntegrationHandler,
  IntegrationSubscription,
  TransactionalIntegrationBus,
} from '../integration-bus.port';
import { assertIntegrationMessage, type IntegrationMessage } from '../integration-message';
import { LOCK_KEYS_FOR_TRANSACTION, lockKeysParameters } from '../key-order-lock';
import { GroupConsumer } from './group-consumer';

export interface InProcessBusOptions {
  /** How often a subscriber looks for messages published by another process (same-process publishes wake it at once). */
  pollIntervalMs?: number;
  batchSize?: number;
  /** Wait before redelivering a message whose handler threw, growing per failure. */
  backoff?: BackoffOptions;
  log?: (message: string) => void;
}

/**
 * The default IntegrationBus: no broker, yet the same guarantees as the Kafka
 * adapter. A publish is a committed row in `integration_bus_messages`; each
 * group's progress is kept per key in `integration_bus_progress`, so a handler
 * that threw, or a process that stopped mid-message, gets the message again
 * (at-least-once, in order per key), across restarts too. One consumer per
 * group and topic runs at a time (advisory lock), in whichever process sharing
 * the database took it first.
 */
export class InProcessIntegrationBus implements TransactionalIntegrationBus {
  private readonly consumers = new Set<GroupConsumer>();

  constructor(
    private readonly pool: Pool,
    private readonly options: InProcessBusOptions = {},
  ) {}

  async publish(messages: IntegrationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    messages.forEach((m) => assertIntegrationMessage(m));
    await this.publishClaimed(async (tx) => {
      // A consumer tracks progress per key, so a key's rows must become visible in position order.
      await tx.query(LOCK_KEYS_FOR_TRANSACTION, lockKeysParameters(messages));
      return messages;
    });
  }

  /**
   * The relay's path (TransactionalIntegrationBus): what `claim` takes out of
   * the outbox is appended here in the same transaction, in the order given,
   * with one INSERT, and commits with the claim or not at all.
   */
  async publishClaimed(claim: ClaimMessages): Promise<number> {
    const client = await this.pool.connect();
    let messages: IntegrationMessage[];
    try {
      await client.query('BEGIN');
      messages = await claim(client);
      if (messages.length > 0) await appendToLog(client, messages);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    const topics = new Set(messages.map((m) => m.topic));
    for (const consumer of this.consumers) if (topics.has(consumer.topic)) consumer.wake();
    return messages.length;
  }

  async subscribe(
    topic: string,
    groupId: string,
    handler: IntegrationHandler,
  ): Promise<IntegrationSubscription> {
    const consumer = new GroupConsumer(this.pool, topic, groupId, handler, {
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      batchSize: this.options.batchSize ?? 100,
      backoff: this.options.backoff ?? DEFAULT_BACKOFF,
      log: this.options.log,
    });
    this.consumers.add(consumer);
    consumer.start();
    return {
      close: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  /** Stops every subscription (at shutdown, before the pool closes). */
  async close(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((c) => c.stop()));
  }
}

/** The messages as rows of the bus's log, positions in the order given (one statement). */
async function appendToLog(client: PoolClient, messages: IntegrationMessage[]): Promise<void> {
  await client.query(
    `INSERT INTO integration_bus_messages (topic, message_key, message)
     SELECT m.message->>'topic', m.message->>'key', m.message
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS m(message, n)
     ORDER BY m.n`,
    [JSON.stringify(messages)],
  );
}
