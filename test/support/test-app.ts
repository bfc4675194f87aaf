import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadConfig, ProjectionRuntime } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { FixedClock, type Clock } from '@app/shared-kernel';
import { createApp, type CreateAppOptions } from '../../apps/api/src/create-app';
import { signDevToken, type DevTokenClaims } from '../../apps/api/src/http/auth/dev-token';

/** The HS256 secret test apps verify with unless a test sets AUTH_JWT_SECRET or AUTH_JWKS_URL itself. */
export const TEST_JWT_SECRET = 'e2e-only-secret-0123456789-abcdefghijklmnop';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  db: TestDatabase;
  clock: Clock;
  /** A bearer token this app accepts (HS256 with its secret); roles default to none, expiry to 1 h. */
  token(claims: Omit<DevTokenClaims, 'roles'> & { roles?: DevTokenClaims['roles'] }): Promise<string>;
  /** Waits until every projection has caught up with the log. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Test-only controllers, behind the real guard, pipe and interceptor. */
  extraControllers?: Type<unknown>[];
  idempotency?: CreateAppOptions['idempotency'];
}

/** The real HTTP application on a database of its own, as `npm start` builds it. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = options.clock ?? new FixedClock('2025-06-02T09:00:00.000Z');
  const env = { ...options.env };
  if (!env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL) env.AUTH_JWT_SECRET = TEST_JWT_SECRET;
  // Suites fire many requests, and races, at once: limits stay out of their way unless a test sets them (ADR 0013).
  env.RATE_LIMIT_PER_MINUTE ??= 'off';
  env.RATE_LIMIT_BURST ??= 'off';
  env.EXPENSIVE_CONCURRENCY ??= '16';
  const config = loadConfig({ DATA_DIR: '/tmp/bm-e2e-unused', ...env });
  const secret = config.auth.jwtSecret;
  const app = await createApp({
    config,
    databaseUrl: db.url,
    clock,
    logger: false,
    extraControllers: options.extraControllers,
    idempotency: options.idempotency,
  });
  await app.init();
  const projections = app.get(ProjectionRuntime);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    clock,
    token: async (claims) => {
      if (!secret) throw new Error('this test app verifies tokens with a JWKS, not a shared secret');
      return signDevToken({ roles: [], expires: '1h', ...claims }, secret);
    },
    settled: () => projections.caughtUp(),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
