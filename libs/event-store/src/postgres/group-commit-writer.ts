import type { Pool } from 'pg';
import type { Clock } from '@app/shared-kernel';
import type { AppendResult } from '../event-store.port';
import { resolveConflicts, type BatchConflicts } from './append-conflicts';
import { appendedResult, planAppends, type AppendRequest } from './append-plan';

interface Pending extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type BatchOutcome = { firstPosition: number; head: number } | BatchConflicts;

export const EVENTS_CHANNEL = 'bm_events_appended';

export interface GroupCommitOptions {
  /** Events in one transaction at most. */
  maxEventsPerCommit?: number;
  /**
   * Batches sent at once; they queue on the head lock in PostgreSQL. One is the default: with
   * two, each batch was half the size and the bench slower on 2 cores (docs/adr/0002).
   */
  maxInFlight?: number;
}

/**
 * Group commit (docs/adr/0002-gap-free-global-order.md): appends that arrive
 * while earlier batches are in flight share the next one, and each is still
 * decided on its own (expected version, retry, failure).
 *
 * A batch is planned outside the lock (versions and hashes from the version
 * each stream is assumed to be at) and sent as one message: `event_store_append`
 * takes the head lock, checks the assumptions, writes all rows or none, and the
 * transaction commits asynchronously, releasing the lock without waiting for
 * the disk. A synchronous commit in the same message is the durability barrier:
 * its WAL flush covers every earlier record, so no caller hears "appended"
 * before its events are on disk, while the next batch already holds the lock.
 * The barrier must write a WAL record (a logical message): PostgreSQL flushes at
 * commit only for a transaction that wrote one, so an empty transaction is no
 * barrier at all (postgres-event-store.durability.int.spec.ts kills the server
 * right after the answers and counts what survived).
 */
export class GroupCommitWriter {
  private queue: Pending[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private scheduled = false;
  private readonly maxEventsPerCommit: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly onCommitted: (head: number) => void,
    options: GroupCommitOptions = {},
  ) {
    this.maxEventsPerCommit = options.maxEventsPerCommit ?? 2000;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  submit(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...request, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far is durable or failed. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.queue.length > 0 || this.scheduled)
      await Promise.all([...this.inFlight, new Promise((r) => setImmediate(r))]);
  }

  /** Appends issued in the same tick join one batch. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  /** Fills the free slots, sharing the queue between them so the batches overlap in the pipeline. */
  private dispatch(): void {
    while (this.inFlight.size < this.maxInFlight && this.queue.length > 0) {
      const share = Math.ceil(this.queue.length / (this.maxInFlight - this.inFlight.size));
      const batch = this.send(this.takeGroup(share)).finally(() => {
        this.inFlight.delete(batch);
        if (this.queue.length > 0) this.schedule();
      });
      this.inFlight.add(batch);
    }
  }

  private takeGroup(maxAppends: number): Pending[] {
    let events = 0;
    let count = 0;
    while (
      count < Math.min(maxAppends, this.queue.length) &&
      (count === 0 || events + this.queue[count].events.length <= this.maxEventsPerCommit)
    ) {
      events += this.queue[count].events.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private async send(group: Pending[]): Promise<void> {
    const plan = planAppends(group, this.clock.now().toISOString());
    // Appends deferred for a stream or id in this batch go after it, never beside it.
    const again: Pending[] = [];
    let outcome: BatchOutcome;
    try {
      outcome = await this.append(plan.batch);
    } catch (error) {
      // One bad append must not fail its neighbours: try each alone.
      if (plan.placed.length === 1) plan.placed[0].request.reject(error);
      else for (const { request } of plan.placed) await this.send([request]);
      this.queue.unshift(...plan.deferred);
      return;
    }
    if ('firstPosition' in outcome) {
      this.onCommitted(outcome.head);
      for (const placed of plan.placed) placed.request.resolve(appendedResult(placed, outcome.firstPosition));
    } else {
      for (const { request } of plan.placed) {
        const decided = resolveConflicts(request, outcome);
        if (decided.kind === 'done') request.resolve(decided.result);
        else if (decided.kind === 'failed') request.reject(decided.error);
        else again.push({ ...request, knownVersion: decided.knownVersion });
      }
    }
    this.queue.unshift(...again, ...plan.deferred);
  }

  /**
   * One round trip, one CALL (migration 1732300000016): lock, check, write, move the head, notify,
   * commit without waiting for the disk; then the durability barrier.
   */
  private async append(batch: ReturnType<typeof planAppends>['batch']): Promise<BatchOutcome> {
    const result = await this.pool.query<{ outcome: BatchOutcome }>({
      name: 'event-store-append',
      text: 'CALL event_store_append_durably($1::jsonb, NULL)',
      values: [JSON.stringify(batch)],
    });
    return result.rows[0].outcome;
  }
}
