import type { Pool } from 'pg';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../backoff';
import type { IntegrationBus, IntegrationHandler, IntegrationSubscription } from '../integration-bus.port';
import { assertIntegrationMessage, type IntegrationMessage } from '../integration-message';
import { keysInLockOrder, LOCK_KEY_FOR_TRANSACTION } from '../key-order-lock';
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
export class InProcessIntegrationBus implements IntegrationBus {
  private readonly consumers = new Set<GroupConsumer>();

  constructor(
    private readonly pool: Pool,
    private readonly options: InProcessBusOptions = {},
  ) {}

  async publish(messages: IntegrationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    messages.forEach((m) => assertIntegrationMessage(m));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // A consumer tracks progress per key, so a key's rows must become visible in position order.
      for (const [topic, key] of keysInLockOrder(messages))
        await client.query(LOCK_KEY_FOR_TRANSACTION, [topic, key]);
      for (const message of messages)
        await client.query(
          'INSERT INTO integration_bus_messages (topic, message_key, message) VALUES ($1, $2, $3)',
          [message.topic, message.key, JSON.stringify(message)],
        );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    const topics = new Set(messages.map((m) => m.topic));
    for (const consumer of this.consumers) if (topics.has(consumer.topic)) consumer.wake();
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
