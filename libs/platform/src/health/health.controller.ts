import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRuntime } from '../projections/projection-runtime';

type Check = { status: 'up' | 'down'; detail?: string; [key: string]: unknown };

/** Liveness and readiness: each dependency separately, and each projection's lag. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRuntime,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Every dependency is up' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [postgres, eventStore] = await Promise.all([
      check(async () => void (await this.dataSource.query('SELECT 1'))),
      check(async () => ({ head: await this.store.headPosition() })),
    ]);
    const projections = postgres.status === 'up' ? await this.projections.health().catch(() => []) : [];
    const up = postgres.status === 'up' && eventStore.status === 'up';
    const degraded = projections.some((p) => p.lastError !== null);
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: up ? (degraded ? 'degraded' : 'ok') : 'down',
      checks: { postgres, eventStore },
      projections,
    };
  }
}

async function check(probe: () => Promise<void | Record<string, unknown>>): Promise<Check> {
  const started = Date.now();
  try {
    const detail = await probe();
    return { status: 'up', latencyMs: Date.now() - started, ...(detail ?? {}) };
  } catch (error) {
    return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
  }
}
