import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, ProjectionRuntime } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { createApp } from '../../../apps/api/src/create-app';
import type { WebClientSettings } from '../../../apps/api/src/web/web-client-settings';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build tool is plain CommonJS (npm start runs it without ts)
const { buildWebClient } = require('../../../tools/build-web.js') as {
  buildWebClient(options: {
    out: string;
    quiet?: boolean;
  }): Promise<{ outputs: Array<{ file: string; bytes: number }>; ms: number }>;
};

export interface WebApp {
  app: NestExpressApplication;
  db: TestDatabase;
  /** http://127.0.0.1:<port>: a real listening port, as a browser needs. */
  baseUrl: string;
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** The web client built once per test file into a folder of its own. */
export async function buildClientInto(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'bm-web-'));
  await buildWebClient({ out, quiet: true });
  return out;
}

/**
 * The real app as `npm start` runs it in embedded development: no
 * AUTH_JWT_SECRET, so the secret is the one generated into DATA_DIR and the
 * "Logg inn som" page works; `env` may configure a secret (then it must not).
 */
export async function startWebApp(
  clientDir: string,
  env: Record<string, string> = {},
  oidc: WebClientSettings['oidc'] = null,
): Promise<WebApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-web-data-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: 'off',
    RATE_LIMIT_BURST: 'off',
    EXPENSIVE_CONCURRENCY: '16',
    ...env,
  });
  const app = await createApp({
    config,
    databaseUrl: db.url,
    logger: false,
    webClient: { dir: clientDir, oidc },
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const projections = app.get(ProjectionRuntime);
  return {
    app,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    settled: () => projections.caughtUp(),
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
