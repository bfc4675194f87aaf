import type { Pool } from 'pg';
import { AdvisoryLock } from '../advisory-lock';
import { backoffDelay, errorMessage, type BackoffOptions } from '../backoff';
import type { IntegrationHandler } from '../integration-bus.port';
import type { IntegrationMessage } from '../integration-message';
import { Pause } from '../pause';

export interface GroupConsumerOptions {
  pollIntervalMs: number;
  batchSize: number;
  backoff: BackoffOptions;
  log?: (message: string) => void;
}

type Delivery = { position: string; message_key: string; message: IntegrationMessage };
type Failing = { failures: number; retryAt: number };

/**
 * Feeds one group's handler the messages of one topic: per key in position
 * order, the next message only after the handler resolved for the one before
 * (and its progress is committed). A throw stops that key until its backoff
 * has passed; other keys go on.
 */
export class GroupConsumer {
  private readonly lock: AdvisoryLock;
  private readonly pause = new Pause();
  private readonly failing = new Map<string, Failing>();
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    readonly topic: string,
    readonly groupId: string,
    private readonly handler: IntegrationHandler,
    private readonly options: GroupConsumerOptions,
  ) {
    this.lock = new AdvisoryLock(pool, `bus-group:${groupId}:${topic}`);
  }

  start(): void {
    this.loop ??= this.run();
  }

  wake(): void {
    this.pause.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let handled = false;
      try {
        if (await this.lock.acquire()) handled = await this.round();
      } catch (error) {
        this.options.log?.(
          `bus consumer ${this.groupId} on ${this.topic} failed, trying again: ${errorMessage(error)}`,
        );
        this.lock.drop();
      }
      if (!handled && !this.stopped) await this.pause.for(this.nextWait());
    }
    await this.lock.release();
  }

  private nextWait(): number {
    const now = Date.now();
    let wait = this.options.pollIntervalMs;
    for (const { retryAt } of this.failing.values()) wait = Math.min(wait, Math.max(5, retryAt - now));
    return wait;
  }

  /** One pass over what the group has not handled yet; true when a message was handled. */
  private async round(): Promise<boolean> {
    const now = Date.now();
    const waiting = [...this.failing.entries()].filter(([, f]) => f.retryAt > now).map(([key]) => key);
    // Keys waiting out a backoff are left out, so a stuck key never crowds the others out of the batch.
    const { rows } = await this.pool.query<Delivery>(
      `SELECT m.position, m.message_key, m.message
       FROM integration_bus_messages m
       LEFT JOIN integration_bus_progress p
         ON p.group_id = $1 AND p.topic = m.topic AND p.message_key = m.message_key
       WHERE m.topic = $2 AND m.position > COALESCE(p.position, 0) AND NOT (m.message_key = ANY($4::text[]))
       ORDER BY m.position
       LIMIT $3`,
      [this.groupId, this.topic, this.options.batchSize, waiting],
    );
    const byKey = new Map<string, Delivery[]>();
    for (const row of rows) byKey.set(row.message_key, [...(byKey.get(row.message_key) ?? []), row]);
    const handled = await Promise.all([...byKey.values()].map((deliveries) => this.deliverKey(deliveries)));
    return handled.some(Boolean);
  }

  private async deliverKey(deliveries: Delivery[]): Promise<boolean> {
    let handled = false;
    for (const delivery of deliveries) {
      if (this.stopped) break;
      try {
        await this.handler(delivery.message);
      } catch (error) {
        const failures = (this.failing.get(delivery.message_key)?.failures ?? 0) + 1;
        const delay = backoffDelay(failures, this.options.backoff);
        this.failing.set(delivery.message_key, { failures, retryAt: Date.now() + delay });
        this.options.log?.(
          `handler of ${this.groupId} threw for ${delivery.message.type} ${delivery.message.messageId} on ${this.topic}; redelivering in ${delay} ms: ${errorMessage(error)}`,
        );
        break;
      }
      this.failing.delete(delivery.message_key);
      await this.pool.query(
        `INSERT INTO integration_bus_progress (group_id, topic, message_key, position) VALUES ($1, $2, $3, $4)
         ON CONFLICT (group_id, topic, message_key)
         DO UPDATE SET position = GREATEST(integration_bus_progress.position, EXCLUDED.position)`,
        [this.groupId, this.topic, delivery.message_key, delivery.position],
      );
      handled = true;
    }
    return handled;
  }
}
