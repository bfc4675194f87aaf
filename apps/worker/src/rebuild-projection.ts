import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { EVENT_STORE, rebuildProjection, type EventStore } from '@app/event-store';
import { loadConfig, ProjectionRegistry, startDatabase } from '@app/platform';
import { WorkerModule } from './worker.module';

/**
 * `npm run projections:rebuild -- <name>`: drops one read model's rows and
 * replays the log from position 0 into it. Safe while workers run: they see
 * the reset checkpoint and the one holding the projection's lock does the work.
 */
async function main(): Promise<number> {
  const name = process.argv[2];
  const config = { ...loadConfig(), runWorkers: false };
  const database = await startDatabase(config, () => undefined);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({ config, databaseUrl: database.url }),
    { logger: ['error'] },
  );
  try {
    const registry = app.get(ProjectionRegistry);
    const projection = name ? registry.get(name) : undefined;
    if (!projection) {
      const known = registry
        .all()
        .map((p) => p.name)
        .join(', ');
      const problem = name ? `unknown projection "${name}"` : 'which projection? give its name';
      process.stderr.write(
        `${problem}\nusage: npm run projections:rebuild -- <name>\nknown projections: ${known}\n`,
      );
      return 2;
    }
    const started = Date.now();
    const { position } = await rebuildProjection(
      app.get<EventStore>(EVENT_STORE),
      app.get(DataSource),
      projection,
      {
        log: (line) => process.stderr.write(`${line}\n`),
      },
    );
    process.stdout.write(
      `rebuilt ${projection.name} up to position ${position} in ${Date.now() - started} ms\n`,
    );
    return 0;
  } finally {
    await app.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
