import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  AppLogger,
  ConfigError,
  listen,
  loadConfig,
  PortInUse,
  startDatabase,
  StartupTimeout,
} from '@app/platform';
import { createApp } from './create-app';

/**
 * `npm start`: on embedded defaults this one process starts PostgreSQL, runs
 * migrations, serves the API and runs the projections. Ctrl-C (SIGINT) or
 * SIGTERM stops HTTP, then the workers, then PostgreSQL.
 */
async function main(): Promise<void> {
  const logger = new Logger('Main');
  const config = loadConfig();
  Logger.overrideLogger(new AppLogger(config.logLevel));
  const database = await startDatabase(config, (line) => logger.log(line));
  const app = await createApp({ config, databaseUrl: database.url });
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    await app.close().catch((error: unknown) => logger.error(error));
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await listen(app, config.port, 'PORT').catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  logger.log(`listening on http://localhost:${config.port} (health /health, docs /docs, metrics /metrics)`);
}

main().catch((error: unknown) => {
  // A bad setting, a taken port or an unreachable server is the operator's to fix: the message, not a stack.
  const operators = [ConfigError, StartupTimeout, PortInUse].some((kind) => error instanceof kind);
  console.error(operators && error instanceof Error ? error.message : error);
  process.exit(1);
});
