import type { DataSource, QueryRunner } from 'typeorm';
import type { EventStore, StoredEvent, Subscription } from '../event-store.port';
import { CheckpointMoved, advanceCheckpoint, ensureCheckpoint, readCheckpoint } from './checkpoint-store';
import { advisoryKey } from './advisory-key';
import { checkpointMovesOf } from './checkpoint-moves';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** The most events applied in one transaction (default 500): fewer are taken when fewer are there. */
  batchSize?: number;
  /**
   * After a batch shorter than `batchSize`, how long to let events gather before
   * reading again (default 50 ms: on average, since it ends on a multiple of it
   * on the clock, half to one and a half of it away, so the runners of a process
   * read together): fewer, larger batches under load, at the cost of that much
   * read-model lag; the first event after a quiet spell is not delayed.
   */
  gatherMs?: number;
  /** How long to wait before restarting after a failed batch, and between tries for the lock. */
  retryDelayMs?: number;
  log?: (message: string) => void;
}

export interface ProjectionStatus {
  name: string;
  /** Holds the lock and is applying events (only one process does per projection). */
  active: boolean;
  /**
   * `active`: this process runs it; `standby`: started, waiting for the lock
   * another process holds; `not-run-here`: not started in this process (RUN_WORKERS=false).
   */
  state: 'active' | 'standby' | 'not-run-here';
  /** The last position applied: this runner's own while active, the stored checkpoint otherwise. */
  checkpoint: number;
  lastError: string | null;
}

/**
 * Runs one projection: takes its PostgreSQL advisory lock (so only one process
 * runs it), then follows the log from the checkpoint. Each batch (the events
 * there are, up to `batchSize`) commits its read-model writes and one
 * checkpoint move together, in one transaction; a batch with nothing the
 * projection handles only moves the checkpoint, in one statement shared with
 * the other runners of the process skipping at the same moment. A failed
 * batch rolls back whole; the runner then applies its events one per
 * transaction, so the events before a poison one commit and the error names
 * the event that failed, and after a pause starts again from the checkpoint.
 */
export class ProjectionRunner {
  private lockHolder: QueryRunner | undefined;
  private subscription: Subscription | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private checkpoint = 0;
  private lastError: string | null = null;
  /** Batches committed since the subscription was last caught up: none means it sat idle. */
  private batchesSinceCaughtUp = 0;
  private readonly handles: (type: string) => boolean;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    const types = new Set(projection.handles);
    this.handles = projection.handles === '*' ? () => true : (type) => types.has(type);
  }

  start(): void {
    this.stopped = false;
    this.loop ??= this.run().finally(() => (this.loop = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
    await this.loop;
  }

  status(): ProjectionStatus {
    const active = this.subscription !== undefined;
    return {
      name: this.projection.name,
      active,
      state: active ? 'active' : this.loop && !this.stopped ? 'standby' : 'not-run-here',
      checkpoint: this.checkpoint,
      lastError: this.lastError,
    };
  }

  async lag(): Promise<number> {
    return (await this.progress()).lag;
  }

  /** The stored checkpoint and the distance to the head, whichever process runs the projection. */
  async progress(): Promise<{ checkpoint: number; lag: number }> {
    const [head, checkpoint] = await Promise.all([
      this.store.headPosition(),
      readCheckpoint(this.dataSource, this.projection.name),
    ]);
    return { checkpoint, lag: Math.max(0, head - checkpoint) };
  }

  private async run(): Promise<void> {
    const delay = this.options.retryDelayMs ?? 1000;
    while (!this.stopped) {
      try {
        if (await this.acquireLock()) await this.follow();
      } catch (error) {
        this.lastError = messageOf(error);
        this.options.log?.(
          `projection ${this.projection.name} stopped on an error, restarting from its checkpoint: ${this.lastError}`,
        );
      } finally {
        this.subscription = undefined;
      }
      if (!this.stopped) await sleep(delay);
    }
    await this.releaseLock();
  }

  private async follow(): Promise<void> {
    await ensureCheckpoint(this.dataSource, this.projection.name);
    this.checkpoint = await readCheckpoint(this.dataSource, this.projection.name);
    // stop() may have come while the lock or checkpoint was being fetched.
    if (this.stopped) return;
    const batchSize = this.options.batchSize ?? 500;
    this.subscription = this.store.subscribe({
      after: this.checkpoint,
      batchSize,
      onEvents: async (events) => {
        await this.applyBatch(events);
        if (events.length < batchSize && !this.stopped)
          await sleep(untilNextGathering(this.options.gatherMs ?? 50));
      },
      // A rebuild elsewhere may have reset the checkpoint while this runner sat idle. While
      // batches flow, the next checkpoint move notices a reset; so look only when idle.
      onCaughtUp: async () => {
        const idle = this.batchesSinceCaughtUp === 0;
        this.batchesSinceCaughtUp = 0;
        if (!idle) return;
        const stored = await readCheckpoint(this.dataSource, this.projection.name);
        if (stored !== this.checkpoint)
          throw new CheckpointMoved(`projection ${this.projection.name} was reset to ${stored}`);
      },
    });
    await this.subscription.done;
  }

  private async applyBatch(events: StoredEvent[]): Promise<void> {
    const to = events[events.length - 1].position;
    const handled = events.filter((event) => this.handles(event.type));
    if (handled.length === 0) {
      await checkpointMovesOf(this.dataSource).move(this.projection.name, this.checkpoint, to);
    } else {
      try {
        await this.commit(handled, to);
      } catch (error) {
        if (error instanceof CheckpointMoved) throw error;
        if (handled.length === 1) throw failedOn(handled[0], error);
        this.options.log?.(
          `projection ${this.projection.name}: a batch of ${handled.length} events failed (${messageOf(error)}); applying them one at a time`,
        );
        await this.applyOneAtATime(handled, to);
      }
    }
    this.checkpoint = to;
    this.batchesSinceCaughtUp += 1;
    this.lastError = null;
  }

  /** The events and one checkpoint move (to `to`) in one transaction. */
  private async commit(handled: readonly StoredEvent[], to: number): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (this.projection.applyBatch) await this.projection.applyBatch(handled, tx);
      else for (const event of handled) await this.projection.apply(event, tx);
      await advanceCheckpoint(tx, this.projection.name, this.checkpoint, to);
    });
  }

  /** After a failed batch: one transaction per event, so the error names the event that fails. */
  private async applyOneAtATime(handled: readonly StoredEvent[], to: number): Promise<void> {
    for (const event of handled) {
      try {
        await this.commit([event], event.position);
      } catch (error) {
        throw error instanceof CheckpointMoved ? error : failedOn(event, error);
      }
      this.checkpoint = event.position;
    }
    if (this.checkpoint !== to)
      await advanceCheckpoint(this.dataSource, this.projection.name, this.checkpoint, to);
  }

  private async acquireLock(): Promise<boolean> {
    if (!this.lockHolder) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      const rows = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        advisoryKey(this.projection.name),
      ])) as Array<{ locked: boolean }>;
      if (!rows[0].locked) {
        await runner.release();
        return false;
      }
      this.lockHolder = runner;
    }
    return true;
  }

  private async releaseLock(): Promise<void> {
    const runner = this.lockHolder;
    this.lockHolder = undefined;
    if (!runner) return;
    await runner
      .query('SELECT pg_advisory_unlock($1)', [advisoryKey(this.projection.name)])
      .catch(() => undefined);
    await runner.release();
  }
}

/** The error `/health` shows as `lastError`: which event failed, and why. */
function failedOn(event: StoredEvent, error: unknown): Error {
  return new Error(`event at position ${event.position} (${event.type}) failed: ${messageOf(error)}`, {
    cause: error,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Gathering ends on the same beat for every runner of the process (a multiple
 * of `gatherMs` on the clock, at least half of it away: `gatherMs` on
 * average), so runners that finish their batches at different moments read
 * the log again together: one shared read, and one statement for the
 * checkpoints of those with nothing to apply.
 */
function untilNextGathering(gatherMs: number): number {
  const toBeat = gatherMs - (Date.now() % gatherMs);
  return toBeat < gatherMs / 2 ? toBeat + gatherMs : toBeat;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
