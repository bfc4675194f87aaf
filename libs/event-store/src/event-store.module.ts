import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { CLOCK, type Clock } from '@app/shared-kernel';
import { EVENT_STORE, RAW_EVENT_STORE, type EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { UpcasterRegistry } from './upcasting/upcaster-registry';
import { UpcastingEventStore } from './upcasting/upcasting-event-store';

class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(RAW_EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Wires the configured adapter. Contexts register their upcasters on the
 * shared UpcasterRegistry at module init.
 */
@Global()
@Module({})
export class EventStoreModule {
  static forPostgres(poolToken: symbol, urlToken: symbol) {
    return {
      module: EventStoreModule,
      providers: [
        UpcasterRegistry,
        {
          provide: RAW_EVENT_STORE,
          inject: [poolToken, urlToken, CLOCK],
          useFactory: (pool: Pool, url: string, clock: Clock) =>
            new PostgresEventStore({ pool, listenUrl: url, clock }),
        },
        {
          provide: EVENT_STORE,
          inject: [RAW_EVENT_STORE, UpcasterRegistry],
          useFactory: (raw: EventStore, upcasters: UpcasterRegistry) =>
            new UpcastingEventStore(raw, upcasters),
        },
        EventStoreCloser,
      ],
      exports: [RAW_EVENT_STORE, EVENT_STORE, UpcasterRegistry],
    };
  }

  /** EVENT_STORE=eventstoredb: events in EventStoreDB; its event-id index in the read-model database (poolToken). */
  static forEventStoreDb(connectionString: string, poolToken: symbol) {
    return {
      module: EventStoreModule,
      providers: [
        UpcasterRegistry,
        {
          provide: RAW_EVENT_STORE,
          inject: [poolToken, CLOCK],
          useFactory: (pool: Pool, clock: Clock) =>
            EventStoreDbEventStore.connect(connectionString, { pool, clock }),
        },
        {
          provide: EVENT_STORE,
          inject: [RAW_EVENT_STORE, UpcasterRegistry],
          useFactory: (raw: EventStore, upcasters: UpcasterRegistry) =>
            new UpcastingEventStore(raw, upcasters),
        },
        EventStoreCloser,
      ],
      exports: [RAW_EVENT_STORE, EVENT_STORE, UpcasterRegistry],
    };
  }
}
