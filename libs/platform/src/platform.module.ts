import {
  Global,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, systemClock, type Clock } from '@app/shared-kernel';
import { EventStoreModule, StreamCatalogueProjection } from '@app/event-store';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DATABASE_URL, DatabaseModule, PG_POOL } from './database/database.module';
import { HealthController } from './health/health.controller';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { ProjectionRegistry } from './projections/projection-registry';
import { ProjectionRuntime } from './projections/projection-runtime';
import { IdempotencyRetention } from './retention/idempotency-retention';

export interface PlatformOptions {
  config: AppConfig;
  databaseUrl: string;
  clock?: Clock;
}

/** EVENT_STORE picks the adapter; both keep projection checkpoints and read models in PostgreSQL. */
function eventStoreModule(config: AppConfig) {
  return config.eventStore === 'eventstoredb' && config.esdbConnectionString
    ? EventStoreModule.forEventStoreDb(config.esdbConnectionString, PG_POOL)
    : EventStoreModule.forPostgres(PG_POOL, DATABASE_URL);
}

/** What every process needs: configuration, clock, database, event store, projections, health and metrics. */
@Global()
@Module({})
export class PlatformModule implements NestModule, OnModuleInit {
  constructor(private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(new StreamCatalogueProjection());
  }

  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        CqrsModule.forRoot(),
        DatabaseModule.forRoot(options.databaseUrl),
        eventStoreModule(options.config),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        MetricsService,
        ProjectionRegistry,
        ProjectionRuntime,
        IdempotencyRetention,
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        MetricsService,
        ProjectionRegistry,
        ProjectionRuntime,
        IdempotencyRetention,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*splat}');
  }
}
