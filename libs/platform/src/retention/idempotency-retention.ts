import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PG_POOL } from '../database/database.module';

/** Rows per DELETE, so a purge never holds many locks or one long transaction. */
const BATCH = 1_000;
/** Batches per run at most; the rest waits for the next run. */
const MAX_BATCHES = 50;
/** Runs at least this often, and at least four times per retention period. */
const MAX_TICK_MS = 15 * 60_000;
const MIN_TICK_MS = 1_000;

/**
 * Purges Idempotency-Key records (apps/api/src/http/idempotency) older than
 * IDEMPOTENCY_RETENTION_HOURS, in the process that runs workers: `npm start`,
 * or the worker beside API replicas. A key purged is a key a client can no
 * longer replay: a retry after that runs its command again (deterministic
 * event ids make that harmless). Several workers purging at once skip each
 * other's rows.
 */
@Injectable()
export class IdempotencyRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('IdempotencyRetention');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    const retentionMs = this.config.idempotencyRetentionHours * 3_600_000;
    const tickMs = Math.max(MIN_TICK_MS, Math.min(MAX_TICK_MS, Math.floor(retentionMs / 4)));
    this.timer = setInterval(() => {
      this.running ??= this.purge()
        .catch((error: unknown) =>
          this.logger.warn(`purge failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = undefined));
    }, tickMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Deletes records started before the retention, in bounded batches; returns how many. */
  async purge(): Promise<number> {
    let purged = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const { rowCount } = await this.pool.query(
        `DELETE FROM idempotency_records WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM idempotency_records
            WHERE started_at < now() - make_interval(secs => $1)
            ORDER BY started_at LIMIT $2 FOR UPDATE SKIP LOCKED))`,
        [this.config.idempotencyRetentionHours * 3600, BATCH],
      );
      purged += rowCount ?? 0;
      if ((rowCount ?? 0) < BATCH) break;
    }
    if (purged > 0) this.logger.log(`purged ${purged} idempotency records`);
    return purged;
  }
}
