import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProjectionRuntime } from '../projections/projection-runtime';
import { esdbAddress, kafkaDependency } from '../startup/dependencies';

type Check = { status: 'up' | 'down'; detail?: string; [key: string]: unknown };

const PROBE_TIMEOUT_MS = 2000;

const HEALTH_REPORT: SchemaObject = {
  type: 'object',
  required: ['status', 'checks', 'projections'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded', 'down'] },
    checks: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', enum: ['up', 'down'] } },
      },
    },
    projections: { type: 'array', items: { type: 'object' } },
  },
};

/**
 * Liveness and readiness: each dependency separately (PostgreSQL, the event
 * store with its adapter, Kafka when KAFKA_BROKERS is set), and each
 * projection's lag. 503 when any dependency is down.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRuntime,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness',
    description: 'Each dependency and each projection’s lag.',
  })
  @ApiOkResponse({ description: 'Every dependency is up', schema: HEALTH_REPORT })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down', schema: HEALTH_REPORT })
  async health(@Res({ passthrough: true }) res: Response) {
    const kafka = this.config.kafkaBrokers.length > 0 ? kafkaDependency(this.config.kafkaBrokers) : undefined;
    const [postgres, eventStore, kafkaCheck] = await Promise.all([
      check(async () => void (await this.dataSource.query('SELECT 1'))),
      check(async () => ({ head: await this.store.headPosition() }), this.eventStoreInfo()),
      kafka
        ? check(() => kafka.probe(PROBE_TIMEOUT_MS), { brokers: this.config.kafkaBrokers })
        : Promise.resolve(undefined),
    ]);
    const checks: Record<string, Check> = {
      postgres,
      eventStore,
      ...(kafkaCheck ? { kafka: kafkaCheck } : {}),
    };
    const projections = postgres.status === 'up' ? await this.projections.health().catch(() => []) : [];
    const up = Object.values(checks).every((c) => c.status === 'up');
    const degraded = projections.some((p) => p.lastError !== null);
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: up ? (degraded ? 'degraded' : 'ok') : 'down',
      checks,
      projections,
    };
  }

  private eventStoreInfo(): Record<string, unknown> {
    return this.config.eventStore === 'eventstoredb' && this.config.esdbConnectionString
      ? { adapter: 'eventstoredb', address: esdbAddress(this.config.esdbConnectionString) }
      : { adapter: 'postgres' };
  }
}

async function check(
  probe: () => Promise<void | Record<string, unknown>>,
  info: Record<string, unknown> = {},
): Promise<Check> {
  const started = Date.now();
  try {
    const detail = await withTimeout(probe(), PROBE_TIMEOUT_MS);
    return { status: 'up', ...info, latencyMs: Date.now() - started, ...(detail ?? {}) };
  } catch (error) {
    return { status: 'down', ...info, detail: error instanceof Error ? error.message : String(error) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms}ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
