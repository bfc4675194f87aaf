import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, MetricsService, PG_POOL, type AppConfig } from '@app/platform';
import { INTEGRATION_BUS, type IntegrationBus } from '../integration-bus.port';
import { OutboxRelay, type OutboxBacklog, type OutboxRelayStatus } from './outbox-relay';

/** The outbox relay inside a Nest process: runs where workers run, reports its backlog to /metrics. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(INTEGRATION_BUS) private readonly bus: IntegrationBus & { close?(): Promise<void> },
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    this.relay = new OutboxRelay(pool, bus, { log: (m) => this.logger.warn(m) });
    metrics.gauge(
      'integration_outbox_pending_messages',
      'Integration messages in the outbox not yet published',
      ['topic'],
      async (gauge) => {
        gauge.reset();
        for (const b of await this.backlog()) gauge.set({ topic: b.topic }, b.pending);
      },
    );
    metrics.gauge(
      'integration_outbox_oldest_pending_seconds',
      'Age of the oldest unpublished integration message',
      ['topic'],
      async (gauge) => {
        gauge.reset();
        for (const b of await this.backlog()) gauge.set({ topic: b.topic }, b.oldestPendingSeconds);
      },
    );
    metrics.gauge(
      'integration_outbox_failing_keys',
      'Keys whose next message failed to publish and waits for a retry',
      ['topic'],
      async (gauge) => {
        gauge.reset();
        for (const b of await this.backlog()) gauge.set({ topic: b.topic }, b.blocked);
      },
    );
    metrics.gauge(
      'integration_outbox_relay_active',
      '1 when this process holds the relay lock and publishes',
      [],
      async (gauge) => {
        gauge.set(this.relay.status().active ? 1 : 0);
      },
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.runWorkers) this.relay.start();
  }

  /** Before the database pool closes: the relay stops, then the bus ends its subscriptions and connections. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.bus.close?.();
  }

  status(): OutboxRelayStatus {
    return this.relay.status();
  }

  backlog(): Promise<OutboxBacklog[]> {
    return this.relay.backlog();
  }

  /** Resolves once everything enqueued so far has been published (tests, read-your-writes). */
  drained(timeoutMs?: number): Promise<void> {
    return this.relay.drained(timeoutMs);
  }
}
