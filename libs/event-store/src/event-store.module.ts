import { Global, Inject, Module, type FactoryProvider, type OnApplicationShutdown } from '@nestjs/common';
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
/** The adapter under RAW_EVENT_STORE, upcasting on top as EVENT_STORE, closed at shutdown. */
function wiring(raw: FactoryProvider<EventStore | Promise<EventStore>>['useFactory'], inject: symbol[]) {
  return {
    module: EventStoreModule,
    providers: [
      UpcasterRegistry,
      { provide: RAW_EVENT_STORE, inject, useFactory: raw },
      {
        provide: EVENT_STORE,
        inject: [RAW_EVENT_STORE, UpcasterRegistry],
        useFactory: (store: EventStore, upcasters: UpcasterRegistry) =>
          new UpcastingEventStore(store, upcasters),
      },
      EventStoreCloser,
    ],
    exports: [RAW_EVENT_STORE, EVENT_STORE, UpcasterRegistry],
  };
}

@Global()
@Module({})
export class EventStoreModule {
  static forPostgres(poolToken: symbol, urlToken: symbol) {
    return wiring(
      (pool: Pool, url: string, clock: Clock) => new PostgresEventStore({ pool, listenUrl: url, clock }),
      [poolToken, urlToken, CLOCK],
    );
  }

  /** EVENT_STORE=eventstoredb: events in EventStoreDB; its event-id index in the read-model database (poolToken). */
  static forEventStoreDb(connectionString: string, poolToken: symbol) {
    return wiring(
      (pool: Pool, clock: Clock) => EventStoreDbEventStore.connect(connectionString, { pool, clock }),
      [poolToken, CLOCK],
    );
  }
}
