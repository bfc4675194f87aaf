import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { backoffDelay, errorMessage, type BackoffOptions } from '../backoff';
import type { IntegrationBus, IntegrationHandler, IntegrationSubscription } from '../integration-bus.port';
import { assertIntegrationMessage, type IntegrationMessage } from '../integration-message';
import { Pause } from '../pause';

export interface KafkaBusOptions {
  brokers: string[];
  clientId?: string;
  /** Partitions of a topic this bus creates (existing topics keep theirs). */
  numPartitions?: number;
  /** Wait before redelivering a message whose handler threw; kept below the session timeout. */
  backoff?: BackoffOptions;
  log?: (message: string) => void;
}

/**
 * IntegrationBus on Kafka (kafkajs). Messages are keyed, so a key always lands
 * on the same partition and keeps its order; the producer is idempotent with
 * one request in flight and waits for every in-sync replica (acks -1). A
 * consumer handles a partition's messages one by one and retries a throwing
 * handler in place (the offset is committed only after it resolved), so the
 * message and its key's later ones are neither skipped nor reordered.
 */
export class KafkaIntegrationBus implements IntegrationBus {
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  private readonly topicsReady = new Map<string, Promise<void>>();
  private readonly subscriptions = new Set<IntegrationSubscription>();

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'brukermedvirkning',
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => options.log?.(`kafkajs ${entry.namespace}: ${entry.log.message}`),
    });
  }

  async publish(messages: IntegrationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    messages.forEach((m) => assertIntegrationMessage(m));
    const byTopic = new Map<string, IntegrationMessage[]>();
    for (const message of messages)
      byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    await Promise.all([...byTopic.keys()].map((topic) => this.ensureTopic(topic)));
    const producer = await this.connectedProducer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({
          key: m.key,
          value: JSON.stringify(m),
          headers: { messageId: m.messageId, type: m.type, schemaVersion: String(m.schemaVersion) },
        })),
      })),
    });
  }

  async subscribe(
    topic: string,
    groupId: string,
    handler: IntegrationHandler,
  ): Promise<IntegrationSubscription> {
    await this.ensureTopic(topic);
    const consumer = this.kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
    const pause = new Pause();
    let closing = false;
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        partitionsConsumedConcurrently: 4,
        eachMessage: async ({ message, partition, heartbeat }) => {
          const parsed = this.parse(topic, partition, message);
          if (!parsed) return;
          for (let failures = 1; ; failures += 1) {
            if (closing) throw new Error('subscription closing; the message will be delivered again');
            try {
              await handler(parsed);
              return;
            } catch (error) {
              const delay = backoffDelay(failures, this.options.backoff ?? { initialMs: 200, maxMs: 10_000 });
              this.options.log?.(
                `handler of ${groupId} threw for ${parsed.type} ${parsed.messageId} on ${topic}; redelivering in ${delay} ms: ${errorMessage(error)}`,
              );
              await pause.for(delay);
              await heartbeat();
            }
          }
        },
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    const subscription: IntegrationSubscription = {
      close: async () => {
        closing = true;
        pause.wake();
        this.subscriptions.delete(subscription);
        await disconnect(consumer);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    const [producer, admin] = [this.producer, this.admin];
    this.producer = this.admin = undefined;
    await Promise.all([
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      admin?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  /** A message that is not an integration envelope can never be handled: logged and skipped. */
  private parse(topic: string, partition: number, message: KafkaMessage): IntegrationMessage | undefined {
    try {
      const value: unknown = JSON.parse(message.value?.toString('utf8') ?? 'null');
      assertIntegrationMessage(value);
      return { ...value, topic, key: message.key?.toString('utf8') ?? value.key };
    } catch (error) {
      this.options.log?.(
        `skipping unreadable message at ${topic}/${partition}@${message.offset}: ${errorMessage(error)}`,
      );
      return undefined;
    }
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private ensureTopic(topic: string): Promise<void> {
    let ready = this.topicsReady.get(topic);
    if (!ready) {
      ready = (async () => {
        this.admin ??= (async () => {
          const admin = this.kafka.admin();
          await admin.connect();
          return admin;
        })().catch((error: unknown) => {
          this.admin = undefined;
          throw error;
        });
        const admin = await this.admin;
        try {
          await admin.createTopics({
            waitForLeaders: true,
            topics: [{ topic, numPartitions: this.options.numPartitions ?? 3 }],
          });
        } catch (error) {
          // Not allowed to create topics (ACLs) is fine when the cluster already has them.
          this.options.log?.(
            `could not create topic ${topic}, using it as the cluster has it: ${errorMessage(error)}`,
          );
        }
      })().catch((error: unknown) => {
        this.topicsReady.delete(topic);
        throw error;
      });
      this.topicsReady.set(topic, ready);
    }
    return ready;
  }
}

async function disconnect(consumer: Consumer): Promise<void> {
  await consumer.disconnect().catch(() => undefined);
}
