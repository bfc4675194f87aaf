import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadConfig, ProjectionRuntime } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { FixedClock, type Clock } from '@app/shared-kernel';
import { createApp } from '../../apps/api/src/create-app';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  db: TestDatabase;
  clock: Clock;
  /** Waits until every projection has caught up with the log. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** The real HTTP application on a database of its own, as `npm start` builds it. */
export async function startTestApp(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = options.clock ?? new FixedClock('2025-06-02T09:00:00.000Z');
  const config = loadConfig({ DATA_DIR: '/tmp/bm-e2e-unused', ...options.env });
  const app = await createApp({ config, databaseUrl: db.url, clock, logger: false });
  await app.init();
  const projections = app.get(ProjectionRuntime);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    clock,
    settled: () => projections.caughtUp(),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
