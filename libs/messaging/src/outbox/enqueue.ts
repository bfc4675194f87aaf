import type { EntityManager } from 'typeorm';
import { assertIntegrationMessage, type IntegrationMessage } from '../integration-message';
import { LOCK_KEY_FOR_TRANSACTION, LOCK_KEYS_FOR_TRANSACTION, lockKeysParameters } from '../key-order-lock';

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

/**
 * Several messages in two statements, with the same effect as
 * `enqueueIntegrationMessage` on each in turn: the keys' transaction locks, in
 * lock order, then one multi-row INSERT that assigns `seq` in the order given.
 */
export async function enqueueIntegrationMessages(
  manager: EntityManager,
  messages: readonly IntegrationMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  messages.forEach(assertIntegrationMessage);
  await manager.query(LOCK_KEYS_FOR_TRANSACTION, lockKeysParameters(messages));
  await manager.query(
    `INSERT INTO integration_outbox (message_id, topic, message_key, type, schema_version, occurred_at, payload)
     SELECT message_id, topic, message_key, type, schema_version, occurred_at, payload
     FROM jsonb_to_recordset($1::jsonb) AS x(message_id text, topic text, message_key text, type text,
       schema_version integer, occurred_at text, payload jsonb, n bigint)
     ORDER BY n
     ON CONFLICT (message_id) DO NOTHING`,
    [
      JSON.stringify(
        messages.map((m, n) => ({
          n,
          message_id: m.messageId,
          topic: m.topic,
          message_key: m.key,
          type: m.type,
          schema_version: m.schemaVersion,
          occurred_at: m.occurredAt,
          payload: m.payload,
        })),
      ),
    ],
  );
}
