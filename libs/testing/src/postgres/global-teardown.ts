import { rmSync } from 'node:fs';

/** Stops the run's embedded PostgreSQL (global-setup.ts) and removes its folder. */
export default async function globalTeardown(): Promise<void> {
  const embedded = (
    globalThis as { __embeddedPostgres?: { server: { stop(): Promise<void> }; dataDir: string } }
  ).__embeddedPostgres;
  if (!embedded) return;
  await embedded.server.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
}
