import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AppLogger,
  ConfigError,
  listen,
  loadConfig,
  PortInUse,
  startDatabase,
  StartupTimeout,
} from '@app/platform';
import { WorkerModule } from './worker.module';

/**
 * `npm run start:worker`: projections, notary, relay and consumers, no API
 * (the scale-out shape: API replicas run with RUN_WORKERS=false). Its /health
 * and /metrics listen on WORKER_PORT (default 3001), so it also runs beside
 * `npm start` on one machine: each projection then runs in whichever process
 * holds its lock, and the other reports it as `standby`.
 */
async function main(): Promise<void> {
  const logger = new Logger('Worker');
  const config = { ...loadConfig(), runWorkers: true };
  const appLogger = new AppLogger(config.logLevel);
  Logger.overrideLogger(appLogger);
  const database = await startDatabase(config, (line) => logger.log(line));
  const app = await NestFactory.create(WorkerModule.register({ config, databaseUrl: database.url }), {
    logger: appLogger,
  });
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    await app.close().catch((error: unknown) => logger.error(error));
    await database.stop();
    process.exit(0);
  };
  // `on`, not `once`: npm passes a terminal's Ctrl-C on as well, and a second SIGINT must not kill mid-shutdown.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await listen(app, config.workerPort, 'WORKER_PORT').catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  logger.log(`worker running; health on http://localhost:${config.workerPort}/health`);
}

main().catch((error: unknown) => {
  // A bad setting, a taken port or an unreachable server is the operator's to fix: the message, not a stack.
  const operators = [ConfigError, StartupTimeout, PortInUse].some((kind) => error instanceof kind);
  console.error(operators && error instanceof Error ? error.message : error);
  process.exit(1);
});
