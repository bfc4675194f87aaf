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
import { HttpDrain } from './lifecycle/http-drain';

/** How long a stop waits for the requests in flight to be answered before it cuts them. */
const DRAIN_GRACE_MS = 25_000;
/** How long the workers and pools get to close after that. */
const CLOSE_GRACE_MS = 10_000;

/**
 * `npm start`: on embedded defaults this one process starts PostgreSQL, runs
 * migrations, serves the API and runs the projections. Ctrl-C (SIGINT) or
 * SIGTERM stops taking requests, answers those in flight, then stops the
 * workers, then PostgreSQL, and exits 0. If the embedded PostgreSQL it
 * supervises dies, it answers what is in flight (503) and exits 1, for a
 * supervisor to restart it. With DATABASE_URL a lost server is waited out:
 * requests get 503 until it is back.
 */
async function main(): Promise<void> {
  const logger = new Logger('Main');
  const config = loadConfig();
  Logger.overrideLogger(new AppLogger(config.logLevel));
  const database = await startDatabase(config, (line) => logger.log(line));
  const app = await createApp({ config, databaseUrl: database.url });
  const drain = new HttpDrain();
  app.use(drain.track);
  let stopping = false;
  const stop = async (reason: string, code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}: answering ${drain.inFlight} request(s) in flight, then shutting down`);
    await drain.drain(app.getHttpServer(), DRAIN_GRACE_MS);
    await withDeadline(app.close(), CLOSE_GRACE_MS).catch((error: unknown) => logger.error(error));
    if (code === 0) await database.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT received', 0));
  process.on('SIGTERM', () => void stop('SIGTERM received', 0));
  database.onLost((detail) => {
    logger.error(
      `embedded PostgreSQL stopped unexpectedly (${detail}); exiting 1 for a supervisor to restart`,
    );
    void stop('database lost', 1);
  });
  await listen(app, config.port, 'PORT').catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  logger.log(`listening on http://localhost:${config.port} (health /health, docs /docs, metrics /metrics)`);
}

function withDeadline(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not closed within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

main().catch((error: unknown) => {
  // A bad setting, a taken port or an unreachable server is the operator's to fix: the message, not a stack.
  const operators = [ConfigError, StartupTimeout, PortInUse].some((kind) => error instanceof kind);
  console.error(operators && error instanceof Error ? error.message : error);
  process.exit(1);
});
