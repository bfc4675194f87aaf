import type { EntityManager } from 'typeorm';
import { assertIntegrationMessage, type IntegrationMessage } from '../integration-message';
import { LOCK_KEY_FOR_TRANSACTION } from '../key-order-lock';

/**
 * Writes the message into the outbox inside the caller's transaction (a
 * projection's EntityManager), so the message exists exactly when the
 * projection's effect and checkpoint commit. The same messageId twice (a
 * rebuilt projection) is a no-op; the relay publishes it later. Call it
 * inside a transaction (a projection's apply always is).
 */
export async function enqueueIntegrationMessage(
  manager: EntityManager,
  message: IntegrationMessage,
): Promise<void> {
  assertIntegrationMessage(message);
  // Same-key writers queue up here until commit, so outbox order per key is commit order.
  await manager.query(LOCK_KEY_FOR_TRANSACTION, [message.topic, message.key]);
  await manager.query(
    `INSERT INTO integration_outbox (message_id, topic, message_key, type, schema_version, occurred_at, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (message_id) DO NOTHING`,
    [
      message.messageId,
      message.topic,
      message.key,
      message.type,
      message.schemaVersion,
      message.occurredAt,
      JSON.stringify(message.payload),
    ],
  );
}
