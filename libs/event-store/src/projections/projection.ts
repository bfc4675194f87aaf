import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../event-store.port';

/**
 * A read model fed from the log. The runtime hands it the events it declares,
 * in global order, in batches (up to the runner's batch size), each inside
 * the one transaction that also moves its checkpoint once, so each event
 * takes effect exactly once.
 */
export interface Projection {
  /** Stable name: the checkpoint key and the advisory-lock key. */
  readonly name: string;
  /** Event types it handles, or '*' for every one; others are skipped (the checkpoint still moves). */
  readonly handles: readonly string[] | '*';
  apply(event: StoredEvent, tx: EntityManager): Promise<void>;
  /**
   * Optional: applies several events (all of types it handles, in global
   * order) with the same effect as `apply` on each in turn, in fewer
   * statements (multi-row writes). Without it the runtime calls `apply` per
   * event, still in one transaction per batch.
   */
  applyBatch?(events: readonly StoredEvent[], tx: EntityManager): Promise<void>;
  /** Removes every row this projection owns, before a rebuild from position 0. */
  reset(tx: EntityManager): Promise<void>;
}
