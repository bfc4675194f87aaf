import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { EVENT_STORE, rebuildProjection, type EventStore } from '@app/event-store';
import { loadConfig, ProjectionRegistry, startDatabase, type AppConfig } from '@app/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { embeddedDefaults } from './compiled-app';

/**
 * The application without HTTP, in the bench's own process, on the embedded
 * PostgreSQL of `dataDir`: the same modules as `npm run start:worker` (every
 * context's command handlers and projections), as `npm run
 * projections:rebuild` starts them. The compiled API (`npm start`) opens the
 * same DATA_DIR afterwards, with the same generated keys.
 */
export function benchConfig(dataDir: string): AppConfig {
  const env = embeddedDefaults({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  return loadConfig(env);
}

export async function withApplication<T>(
  config: AppConfig,
  runWorkers: boolean,
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const database = await startDatabase(config, () => undefined);
  try {
    const app = await NestFactory.createApplicationContext(
      WorkerModule.register({ config: { ...config, runWorkers }, databaseUrl: database.url }),
      { logger: ['error'] },
    );
    try {
      await app.init();
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

export interface RebuildTimes {
  events: number;
  seconds: number;
  perProjection: Array<{ name: string; seconds: number }>;
}

/**
 * Every projection emptied and replayed from position 0, one after another,
 * as `npm run projections:rebuild -- <name>` does for each (the API stopped).
 */
export async function rebuildEveryProjection(app: INestApplicationContext): Promise<RebuildTimes> {
  const store = app.get<EventStore>(EVENT_STORE);
  const dataSource = app.get(DataSource);
  const events = await store.headPosition();
  const perProjection: RebuildTimes['perProjection'] = [];
  const started = process.hrtime.bigint();
  for (const projection of app.get(ProjectionRegistry).all()) {
    const from = process.hrtime.bigint();
    await rebuildProjection(store, dataSource, projection, { timeoutMs: 60 * 60_000 });
    perProjection.push({ name: projection.name, seconds: Number(process.hrtime.bigint() - from) / 1e9 });
  }
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9, perProjection };
}
