import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../../platform/src/database/embedded-postgres';
import { runMigrations } from '../../../platform/src/database/migrate';
import { TEMPLATE_DATABASE, withDatabase } from './urls';

/**
 * Once per jest run: one real PostgreSQL (embedded, or DATABASE_URL when set)
 * and a template database with every migration applied. Each test file then
 * clones the template (libs/testing/src/postgres/test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bm-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    (globalThis as { __embeddedPostgres?: unknown }).__embeddedPostgres = { server, dataDir };
    adminUrl = server.url;
  }
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
}
