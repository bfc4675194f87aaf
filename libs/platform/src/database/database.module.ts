import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';

export const PG_POOL = Symbol('PgPool');
export const DATABASE_URL = Symbol('DatabaseUrl');

class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}
  async onApplicationShutdown(): Promise<void> {
    const closed = everyConnectionClosed(this.pool);
    await this.pool.end();
    await closed;
  }
}

/**
 * `pool.end()` resolves once its connections are let go, while each one's
 * goodbye to the server is still on its way. Stopping the server in that gap
 * ends them from its side ("idle connection lost" on every Ctrl-C), so the
 * shutdown waits for each connection's `remove` (at most 2 s).
 */
function everyConnectionClosed(pool: Pool): Promise<void> {
  let open = pool.totalCount;
  if (open === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    timer.unref();
    pool.on('remove', () => {
      open -= 1;
      if (open > 0) return;
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The read-model database (TypeORM, migrations only) and a raw pool for the event store. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          // Every projection runner holds one connection for its advisory lock while it runs
          // (a dozen today); the rest serve queries and projection transactions.
          poolSize: 40,
        }),
      ],
      providers: [
        { provide: DATABASE_URL, useValue: url },
        {
          provide: PG_POOL,
          useFactory: () => {
            const pool = new Pool({ connectionString: url, max: 20 });
            // An idle connection dropped by the server (restart, shutdown) must not crash the process.
            pool.on('error', (error) =>
              new Logger('Database').warn(`idle connection lost: ${error.message}`),
            );
            // Nor one dropped while checked out (pool.connect()): node-postgres emits 'error' on the
            // client besides failing its queries, and a client in hand has no listener of the pool's.
            // The holder learns of it from its next query.
            pool.on('connect', (client) => client.on('error', () => undefined));
            return pool;
          },
        },
        PoolCloser,
      ],
      exports: [DATABASE_URL, PG_POOL],
    };
  }
}
