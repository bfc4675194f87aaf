import { randomUUID } from 'node:crypto';
import { nameBasedUuid } from '@app/shared-kernel';
import type { CommandMeta } from '@app/participation';

/** A new batch's id: derived from the Idempotency-Key when there is one, so a retry addresses the same batch. */
export function newBatchId(meta: CommandMeta): string {
  return meta.idempotencyKey
    ? nameBasedUuid(`payout-batch|${meta.actor}|${meta.idempotencyKey}`)
    : randomUUID();
}

/** A line's id: one per batch and entitlement key. */
export function lineIdFor(batchId: string, key: string): string {
  return nameBasedUuid(`payout-line|${batchId}|${key}`);
}
