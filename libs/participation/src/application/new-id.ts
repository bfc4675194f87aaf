import { randomUUID } from 'node:crypto';
import { nameBasedUuid } from '@app/shared-kernel';
import type { CommandMeta } from './event-sourced-repository';

/** A new aggregate's id: derived from the Idempotency-Key when there is one, so a retry addresses the same aggregate. */
export function newAggregateId(kind: string, meta: CommandMeta): string {
  return meta.idempotencyKey ? nameBasedUuid(`${kind}|${meta.actor}|${meta.idempotencyKey}`) : randomUUID();
}
