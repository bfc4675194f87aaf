import { nameBasedUuid } from '@app/shared-kernel';

/**
 * One message between this system and others (finance, analytics). The
 * envelope is the same on every topic; `payload` is the topic's own shape,
 * versioned by `schemaVersion` (infra/asyncapi.yaml documents each).
 */
export interface IntegrationMessage {
  /** Unique and deterministic from the source event, so a rebuilt projection enqueues nothing twice. */
  messageId: string;
  topic: string;
  /** The Kafka key: messages with the same key on a topic are delivered in order. */
  key: string;
  /** What happened, e.g. 'InvolvementLogged', 'PayoutBatchApproved', 'PaymentResults'. */
  type: string;
  schemaVersion: number;
  /** ISO instant the fact was recorded. */
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** The topics of docs/api.md "Integration events". */
export const TOPICS = {
  involvements: 'participation.involvements.v1',
  payoutBatches: 'payouts.batches.v1',
  paymentResults: 'payouts.payment-results.v1',
} as const;

/** A message id derived from the source event's id and the topic: the same event always gives the same id. */
export function integrationMessageId(sourceEventId: string, topic: string): string {
  return nameBasedUuid(`integration-message|${topic}|${sourceEventId}`);
}

/** Checks the envelope's fields, so a malformed message never enters the outbox or a handler. */
export function assertIntegrationMessage(value: unknown): asserts value is IntegrationMessage {
  const m = value as Partial<IntegrationMessage> | null;
  const problems: string[] = [];
  if (typeof m !== 'object' || m === null) throw new Error('an integration message must be an object');
  for (const field of ['messageId', 'topic', 'key', 'type', 'occurredAt'] as const)
    if (typeof m[field] !== 'string' || m[field] === '') problems.push(`${field} must be a non-empty string`);
  if (!Number.isInteger(m.schemaVersion) || (m.schemaVersion ?? 0) < 1)
    problems.push('schemaVersion must be a whole number from 1');
  if (typeof m.occurredAt === 'string' && Number.isNaN(Date.parse(m.occurredAt)))
    problems.push('occurredAt must be an ISO instant');
  if (typeof m.payload !== 'object' || m.payload === null || Array.isArray(m.payload))
    problems.push('payload must be an object');
  if (problems.length > 0) throw new Error(`invalid integration message: ${problems.join('; ')}`);
}
