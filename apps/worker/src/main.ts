import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, startDatabase, StartupTimeout } from '@app/platform';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: projections only, for the scale-out shape (API replicas run with RUN_WORKERS=false). */
async function main(): Promise<void> {
  const logger = new Logger('Worker');
  const config = { ...loadConfig(), runWorkers: true };
  const database = await startDatabase(config, (line) => logger.log(line));
  const app = await NestFactory.create(WorkerModule.register({ config, databaseUrl: database.url }), {
    logger: ['log', 'warn', 'error'],
  });
  const shutdown = async (signal: string): Promise<void> => {
    logger.log(`${signal} received, shutting down`);
    await app.close().catch((error: unknown) => logger.error(error));
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen(config.port);
  logger.log(`worker running; health on http://localhost:${config.port}/health`);
}

main().catch((error: unknown) => {
  // A bad setting or an unreachable server is the operator's to fix: the message, not a stack.
  console.error(error instanceof ConfigError || error instanceof StartupTimeout ? error.message : error);
  process.exit(1);
});
