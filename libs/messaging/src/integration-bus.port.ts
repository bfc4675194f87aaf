import type { PoolClient } from 'pg';
import type { IntegrationMessage } from './integration-message';

/** Nest token for the IntegrationBus adapter chosen at start (in-process, or Kafka when KAFKA_BROKERS is set). */
export const INTEGRATION_BUS: unique symbol = Symbol('IntegrationBus');

export type IntegrationHandler = (message: IntegrationMessage) => Promise<void>;

export interface IntegrationSubscription {
  /** Stops delivery; a message being handled finishes first (or is redelivered later). */
  close(): Promise<void>;
}

/**
 * The port between this system and the message broker. Adapters:
 * `in-process` (default; PostgreSQL-backed, see README) and `kafka` (kafkajs).
 * Both pass the same contract suite (contract/integration-bus.contract.ts).
 */
export interface IntegrationBus {
  /** Publishes in order; resolves when the broker has durably accepted every message. */
  publish(messages: IntegrationMessage[]): Promise<void>;
  /**
   * Delivers every message of the topic to one member of the group, in order
   * per key. The handler is awaited; a throw means the same message is
   * delivered again later and later messages of its key wait (at-least-once).
   * A new group starts from the oldest message the broker keeps.
   */
  subscribe(topic: string, groupId: string, handler: IntegrationHandler): Promise<IntegrationSubscription>;
}

/**
 * Takes messages out of the outbox inside the transaction it is given and
 * returns them in outbox order, holding their keys' transaction locks (the
 * lock space of LOCK_KEYS_FOR_TRANSACTION; the relay takes them with
 * TRY_LOCK_KEYS_FOR_TRANSACTION) so a key's messages are published in order.
 */
export type ClaimMessages = (tx: PoolClient) => Promise<IntegrationMessage[]>;

/**
 * A bus whose log lives in the outbox's own database (the in-process bus):
 * it publishes what the relay claims in the claim's own transaction, so a
 * message is marked sent exactly when it is published, once, even when two
 * relays race. Adapters without it (Kafka) get at-least-once publishing.
 */
export interface TransactionalIntegrationBus extends IntegrationBus {
  /** Opens a transaction, runs `claim`, publishes what it returned, commits; resolves to how many were published. */
  publishClaimed(claim: ClaimMessages): Promise<number>;
}

export function publishesInClaimTransaction(bus: IntegrationBus): bus is TransactionalIntegrationBus {
  return typeof (bus as Partial<TransactionalIntegrationBus>).publishClaimed === 'function';
}
