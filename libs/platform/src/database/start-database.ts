import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrate';
import { withDatabase } from './database-url';
import { waitForDependencies } from '../startup/wait-for-dependencies';

export interface RunningDatabase {
  url: string;
  /** True when this process started an embedded server (and must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
  /**
   * Calls back once if the embedded server this process supervises dies. With
   * DATABASE_URL it never does: the pools reconnect when the server is back.
   */
  onLost(listener: (detail: string) => void): void;
}

const EMBEDDED_DATABASE = 'brukermedvirkning';

/**
 * DATABASE_URL when set; otherwise a persistent embedded PostgreSQL under
 * DATA_DIR. Either way every pending migration is applied before the start.
 * Configured servers (DATABASE_URL, EventStoreDB, Kafka) are waited for first,
 * for at most STARTUP_TIMEOUT_SECONDS (StartupTimeout names the setting).
 */
export async function startDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<RunningDatabase> {
  await waitForDependencies(config, log);
  if (config.databaseUrl) {
    await runMigrations(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined, onLost: () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    persistent: true,
    ownProcessGroup: true,
  });
  try {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
    } finally {
      await admin.end();
    }
    const url = withDatabase(server.url, EMBEDDED_DATABASE);
    await runMigrations(url);
    log(`embedded PostgreSQL running with data in ${config.dataDir}`);
    return { url, embedded: true, stop: () => server.stop(), onLost: (l) => server.onUnexpectedExit(l) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
