import type { AppConfig } from '../config/app-config';
import { configuredDependencies } from './dependencies';
import { waitUntilReachable } from './wait-until-reachable';

/**
 * Start-up against real servers: waits for every configured one (PostgreSQL,
 * EventStoreDB, Kafka) at once, each retried with backoff for at most
 * STARTUP_TIMEOUT_SECONDS; throws StartupTimeout naming the setting and the
 * address of one that never answered.
 */
export async function waitForDependencies(config: AppConfig, log: (line: string) => void): Promise<void> {
  await Promise.all(
    configuredDependencies(config).map((dependency) =>
      waitUntilReachable(dependency, { timeoutSeconds: config.startupTimeoutSeconds, log }),
    ),
  );
}
