import { DataSource } from 'typeorm';
import { migrations } from '../../../../infra/migrations';

/** Advisory-lock key so several processes starting at once migrate one at a time. */
const MIGRATION_LOCK = 7_340_001;

/** Applies every pending migration, serialised across processes. */
export async function runMigrations(url: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}
