import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, ProjectionRunner, type EventStore, type ProjectionStatus } from '@app/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { ProjectionRegistry } from './projection-registry';

export type ProjectionHealth = ProjectionStatus & { lag: number };

/** Starts a runner per registered projection (when this process runs workers) and reports their lag. */
@Injectable()
export class ProjectionRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private runners: ProjectionRunner[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly registry: ProjectionRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    metrics.gauge(
      'projection_lag_events',
      'Head position minus the projection checkpoint',
      ['projection'],
      async (gauge) => {
        for (const health of await this.health()) gauge.set({ projection: health.name }, health.lag);
      },
    );
    metrics.gauge(
      'event_store_head_position',
      'Global position of the last committed event',
      [],
      async (gauge) => {
        gauge.set(await this.store.headPosition());
      },
    );
  }

  onApplicationBootstrap(): void {
    this.runners = this.registry
      .all()
      .map(
        (projection) =>
          new ProjectionRunner(this.store, this.dataSource, projection, { log: (m) => this.logger.warn(m) }),
      );
    if (this.config.runWorkers) this.runners.forEach((runner) => runner.start());
  }

  /** Before the database pools close, so a runner's connections are all returned. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async health(): Promise<ProjectionHealth[]> {
    return Promise.all(
      this.runners.map(async (runner) => {
        const status = runner.status();
        const { checkpoint, lag } = await runner.progress();
        // A standby process reports where the active one (elsewhere) has got to, not its own idle 0.
        return { ...status, checkpoint: status.active ? status.checkpoint : checkpoint, lag };
      }),
    );
  }

  /** Resolves once every projection has reached the head as it is now (for tests and read-your-writes). */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.health()).some((h) => h.lag > 0)) {
      if (Date.now() > deadline) throw new Error('projections did not catch up in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
