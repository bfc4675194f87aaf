import type { DataSource, QueryRunner } from 'typeorm';
import type { EventStore, StoredEvent, Subscription } from '../event-store.port';
import { CheckpointMoved, advanceCheckpoint, readCheckpoint } from './checkpoint-store';
import { advisoryKey } from './advisory-key';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  batchSize?: number;
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
 * runs it), then follows the log from the checkpoint. Each batch commits its
 * read-model writes and the new checkpoint together; a failed batch rolls back
 * whole and the runner starts again from the checkpoint after a pause.
 */
export class ProjectionRunner {
  private lockHolder: QueryRunner | undefined;
  private subscription: Subscription | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private checkpoint = 0;
  private lastError: string | null = null;
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
        this.lastError = error instanceof Error ? error.message : String(error);
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
    this.checkpoint = await readCheckpoint(this.dataSource, this.projection.name);
    // stop() may have come while the lock or checkpoint was being fetched.
    if (this.stopped) return;
    this.subscription = this.store.subscribe({
      after: this.checkpoint,
      batchSize: this.options.batchSize ?? 500,
      onEvents: (events) => this.applyBatch(events),
      // A rebuild elsewhere may have reset the checkpoint while this runner sat idle.
      onCaughtUp: async () => {
        const stored = await readCheckpoint(this.dataSource, this.projection.name);
        if (stored !== this.checkpoint)
          throw new CheckpointMoved(`projection ${this.projection.name} was reset to ${stored}`);
      },
    });
    await this.subscription.done;
  }

  private async applyBatch(events: StoredEvent[]): Promise<void> {
    const to = events[events.length - 1].position;
    await this.dataSource.transaction(async (tx) => {
      for (const event of events) if (this.handles(event.type)) await this.projection.apply(event, tx);
      await advanceCheckpoint(tx, this.projection.name, this.checkpoint, to);
    });
    this.checkpoint = to;
    this.lastError = null;
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

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
